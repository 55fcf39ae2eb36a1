package org.galvani.traceability;

import java.io.IOException;
import java.util.List;
import org.galvani.trace.Implements;

/** The matrix as JSON: the summary, every row with its chain and gaps, the controls, and every gap judged. */
@Implements("SRS-TRC-007")
final class JsonMatrix {

    private JsonMatrix() {
    }

    /** An element of a JSON array, appended to the output. */
    private interface Item<T> {
        void append(StringBuilder out, T value);
    }

    static void render(TraceResult result, Verdict verdict, ReportOutput report) throws IOException {
        StringBuilder out = report.text();
        out.append("{\n  \"generated\": ");
        Escape.json(out, result.time().toString()).append(",\n  \"policy\": ");
        Escape.json(out, verdict.policy());
        out.append(",\n  \"passed\": ").append(verdict.passed());
        out.append(",\n  \"summary\": {\"requirements\": ").append(result.requirements().size())
                .append(", \"verified\": ").append(result.count(RequirementStatus.VERIFIED))
                .append(", \"suspect\": ").append(result.count(RequirementStatus.SUSPECT))
                .append(", \"withGaps\": ").append(result.count(RequirementStatus.GAP))
                .append(", \"hazards\": ").append(result.analysis().register().hazards().size())
                .append(", \"controls\": ").append(result.controls().size())
                .append(", \"links\": ").append(result.links().size())
                .append(", \"testCases\": ").append(result.testCases())
                .append(", \"gaps\": ").append(result.gaps().size())
                .append(", \"failures\": ").append(verdict.failures().size())
                .append(", \"warnings\": ").append(verdict.warnings().size()).append("}");
        out.append(",\n  \"requirements\": [");
        String separator = "\n    ";
        Item<Gap> judged = (to, gap) -> gap(to, gap, verdict);
        for (RequirementTrace row : result.requirements()) {
            Requirement r = row.requirement();
            out.append(separator).append("{\"id\": ");
            Escape.json(out, r.id()).append(", \"version\": ").append(r.version()).append(", \"title\": ");
            Escape.json(out, r.title()).append(", \"safetyClass\": ");
            Escape.json(out, r.safetyClass()).append(", \"module\": ");
            Escape.json(out, r.module()).append(", \"source\": ");
            source(out, r.source()).append(", \"status\": ");
            Escape.json(out, row.status().name()).append(", \"hazards\": ");
            strings(out, row.hazards()).append(", \"controls\": ");
            strings(out, row.controls()).append(", \"implementations\": ");
            array(out, row.implementations(), JsonMatrix::implementation).append(", \"tests\": ");
            array(out, row.tests(), JsonMatrix::test).append(", \"gaps\": ");
            array(out, row.gaps(), judged).append('}');
            separator = ",\n    ";
            report.flushIfFull();
        }
        out.append("\n  ],\n  \"controls\": [");
        separator = "\n    ";
        for (ControlTrace control : result.controls()) {
            out.append(separator).append("{\"id\": ");
            Escape.json(out, control.control().id()).append(", \"title\": ");
            Escape.json(out, control.control().title()).append(", \"owner\": ");
            Escape.json(out, control.control().owner().name()).append(", \"hazards\": ");
            strings(out, control.hazards()).append(", \"requirements\": ");
            strings(out, control.requirements()).append(", \"verifiedRequirements\": ");
            strings(out, control.verifiedRequirements()).append(", \"verified\": ").append(control.verified())
                    .append('}');
            separator = ",\n    ";
            report.flushIfFull();
        }
        out.append("\n  ],\n  \"gaps\": [");
        separator = "";
        for (Gap gap : result.gaps()) {
            gap(out.append(separator), gap, verdict);
            separator = ", ";
            report.flushIfFull();
        }
        out.append("]\n}\n");
    }

    private static void implementation(StringBuilder out, Implementation implementation) {
        out.append("{\"element\": ");
        Escape.json(out, implementation.element()).append(", \"module\": ");
        Escape.json(out, implementation.module()).append(", \"file\": ").append(implementation.file())
                .append(", \"source\": ");
        source(out, implementation.source()).append('}');
    }

    private static void test(StringBuilder out, VerifyingTest test) {
        CodeLink link = test.link();
        out.append("{\"element\": ");
        Escape.json(out, link.element()).append(", \"module\": ");
        Escape.json(out, link.module()).append(", \"source\": ");
        source(out, link.source()).append(", \"version\": ").append(link.version())
                .append(", \"suspect\": ").append(test.suspect()).append(", \"outcome\": ");
        Escape.json(out, test.outcome().name())
                .append(", \"passed\": ").append(test.count(TestStatus.PASSED))
                .append(", \"failed\": ").append(test.count(TestStatus.FAILED) + test.count(TestStatus.ERROR))
                .append(", \"skipped\": ").append(test.count(TestStatus.SKIPPED))
                .append(", \"reports\": ");
        strings(out, test.reportFiles()).append('}');
    }

    private static void gap(StringBuilder out, Gap gap, Verdict verdict) {
        out.append("{\"kind\": ");
        Escape.json(out, gap.kind().name()).append(", \"requirement\": ");
        Escape.json(out, gap.requirement()).append(", \"safetyClass\": ");
        Escape.json(out, gap.safetyClass()).append(", \"failsBuild\": ").append(verdict.fails(gap))
                .append(", \"where\": ");
        Escape.json(out, gap.where()).append(", \"message\": ");
        Escape.json(out, gap.message()).append('}');
    }

    private static StringBuilder source(StringBuilder out, SourceRef source) {
        if (source == null) {
            return out.append("null");
        }
        out.append("{\"file\": ");
        return Escape.json(out, source.file()).append(", \"line\": ").append(source.line()).append('}');
    }

    private static StringBuilder strings(StringBuilder out, List<String> values) {
        return array(out, values, Escape::json);
    }

    private static <T> StringBuilder array(StringBuilder out, List<T> values, Item<T> item) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            item.append(out, values.get(i));
        }
        return out.append(']');
    }
}
