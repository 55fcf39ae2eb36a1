package org.galvani.benchmarks;

import java.nio.file.Path;
import java.util.List;
import org.galvani.traceability.RequirementStatus;
import org.galvani.traceability.TracePolicy;
import org.galvani.traceability.TraceReports;
import org.galvani.traceability.TraceResult;
import org.galvani.traceability.TraceSources;
import org.galvani.traceability.Tracer;
import org.galvani.traceability.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cold run of the whole trace for {@code trace-vs-oft.sh}: {@code GalvaniTraceRun CORPUS OUT} discovers the
 * checkout, traces it, judges it under the default policy and writes every report (HTML, CSV, JSON, ReqIF, gaps)
 * into {@code OUT}, as {@code TraceMain} does (without its log of every gap), and logs what it found, the time of
 * each phase and the time from {@code main} to the last file written. A failed policy is the corpus's expected result (it has failing tests), not an error here.
 */
public final class GalvaniTraceRun {

    private static final Logger LOG = LoggerFactory.getLogger(GalvaniTraceRun.class);

    private GalvaniTraceRun() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GalvaniTraceRun CORPUS OUT");
        }
        TraceSources sources = TraceSources.discover(Path.of(args[0]));
        TraceResult result = Tracer.trace(sources);
        Verdict verdict = Verdict.of(result, TracePolicy.defaults());
        long traced = System.nanoTime();
        List<Path> files = TraceReports.write(result, verdict, Path.of(args[1]));
        long end = System.nanoTime();
        LOG.info("galvani: {} requirements ({} verified, {} suspect, {} with gaps), {} hazards, {} controls, {} links,"
                        + " {} test cases, {} gaps; read, trace and judge {} ms, {} reports {} ms; {} ms in main",
                result.requirements().size(), result.count(RequirementStatus.VERIFIED),
                result.count(RequirementStatus.SUSPECT), result.count(RequirementStatus.GAP),
                result.analysis().register().hazards().size(), result.controls().size(), result.links().size(),
                result.testCases(), result.gaps().size(), (traced - start) / 1_000_000, files.size(),
                (end - traced) / 1_000_000, (end - start) / 1_000_000);
    }
}
