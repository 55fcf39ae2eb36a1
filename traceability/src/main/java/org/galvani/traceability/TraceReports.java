package org.galvani.traceability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Writes every file into {@code directory} (created if missing) and returns their paths. */
    public static List<Path> write(TraceResult result, Verdict verdict, Path directory) throws IOException {
        Files.createDirectories(directory);
        return List.of(
                write(directory.resolve(HTML), HtmlMatrix.render(result, verdict, directory)),
                write(directory.resolve(CSV), CsvMatrix.render(result)),
                write(directory.resolve(JSON), JsonMatrix.render(result, verdict)),
                write(directory.resolve(REQIF), ReqIfExport.render(result, verdict)),
                write(directory.resolve(GAPS), gaps(verdict)));
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
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
