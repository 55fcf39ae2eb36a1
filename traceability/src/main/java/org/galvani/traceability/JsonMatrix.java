package org.galvani.traceability;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import org.galvani.trace.Implements;

/** The matrix as JSON: the summary, every row with its chain and gaps, the controls, and every gap judged. */
@Implements("SRS-TRC-007")
final class JsonMatrix {

    private JsonMatrix() {
    }

    static String render(TraceResult result, Verdict verdict) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("{\n  \"generated\": ").append(Escape.json(result.time().toString()));
        out.append(",\n  \"policy\": ").append(Escape.json(verdict.policy()));
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
        for (RequirementTrace row : result.requirements()) {
            Requirement r = row.requirement();
            out.append(separator).append("{\"id\": ").append(Escape.json(r.id()))
                    .append(", \"version\": ").append(r.version())
                    .append(", \"title\": ").append(Escape.json(r.title()))
                    .append(", \"safetyClass\": ").append(Escape.json(r.safetyClass()))
                    .append(", \"module\": ").append(Escape.json(r.module()))
                    .append(", \"source\": ").append(source(r.source()))
                    .append(", \"status\": ").append(Escape.json(row.status().name()))
                    .append(", \"hazards\": ").append(strings(row.hazards()))
                    .append(", \"controls\": ").append(strings(row.controls()))
                    .append(", \"implementations\": ").append(array(row.implementations(), i -> "{\"element\": "
                            + Escape.json(i.element()) + ", \"module\": " + Escape.json(i.module()) + ", \"file\": "
                            + i.file() + ", \"source\": " + source(i.source()) + "}"))
                    .append(", \"tests\": ").append(array(row.tests(), JsonMatrix::test))
                    .append(", \"gaps\": ").append(array(row.gaps(), gap -> gap(gap, verdict)))
                    .append('}');
            separator = ",\n    ";
        }
        out.append("\n  ],\n  \"controls\": [");
        separator = "\n    ";
        for (ControlTrace control : result.controls()) {
            out.append(separator).append("{\"id\": ").append(Escape.json(control.control().id()))
                    .append(", \"title\": ").append(Escape.json(control.control().title()))
                    .append(", \"owner\": ").append(Escape.json(control.control().owner().name()))
                    .append(", \"hazards\": ").append(strings(control.hazards()))
                    .append(", \"requirements\": ").append(strings(control.requirements()))
                    .append(", \"verifiedRequirements\": ").append(strings(control.verifiedRequirements()))
                    .append(", \"verified\": ").append(control.verified()).append('}');
            separator = ",\n    ";
        }
        out.append("\n  ],\n  \"gaps\": ").append(array(result.gaps(), gap -> gap(gap, verdict)));
        return out.append("\n}\n").toString();
    }

    private static String test(VerifyingTest test) {
        CodeLink link = test.link();
        return "{\"element\": " + Escape.json(link.element()) + ", \"module\": " + Escape.json(link.module())
                + ", \"source\": " + source(link.source()) + ", \"version\": " + link.version()
                + ", \"suspect\": " + test.suspect() + ", \"outcome\": " + Escape.json(test.outcome().name())
                + ", \"passed\": " + test.count(TestStatus.PASSED)
                + ", \"failed\": " + (test.count(TestStatus.FAILED) + test.count(TestStatus.ERROR))
                + ", \"skipped\": " + test.count(TestStatus.SKIPPED)
                + ", \"reports\": " + strings(test.reportFiles()) + "}";
    }

    private static String gap(Gap gap, Verdict verdict) {
        return "{\"kind\": " + Escape.json(gap.kind().name()) + ", \"requirement\": " + Escape.json(gap.requirement())
                + ", \"safetyClass\": " + Escape.json(gap.safetyClass()) + ", \"failsBuild\": "
                + verdict.fails(gap) + ", \"where\": " + Escape.json(gap.where()) + ", \"message\": "
                + Escape.json(gap.message()) + "}";
    }

    private static String source(SourceRef source) {
        return source == null ? "null"
                : "{\"file\": " + Escape.json(source.file()) + ", \"line\": " + source.line() + "}";
    }

    private static String strings(List<String> values) {
        return array(values, Escape::json);
    }

    private static <T> String array(List<T> values, Function<T, String> render) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        values.forEach(value -> joiner.add(render.apply(value)));
        return joiner.toString();
    }
}
