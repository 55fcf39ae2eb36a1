package org.galvani.hazard;

import java.util.List;
import java.util.Locale;
import org.galvani.trace.Implements;

/**
 * The register and its findings as JSON, for tools: scales, matrix, controls (with the requirements
 * that implement them), hazards (with the acceptability before and after control) and findings, each
 * with its file and line.
 */
@Implements("SRS-HAZ-007")
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(HazardAnalysis analysis) {
        HazardRegister register = analysis.register();
        RiskMatrix matrix = register.matrix();
        StringBuilder json = new StringBuilder(64 * 1024);
        json.append("{\n  \"file\": ").append(Text.json(register.file()))
                .append(",\n  \"title\": ").append(Text.json(register.title()))
                .append(",\n  \"severity\": ");
        scale(json, matrix.severity());
        json.append(",\n  \"probability\": ");
        scale(json, matrix.probability());
        json.append(",\n  \"acceptability\": {");
        for (int s = 0; s < matrix.severity().size(); s++) {
            json.append(s == 0 ? "\n" : ",\n").append("    ").append(Text.json(matrix.severity().levels().get(s).id())).append(": [");
            for (int p = 0; p < matrix.probability().size(); p++) {
                json.append(p == 0 ? "" : ", ").append(Text.json(matrix.cells().get(s).get(p).key()));
            }
            json.append(']');
        }
        json.append("\n  },\n  \"controls\": [");
        List<RiskControl> controls = register.controls();
        for (int i = 0; i < controls.size(); i++) {
            RiskControl control = controls.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"id\": ").append(Text.json(control.id()))
                    .append(", \"kind\": ").append(Text.json(control.kind().key()))
                    .append(", \"owner\": ").append(Text.json(control.owner().key()))
                    .append(", \"title\": ").append(Text.json(control.title()))
                    .append(", \"text\": ").append(Text.json(control.text()))
                    .append(", \"implementedBy\": ").append(strings(analysis.implementersOf(control.id()).stream()
                            .map(RequirementLink::id).toList()))
                    .append(", \"verification\": {\"implementation\": ")
                    .append(strings(control.verification().implementation().stream().map(Reference::id).toList()))
                    .append(", \"effectiveness\": ")
                    .append(strings(control.verification().effectiveness().stream().map(Reference::id).toList()))
                    .append("}, \"line\": ").append(control.location().line()).append('}');
        }
        json.append("\n  ],\n  \"hazards\": [");
        List<Hazard> hazards = register.hazards();
        for (int i = 0; i < hazards.size(); i++) {
            Hazard hazard = hazards.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"id\": ").append(Text.json(hazard.id()))
                    .append(", \"title\": ").append(Text.json(hazard.title()))
                    .append(", \"hazard\": ").append(Text.json(hazard.hazard()))
                    .append(", \"causes\": ").append(strings(hazard.causes()))
                    .append(", \"situation\": ").append(Text.json(hazard.situation()))
                    .append(", \"harm\": ").append(Text.json(hazard.harm()))
                    .append(", \"initial\": ");
            estimate(json, matrix, hazard.initial());
            json.append(", \"controls\": ").append(strings(analysis.controlsInPriorityOrder(hazard).stream()
                    .map(RiskControl::id).toList()))
                    .append(", \"residual\": ");
            estimate(json, matrix, hazard.residual());
            json.append(", \"benefitRisk\": ").append(hazard.benefitRisk().map(Text::json).orElse("null"))
                    .append(", \"line\": ").append(hazard.location().line()).append('}');
        }
        json.append("\n  ],\n  \"findings\": [");
        List<Finding> findings = analysis.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"level\": ")
                    .append(Text.json(finding.level().name().toLowerCase(Locale.ROOT)))
                    .append(", \"check\": ").append(Text.json(finding.check().name()))
                    .append(", \"file\": ").append(Text.json(finding.location().file()))
                    .append(", \"line\": ").append(finding.location().line())
                    .append(", \"column\": ").append(finding.location().column())
                    .append(", \"message\": ").append(Text.json(finding.message())).append('}');
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static void scale(StringBuilder json, Scale scale) {
        json.append("{\"name\": ").append(Text.json(scale.name())).append(", \"levels\": [");
        for (int i = 0; i < scale.size(); i++) {
            Level level = scale.levels().get(i);
            json.append(i == 0 ? "" : ", ").append("{\"id\": ").append(Text.json(level.id()))
                    .append(", \"rank\": ").append(level.rank())
                    .append(", \"name\": ").append(Text.json(level.name()))
                    .append(", \"description\": ").append(Text.json(level.description())).append('}');
        }
        json.append("]}");
    }

    private static void estimate(StringBuilder json, RiskMatrix matrix, RiskEstimate estimate) {
        json.append("{\"severity\": ").append(Text.json(estimate.severity().id()))
                .append(", \"probability\": ").append(Text.json(estimate.probability().id()))
                .append(", \"acceptability\": ")
                .append(matrix.resolve(estimate).map(a -> Text.json(a.key())).orElse("null")).append('}');
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(Text.json(values.get(i)));
        }
        return out.append(']').toString();
    }
}
