package org.galvani.traceability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.galvani.hazard.InputFormatException;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces a checkout, judges it by a policy and writes the evidence: what the build and {@code galvani trace}
 * run.
 */
@Implements({"SRS-TRC-006", "SRS-TRC-007"})
public final class Traceability {

    private static final Logger LOG = LoggerFactory.getLogger(Traceability.class);

    /** What a run produced: the trace, the verdict and the files written. */
    public record Run(TraceResult result, Verdict verdict, List<Path> files) {
    }

    private Traceability() {
    }

    /**
     * Traces the sources, judges the gaps by the policy, writes the reports into {@code output}, and logs a
     * summary, every failure (error) and every warning. Throws on input that cannot be read (naming the file and
     * line); a failed policy is not an exception here but {@code run.verdict().passed() == false}.
     */
    public static Run run(TraceSources sources, TracePolicy policy, Path output) throws IOException, InputFormatException {
        TraceResult result = Tracer.trace(sources);
        Verdict verdict = Verdict.of(result, policy);
        List<Path> files = TraceReports.write(result, verdict, output);
        LOG.info("traceability: {} requirements ({} verified, {} suspect, {} with gaps), {} hazards, {} controls, {} links,"
                        + " {} test cases; {} gaps: {} fail the build under {}, {} warnings; wrote {}",
                result.requirements().size(), result.count(RequirementStatus.VERIFIED),
                result.count(RequirementStatus.SUSPECT), result.count(RequirementStatus.GAP),
                result.analysis().register().hazards().size(), result.controls().size(), result.links().size(),
                result.testCases(), result.gaps().size(), verdict.failures().size(), verdict.policy(),
                verdict.warnings().size(), output.resolve(TraceReports.HTML));
        for (Gap gap : verdict.warnings()) {
            LOG.warn("traceability warning: {}", gap);
        }
        for (Gap gap : verdict.failures()) {
            LOG.error("traceability gap: {}", gap);
        }
        return new Run(result, verdict, files);
    }
}
