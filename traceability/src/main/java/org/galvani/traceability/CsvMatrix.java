package org.galvani.traceability;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.galvani.trace.Implements;

/**
 * The matrix as CSV (RFC 4180, UTF-8): one line per requirement, several values in a cell separated by
 * {@code "; "}.
 */
@Implements("SRS-TRC-007")
final class CsvMatrix {

    static final String HEADER = "requirement,version,safety class,module,title,status,hazards,risk controls,"
            + "implementations,verifying tests,test outcomes,gaps,source";

    private CsvMatrix() {
    }

    static void render(TraceResult result, ReportOutput report) throws IOException {
        StringBuilder out = report.text().append(HEADER).append("\r\n");
        for (RequirementTrace row : result.requirements()) {
            Requirement r = row.requirement();
            List<String> cells = List.of(r.id(), Integer.toString(r.version()), r.safetyClass(), r.module(), r.title(),
                    row.status().name(), String.join("; ", row.hazards()), String.join("; ", row.controls()),
                    row.implementations().stream().map(Implementation::element).collect(Collectors.joining("; ")),
                    row.tests().stream().map(t -> t.link().element()).collect(Collectors.joining("; ")),
                    row.tests().stream().map(t -> t.outcome().name() + (t.suspect() ? " (suspect)" : ""))
                            .collect(Collectors.joining("; ")),
                    row.gaps().stream().map(g -> g.kind() + ": " + g.message()).collect(Collectors.joining("; ")),
                    r.source().toString());
            for (int i = 0; i < cells.size(); i++) {
                out.append(i == 0 ? "" : ",").append(Escape.csv(cells.get(i)));
            }
            out.append("\r\n");
            report.flushIfFull();
        }
    }
}
