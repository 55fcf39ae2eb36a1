package org.galvani.hazard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * The hazard report as one self-contained HTML page (inline style and pictures, no script, no external
 * resource): a summary, the risk matrices before and after control, the open items (every finding and
 * every product team's control), the register and the controls with the requirements that implement
 * them.
 */
@Implements("SRS-HAZ-007")
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1d232a}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ccd}
            .sub{color:#556}table{border-collapse:collapse;width:100%;margin:8px 0}
            th,td{border:1px solid #ccd;padding:4px 6px;vertical-align:top;text-align:left}
            th{background:#eef1f5}tr:target{outline:2px solid #36c}
            .chip{display:inline-block;padding:0 6px;border-radius:3px;font-weight:600;white-space:nowrap}
            .acceptable{background:#4caf50;color:#fff}.alarp{background:#f5c542;color:#1d232a}
            .unacceptable{background:#d9453b;color:#fff}
            .error{color:#b3261e;font-weight:600}.warning{color:#8a5a00;font-weight:600}.note{color:#445}
            .matrices{display:flex;flex-wrap:wrap;gap:24px}.matrix .caption{font-weight:600;font-size:14px}
            .matrix .axis{font-size:12px;fill:#334}.matrix .small{font-size:11px}.matrix .title{font-weight:600}
            .matrix .count{font-size:20px;font-weight:700;fill:#1d232a}
            .kind{font-size:12px;color:#556;margin-top:4px}ol,ul{margin:0;padding-left:18px}
            code{font-size:12px}.owner{font-size:11px;color:#8a5a00}
            """;

    private HtmlReport() {
    }

    public static String render(HazardAnalysis analysis) {
        HazardRegister register = analysis.register();
        RiskMatrix matrix = register.matrix();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(Text.html(register.title())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        html.append("<h1>").append(Text.html(register.title())).append("</h1>\n");
        long errors = analysis.errors().size();
        long warnings = analysis.findings().stream().filter(f -> f.level() == FindingLevel.WARNING).count();
        long notes = analysis.findings().stream().filter(f -> f.level() == FindingLevel.NOTE).count();
        html.append(String.format(Locale.ROOT, "<p class=\"sub\" id=\"summary\">%s · %d hazards · %d risk controls ·"
                + " %d requirements linked · <span class=\"error\">%d errors</span> · <span class=\"warning\">%d open"
                + " items</span> · %d notes</p>%n", Text.html(register.file()), register.hazards().size(),
                register.controls().size(), analysis.links().size(), errors, warnings, notes));

        html.append("<h2>Risk matrix</h2>\n<div class=\"matrices\">\n<div id=\"matrix-initial\">")
                .append(MatrixPicture.svg(matrix, analysis.initialCounts(), "Before risk control"))
                .append("</div>\n<div id=\"matrix-residual\">")
                .append(MatrixPicture.svg(matrix, analysis.residualCounts(), "After risk control (residual)"))
                .append("</div>\n</div>\n");
        scales(html, matrix);

        html.append("<h2 id=\"open-items\">Open items</h2>\n");
        if (analysis.findings().isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<table><tr><th>level</th><th>check</th><th>where</th><th>finding</th></tr>\n");
            for (Finding finding : analysis.findings()) {
                String level = finding.level().name().toLowerCase(Locale.ROOT);
                html.append("<tr class=\"finding\"><td class=\"").append(level).append("\">").append(level)
                        .append("</td><td><code>").append(finding.check()).append("</code></td><td><code>")
                        .append(Text.html(finding.location().toString())).append("</code></td><td>")
                        .append(Text.html(finding.message())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }

        html.append("<h2 id=\"register\">Hazards</h2>\n<table><tr><th>ID</th><th>hazard</th><th>sequence of events</th>"
                + "<th>hazardous situation</th><th>harm</th><th>before</th><th>risk controls</th><th>after</th></tr>\n");
        for (Hazard hazard : register.hazards()) {
            hazardRow(html, analysis, hazard);
        }
        html.append("</table>\n");

        html.append("<h2 id=\"controls\">Risk controls</h2>\n<table><tr><th>ID</th><th>kind</th><th>control</th>"
                + "<th>implemented by</th><th>verification of implementation</th><th>verification of effectiveness</th></tr>\n");
        for (ControlKind kind : ControlKind.values()) {
            for (RiskControl control : register.controls()) {
                if (control.kind() == kind) {
                    controlRow(html, analysis, control);
                }
            }
        }
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }

    private static void scales(StringBuilder html, RiskMatrix matrix) {
        html.append("<table><tr><th>").append(Text.html(matrix.severity().name())).append("</th><th></th><th>")
                .append(Text.html(matrix.probability().name())).append("</th><th></th></tr>\n");
        int rows = Math.max(matrix.severity().size(), matrix.probability().size());
        for (int i = rows - 1; i >= 0; i--) {
            html.append("<tr>");
            for (Scale scale : List.of(matrix.severity(), matrix.probability())) {
                if (i < scale.size()) {
                    Level level = scale.levels().get(i);
                    html.append("<td><b>").append(Text.html(level.id())).append("</b> ").append(Text.html(level.name()))
                            .append("</td><td>").append(Text.html(level.description())).append("</td>");
                } else {
                    html.append("<td></td><td></td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void hazardRow(StringBuilder html, HazardAnalysis analysis, Hazard hazard) {
        html.append("<tr class=\"hazard\" id=\"").append(Text.html(hazard.id())).append("\"><td><b>")
                .append(Text.html(hazard.id())).append("</b></td><td><b>").append(Text.html(hazard.title()))
                .append("</b><br>").append(Text.html(hazard.hazard())).append("</td><td><ol>");
        for (String cause : hazard.causes()) {
            html.append("<li>").append(Text.html(cause)).append("</li>");
        }
        html.append("</ol></td><td>").append(Text.html(hazard.situation())).append("</td><td>")
                .append(Text.html(hazard.harm())).append("</td><td>");
        risk(html, analysis.register().matrix(), hazard.initial());
        html.append("</td><td>");
        List<RiskControl> controls = analysis.controlsInPriorityOrder(hazard);
        for (ControlKind kind : ControlKind.values()) {
            List<RiskControl> ofKind = controls.stream().filter(c -> c.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                html.append("<div class=\"kind\">").append(Text.html(kind.label())).append("</div><ul>");
                for (RiskControl control : ofKind) {
                    html.append("<li><a href=\"#").append(Text.html(control.id())).append("\">")
                            .append(Text.html(control.id())).append("</a> ").append(Text.html(control.title()));
                    if (control.owner() == ControlOwner.PRODUCT_TEAM) {
                        html.append(" <span class=\"owner\">(product team)</span>");
                    }
                    html.append("</li>");
                }
                html.append("</ul>");
            }
        }
        for (Reference reference : hazard.controls()) {
            if (analysis.register().control(reference.id()).isEmpty()) {
                html.append("<div class=\"error\">unknown ").append(Text.html(reference.id())).append("</div>");
            }
        }
        html.append("</td><td>");
        risk(html, analysis.register().matrix(), hazard.residual());
        hazard.benefitRisk().ifPresent(rationale -> html.append("<div class=\"kind\">Benefit-risk: ")
                .append(Text.html(rationale)).append("</div>"));
        html.append("</td></tr>\n");
    }

    private static void risk(StringBuilder html, RiskMatrix matrix, RiskEstimate estimate) {
        Optional<Acceptability> acceptability = matrix.resolve(estimate);
        html.append("<code>").append(Text.html(estimate.toString())).append("</code><br>");
        if (acceptability.isPresent()) {
            html.append("<span class=\"chip ").append(acceptability.get().key()).append("\">")
                    .append(acceptability.get().key()).append("</span>");
        } else {
            html.append("<span class=\"error\">unknown level</span>");
        }
    }

    private static void controlRow(StringBuilder html, HazardAnalysis analysis, RiskControl control) {
        html.append("<tr class=\"control\" id=\"").append(Text.html(control.id())).append("\"><td><b>")
                .append(Text.html(control.id())).append("</b></td><td>").append(Text.html(control.kind().label()));
        if (control.owner() == ControlOwner.PRODUCT_TEAM) {
            html.append("<div class=\"owner\">product team</div>");
        }
        html.append("</td><td><b>").append(Text.html(control.title())).append("</b><br>")
                .append(Text.html(control.text())).append("</td><td>");
        List<RequirementLink> implementers = analysis.implementersOf(control.id());
        if (implementers.isEmpty()) {
            html.append(control.owner() == ControlOwner.PRODUCT_TEAM
                    ? "<span class=\"warning\">open: product team</span>" : "<span class=\"error\">none</span>");
        }
        for (RequirementLink link : implementers) {
            html.append("<code title=\"").append(Text.html(link.location().toString())).append("\">")
                    .append(Text.html(link.id())).append("</code> ");
        }
        html.append("</td><td>");
        references(html, control.verification().implementation());
        html.append("</td><td>");
        references(html, control.verification().effectiveness());
        html.append("</td></tr>\n");
    }

    private static void references(StringBuilder html, List<Reference> references) {
        html.append("<ul>");
        for (Reference reference : references) {
            html.append("<li>").append(Text.html(reference.id())).append("</li>");
        }
        html.append("</ul>");
    }
}
