package org.galvani.hazard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.galvani.trace.Implements;

/** Writes the evidence files of an analysis: {@code hazard-report.html} and {@code hazards.json}. */
@Implements("SRS-HAZ-007")
public final class HazardReports {

    public static final String HTML = "hazard-report.html";
    public static final String JSON = "hazards.json";

    private HazardReports() {
    }

    /** Writes both files into {@code directory} (created if missing) and returns their paths. */
    public static List<Path> write(HazardAnalysis analysis, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path html = Files.writeString(directory.resolve(HTML), HtmlReport.render(analysis), StandardCharsets.UTF_8);
        Path json = Files.writeString(directory.resolve(JSON), JsonReport.render(analysis), StandardCharsets.UTF_8);
        return List.of(html, json);
    }
}
