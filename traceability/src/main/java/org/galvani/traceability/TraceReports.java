package org.galvani.traceability;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.galvani.trace.Implements;

/**
 * Writes the evidence of a trace into a folder: {@code trace-matrix.html} (the auditor's page),
 * {@code trace-matrix.csv}, {@code trace-matrix.json}, {@code trace-matrix.reqif} (ReqIF 1.2) and
 * {@code trace-gaps.txt} (every gap, failures first, as the build prints them).
 */
@Implements("SRS-TRC-007")
public final class TraceReports {

    public static final String HTML = "trace-matrix.html";
    public static final String CSV = "trace-matrix.csv";
    public static final String JSON = "trace-matrix.json";
    public static final String REQIF = "trace-matrix.reqif";
    public static final String GAPS = "trace-gaps.txt";

    private TraceReports() {
    }

    /** One report: renders the trace into an open output. */
    private interface Renderer {
        void render(ReportOutput output) throws IOException;
    }

    /**
     * Writes every file into {@code directory} (created if missing) and returns their paths. The five reports are
     * independent, so they are rendered at the same time, each by its own thread straight into its file; the
     * first failure (if any) is thrown once all have ended.
     */
    public static List<Path> write(TraceResult result, Verdict verdict, Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Renderer> reports = new LinkedHashMap<>();
        // The largest first, so that it never waits for a free thread.
        reports.put(REQIF, output -> ReqIfExport.render(result, verdict, output));
        reports.put(HTML, output -> HtmlMatrix.render(result, verdict, directory, output));
        reports.put(JSON, output -> JsonMatrix.render(result, verdict, output));
        reports.put(CSV, output -> CsvMatrix.render(result, output));
        reports.put(GAPS, output -> output.text().append(gaps(verdict)));
        int threads = Math.min(reports.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "galvani-trace-report");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Path>> written = new ArrayList<>();
            for (Map.Entry<String, Renderer> report : reports.entrySet()) {
                written.add(pool.submit(() -> write(directory.resolve(report.getKey()), report.getValue())));
            }
            IOException failure = null;
            for (Future<Path> file : written) {
                try {
                    file.get();
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : asIoException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing the trace reports");
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(directory.resolve(HTML), directory.resolve(CSV), directory.resolve(JSON),
                directory.resolve(REQIF), directory.resolve(GAPS));
    }

    private static Path write(Path file, Renderer renderer) throws IOException {
        try (ReportOutput output = new ReportOutput(file)) {
            renderer.render(output);
        }
        return file;
    }

    private static IOException asIoException(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    static String gaps(Verdict verdict) {
        StringBuilder out = new StringBuilder("# Traceability gaps under ").append(verdict.policy()).append('\n');
        out.append("# ").append(verdict.failures().size()).append(" fail the build, ").append(verdict.warnings().size())
                .append(" are warnings\n");
        for (Gap gap : verdict.failures()) {
            out.append("FAILS   ").append(gap).append('\n');
        }
        for (Gap gap : verdict.warnings()) {
            out.append("WARNING ").append(gap).append('\n');
        }
        return out.toString();
    }
}
