package org.galvani.verification.proofs;

import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.java.abstraction.KeYJavaType;
import de.uka.ilkd.key.java.declaration.TypeDeclaration;
import de.uka.ilkd.key.logic.op.IObserverFunction;
import de.uka.ilkd.key.pp.LogicPrinter;
import de.uka.ilkd.key.proof.Goal;
import de.uka.ilkd.key.proof.Proof;
import de.uka.ilkd.key.proof.io.ProblemLoaderException;
import de.uka.ilkd.key.proof.init.ProofInputException;
import de.uka.ilkd.key.settings.ChoiceSettings;
import de.uka.ilkd.key.settings.ProofSettings;
import de.uka.ilkd.key.speclang.Contract;
import de.uka.ilkd.key.strategy.StrategyProperties;
import de.uka.ilkd.key.util.MiscTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small facade over KeY 2.12 (key.core): loads a folder of Java sources with JML contracts once, then
 * runs KeY's automatic mode on their contracts, one proof at a time, and reports each outcome as a
 * {@link ProofResult}. The rest of this module sees no KeY type.
 *
 * <p>The settings are fixed here, for every proof, because a proof is only as good as them:
 * <ul>
 *   <li>taclet options: KeY's defaults and those of {@link MiscTools#getDefaultTacletOptions()}, then
 *       {@code intRules:javaSemantics} (int and long arithmetic in the code wraps as in Java, so a proof
 *       also shows that nothing overflows; KeY's default treats them as mathematical integers and would
 *       prove an overflowing method correct) and {@code runtimeExceptions:allow} (an exception the code
 *       may throw, such as a division by zero, is a path that a normal_behavior contract must rule out);</li>
 *   <li>strategy: calls are replaced by their callee's contract, loops by their invariant, dependency
 *       contracts and query treatment on, non-linear arithmetic per {@link ProverSettings}, and auto mode
 *       stops at the first goal it cannot close (a failed proof fails fast); the rest are KeY's defaults.</li>
 * </ul>
 * KeY keeps taclet options in a process-wide default, read when sources are loaded; so they are set in
 * {@link #load}, and every proof is checked to run with Java integer semantics before it starts.
 *
 * <p>Not thread-safe: one proof at a time (KeY's auto mode is not meant to run two proofs of one
 * environment at once). Close it to free KeY's memory.
 */
@Implements("SRS-VER-001")
public final class KeyProver implements AutoCloseable {

    /** How many open goals of a failed proof are printed into its {@link ProofResult}. */
    public static final int PRINTED_OPEN_GOALS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(KeyProver.class);
    private static final String INT_RULES = "intRules";
    private static final String JAVA_INT_SEMANTICS = "intRules:javaSemantics";

    private final KeYEnvironment<?> environment;
    private final List<Contract> contracts;

    private KeyProver(KeYEnvironment<?> environment) {
        this.environment = environment;
        this.contracts = contractsOfSourceTypes(environment);
    }

    /**
     * Loads every {@code .java} file under {@code sourceFolder} (KeY parses all of them, and every type
     * they use must be in the folder, in KeY's model of the Java library, or in {@code classPath}).
     *
     * @param sourceFolder the sources to prove: a package tree
     * @param classPath    a package tree of stubs for library types that KeY's model lacks
     * @throws IllegalArgumentException when KeY cannot parse or resolve the sources (with KeY's message)
     */
    public static KeyProver load(Path sourceFolder, Path classPath) {
        useJavaIntegerSemantics();
        long start = System.nanoTime();
        KeYEnvironment<?> environment;
        try {
            environment = KeYEnvironment.load(sourceFolder.toAbsolutePath().toFile(),
                    List.of(classPath.toAbsolutePath().toFile()), null, null);
        } catch (ProblemLoaderException e) {
            throw new IllegalArgumentException("KeY cannot load " + sourceFolder + ": " + e.getMessage(), e);
        }
        KeyProver prover = new KeyProver(environment);
        LOG.info("KeY loaded {} in {} ms: {} contracts", sourceFolder, (System.nanoTime() - start) / 1_000_000,
                prover.contracts.size());
        return prover;
    }

    private static void useJavaIntegerSemantics() {
        ChoiceSettings choices = ProofSettings.DEFAULT_SETTINGS.getChoiceSettings();
        Map<String, String> options = new HashMap<>(choices.getDefaultChoices());
        options.putAll(MiscTools.getDefaultTacletOptions());
        options.put(INT_RULES, JAVA_INT_SEMANTICS);
        options.put("runtimeExceptions", "runtimeExceptions:allow");
        choices.setDefaultChoices(options);
    }

    /** Every contract of every type loaded from the sources (not of KeY's library model), sorted by name. */
    private static List<Contract> contractsOfSourceTypes(KeYEnvironment<?> environment) {
        List<Contract> found = new ArrayList<>();
        for (KeYJavaType type : environment.getJavaInfo().getAllKeYJavaTypes()) {
            if (!(type.getJavaType() instanceof TypeDeclaration declaration) || declaration.isLibraryClass()) {
                continue;
            }
            for (IObserverFunction target : environment.getSpecificationRepository().getContractTargets(type)) {
                for (Contract contract : environment.getSpecificationRepository().getContracts(type, target)) {
                    found.add(contract);
                }
            }
        }
        found.sort(Comparator.comparing(Contract::getName));
        return List.copyOf(found);
    }

    /**
     * Proves every contract of the loaded classes whose fully qualified name passes {@code classes}, in the
     * order of the contracts' names. An empty list means that no loaded class passed with a contract.
     */
    public List<ProofResult> proveContractsOf(Predicate<String> classes, ProverSettings settings) {
        List<ProofResult> results = new ArrayList<>();
        for (Contract contract : contracts) {
            if (classes.test(contract.getKJT().getFullName())) {
                results.add(prove(contract, settings));
            }
        }
        return results;
    }

    /** Proves one contract; refuses to run a proof without Java integer semantics (SRS-VER-002). */
    @Implements("SRS-VER-002")
    private ProofResult prove(Contract contract, ProverSettings settings) {
        Proof proof;
        try {
            proof = environment.createProof(contract.createProofObl(environment.getInitConfig(), contract));
        } catch (ProofInputException e) {
            throw new IllegalStateException("KeY cannot state the proof obligation of " + contract.getName(), e);
        }
        try {
            String intRules = proof.getSettings().getChoiceSettings().getDefaultChoices().get(INT_RULES);
            if (!JAVA_INT_SEMANTICS.equals(intRules)) {
                throw new IllegalStateException("the proof of " + contract.getName() + " would use " + intRules
                        + " instead of " + JAVA_INT_SEMANTICS + ": integer overflow would not be modelled");
            }
            configureStrategy(proof, settings);
            long start = System.nanoTime();
            environment.getProofControl().startAndWaitForAutoMode(proof);
            long millis = (System.nanoTime() - start) / 1_000_000;
            ProofResult result = new ProofResult(contract.getName(), contract.getKJT().getFullName(), proof.closed(),
                    proof.countNodes(), proof.openGoals().size(), printedOpenGoals(proof), millis);
            LOG.info("{}", result.summary());
            return result;
        } finally {
            proof.dispose();
        }
    }

    private static void configureStrategy(Proof proof, ProverSettings settings) {
        StrategyProperties properties = proof.getSettings().getStrategySettings().getActiveStrategyProperties();
        properties.setProperty(StrategyProperties.METHOD_OPTIONS_KEY, StrategyProperties.METHOD_CONTRACT);
        properties.setProperty(StrategyProperties.LOOP_OPTIONS_KEY, StrategyProperties.LOOP_INVARIANT);
        properties.setProperty(StrategyProperties.DEP_OPTIONS_KEY, StrategyProperties.DEP_ON);
        properties.setProperty(StrategyProperties.QUERY_OPTIONS_KEY, StrategyProperties.QUERY_ON);
        properties.setProperty(StrategyProperties.NON_LIN_ARITH_OPTIONS_KEY, switch (settings.nonLinearArithmetic()) {
            case DEFINED_OPERATIONS -> StrategyProperties.NON_LIN_ARITH_DEF_OPS;
            case MODEL_SEARCH -> StrategyProperties.NON_LIN_ARITH_COMPLETION;
        });
        properties.setProperty(StrategyProperties.STOPMODE_OPTIONS_KEY, StrategyProperties.STOPMODE_NONCLOSE);
        proof.getSettings().getStrategySettings().setActiveStrategyProperties(properties);
        proof.getSettings().getStrategySettings().setMaxSteps(settings.maxSteps());
        proof.setActiveStrategy(proof.getServices().getProfile().getDefaultStrategyFactory().create(proof, properties));
    }

    private static List<String> printedOpenGoals(Proof proof) {
        List<String> printed = new ArrayList<>();
        for (Goal goal : proof.openGoals()) {
            if (printed.size() == PRINTED_OPEN_GOALS) {
                break;
            }
            printed.add("node " + goal.node().serialNr() + ": "
                    + LogicPrinter.quickPrintSequent(goal.sequent(), proof.getServices()));
        }
        return printed;
    }

    @Override
    public void close() {
        environment.dispose();
    }
}
