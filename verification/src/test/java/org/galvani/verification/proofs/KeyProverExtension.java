package org.galvani.verification.proofs;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method a {@link KeyProver} parameter: the staged kernel sources and the fixtures (canary,
 * hint lemmas), loaded into KeY once for the whole test run, because loading takes several seconds and
 * the canary must be proved by the very prover, with the very settings, that proves the kernel.
 *
 * <p>The prover lives in the store of JUnit's root context, which closes it (and with it KeY's
 * environment) when the run ends.
 */
public final class KeyProverExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeyProverExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeyProver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KeyProver.class, type -> load(), KeyProver.class);
    }

    private static KeyProver load() {
        VerificationPaths paths = VerificationPaths.fromSystemProperties();
        try {
            new ProofStage(paths.kernelSources(), paths.traceSources()).stageInto(paths.stage(), List.of(paths.fixtures()));
            return KeyProver.load(paths.stage(), paths.stubs());
        } catch (IOException e) {
            throw new ParameterResolutionException("cannot stage the sources to prove in " + paths.stage(), e);
        }
    }
}
