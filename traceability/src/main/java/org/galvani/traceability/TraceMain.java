package org.galvani.traceability;

import java.nio.file.Files;
import java.nio.file.Path;
import org.galvani.trace.Implements;

/**
 * The build's entry point (the {@code verification} module runs it in its {@code verify} phase):
 * {@code TraceMain --root DIR --out DIR [--policy FILE]}. It traces the checkout, writes the evidence and
 * throws {@link TraceFailedException} listing every failing gap when the policy fails, so that the build
 * fails with that list; bad arguments or unreadable input throw with a message saying what and where.
 * It never calls {@code System.exit} (it runs inside Maven).
 */
@Implements("SRS-TRC-010")
public final class TraceMain {

    private TraceMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        Path out = null;
        Path policy = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--root" -> root = Path.of(value).toAbsolutePath().normalize();
                case "--out" -> out = Path.of(value).toAbsolutePath().normalize();
                case "--policy" -> policy = Path.of(value).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option " + option
                        + " (expected --root DIR --out DIR [--policy FILE])");
            }
        }
        if (root == null || out == null) {
            throw new IllegalArgumentException("--root DIR and --out DIR are required");
        }
        if (policy != null && !Files.isRegularFile(policy)) {
            throw new IllegalArgumentException("--policy " + policy.getFileName() + ": no such file (" + policy + ")");
        }
        TracePolicy rules = policy == null ? TracePolicy.defaults() : TracePolicy.read(policy);
        Traceability.Run run = Traceability.run(TraceSources.discover(root), rules, out);
        if (!run.verdict().passed()) {
            throw new TraceFailedException(run.verdict());
        }
    }
}
