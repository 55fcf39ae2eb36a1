package org.galvani.benchmarks.oft;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itsallcode.openfasttrace.api.ReportSettings;
import org.itsallcode.openfasttrace.api.core.LinkedSpecificationItem;
import org.itsallcode.openfasttrace.api.core.SpecificationItem;
import org.itsallcode.openfasttrace.api.core.Trace;
import org.itsallcode.openfasttrace.api.importer.ImportSettings;
import org.itsallcode.openfasttrace.api.report.ReportVerbosity;
import org.itsallcode.openfasttrace.core.Oft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cold run of OpenFastTrace 4.1.0 through its Java API, the counterpart of {@code GalvaniTraceRun}:
 * {@code OftTraceRun CORPUS OUT} imports every file of the corpus ({@code spec/*.md} items, coverage tags in
 * {@code src/**}{@code /*.java}), links and traces the items, and writes OFT's three report formats into
 * {@code OUT}: {@code report.txt} (plain text, every item), {@code report.html} and {@code report.aspec.xml}. It
 * logs what it found and the time from {@code main} to the last report written. Built only with the
 * benchmarks module's {@code oft} profile (OFT is GPL-3.0).
 */
public final class OftTraceRun {

    private static final Logger LOG = LoggerFactory.getLogger(OftTraceRun.class);

    private OftTraceRun() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OftTraceRun CORPUS OUT");
        }
        Path corpus = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        Oft oft = Oft.create();
        List<SpecificationItem> items = oft.importItems(ImportSettings.builder().addInputs(corpus).build());
        long imported = System.nanoTime();
        List<LinkedSpecificationItem> linked = oft.link(items);
        Trace trace = oft.trace(linked);
        long traced = System.nanoTime();
        oft.reportToPath(trace, out.resolve("report.txt"),
                ReportSettings.builder().outputFormat("plain").verbosity(ReportVerbosity.ALL).build());
        oft.reportToPath(trace, out.resolve("report.html"), ReportSettings.builder().outputFormat("html").build());
        oft.reportToPath(trace, out.resolve("report.aspec.xml"), ReportSettings.builder().outputFormat("aspec").build());
        long end = System.nanoTime();
        LOG.info("oft: {} items, {} with defects; import {} ms, link and trace {} ms, 3 reports {} ms; {} ms in main",
                trace.count(), trace.countDefects(), (imported - start) / 1_000_000, (traced - imported) / 1_000_000,
                (end - traced) / 1_000_000, (end - start) / 1_000_000);
    }
}
