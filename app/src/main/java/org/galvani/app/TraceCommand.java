package org.galvani.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.galvani.hazard.InputFormatException;
import org.galvani.trace.Implements;
import org.galvani.traceability.Gap;
import org.galvani.traceability.RequirementStatus;
import org.galvani.traceability.TracePolicy;
import org.galvani.traceability.TraceSources;
import org.galvani.traceability.Traceability;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code galvani trace}: the traceability matrix of a checkout (hazard → risk control → requirement →
 * implementation → verifying tests → latest result) from its requirement files, hazard register, compiled
 * classes and test reports, as the build runs it; writes the evidence and exits 1 when the policy fails.
 */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Traces a checkout after a build (mvn verify): every requirement with its hazards, risk controls,"
                + " implementation and verifying tests with their latest results, and every gap.",
            "Writes trace-matrix.html (for auditors), .csv, .json, .reqif (ReqIF 1.2) and trace-gaps.txt.",
            "Exit code 0 when the policy passes, 1 when gaps fail it or an input cannot be read, 2 for bad options."},
        footer = {"", "Example: galvani trace --root . --out target/evidence/trace"})
@Implements({"SRS-APP-020", "SRS-APP-002"})
public final class TraceCommand implements Callable<Integer> {

    /** The policy a checkout ships, relative to its root. */
    static final String SHIPPED_POLICY = "traceability/policy.yaml";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "The checkout to trace: a directory with the modules (default: the current directory).")
    private Path root;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the evidence (default: ROOT/target/evidence/trace).")
    private Path out;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The policy deciding which gaps fail (default: ROOT/" + SHIPPED_POLICY
                    + " when present, else the built-in default: every gap on a class C requirement but a suspect link).")
    private Path policy;

    @Override
    public Integer call() {
        if (!Files.isDirectory(root)) {
            throw usage("--root " + root + ": not a directory");
        }
        Path output = out != null ? out : root.resolve("target/evidence/trace");
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw usage("--out " + output + ": exists and is not a directory");
        }
        TracePolicy rules = policy();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Traceability.Run run;
        try {
            run = Traceability.run(TraceSources.discover(root), rules, output);
        } catch (IOException | InputFormatException e) {
            err.println("galvani trace: " + e.getMessage());
            return 1;
        }
        stdout.printf("%d requirements: %d verified, %d suspect, %d with gaps; %d gaps, %d fail the build under %s%n",
                run.result().requirements().size(), run.result().count(RequirementStatus.VERIFIED),
                run.result().count(RequirementStatus.SUSPECT), run.result().count(RequirementStatus.GAP),
                run.result().gaps().size(), run.verdict().failures().size(), run.verdict().policy());
        for (Path file : run.files()) {
            stdout.println("wrote " + file);
        }
        if (run.verdict().passed()) {
            return 0;
        }
        err.println("galvani trace: the policy failed; gaps that fail the build:");
        for (Gap gap : run.verdict().failures()) {
            err.println("  " + gap);
        }
        return 1;
    }

    private TracePolicy policy() {
        Path file = policy != null ? policy : root.resolve(SHIPPED_POLICY);
        if (policy == null && !Files.isRegularFile(file)) {
            return TracePolicy.defaults();
        }
        if (!Files.isRegularFile(file)) {
            throw usage("--policy " + file + ": no such file");
        }
        try {
            return TracePolicy.read(file);
        } catch (IOException | InputFormatException e) {
            throw usage("--policy " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
