package org.galvani.traceability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.galvani.hazard.Hazard;
import org.galvani.hazard.Location;
import org.galvani.hazard.RiskControl;
import org.galvani.trace.Implements;

/**
 * The auditor's page: one self-contained HTML file (inline style and script, no external resource) with the
 * matrix, a search box, filters by status, hazard and module, every gap, and the risk controls. Every
 * requirement, implementation, test, report, hazard and control links to its file (and line) by a relative
 * link from the evidence folder, so the page works offline in a checkout.
 *
 * <p>Opened with {@code #selfcheck}, the page checks itself: it applies each status filter, a search and a
 * hazard and a module filter, compares the visible rows with the counts written into the page, records
 * every script error ({@code window.onerror}), and writes {@code SELFCHECK PASS} or {@code SELFCHECK FAIL}
 * with what went wrong into the element {@code #selfcheck}.
 */
@Implements({"SRS-TRC-007", "SRS-TRC-008"})
final class HtmlMatrix {

    private HtmlMatrix() {
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin-top:1.6em}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
            th{background:#f0f0f0;position:sticky;top:0}tr[hidden]{display:none}
            .b{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600;color:#fff}
            .VERIFIED,.PASSED{background:#2e7d32}.SUSPECT{background:#b26a00}.GAP,.FAILED{background:#c62828}
            .SKIPPED,.NOT_RUN{background:#6d4c41}.fail{color:#c62828;font-weight:600}.warn{color:#b26a00}
            .filters{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0;align-items:center}
            ul{margin:0;padding-left:1.2em}small{color:#666}code{font-size:12px;word-break:break-all}
            #selfcheck{font-family:monospace;color:#666}
            """;

    private static final String HEAD_SCRIPT = "window.galvaniErrors=[];window.onerror=function(m,s,l){"
            + "window.galvaniErrors.push(String(m)+' (line '+l+')');return false;};";

    private static final String SCRIPT = """
            (function(){
              var rows=Array.prototype.slice.call(document.querySelectorAll('#matrix tbody tr'));
              var search=document.getElementById('search'),status=document.getElementById('status'),
                  hazard=document.getElementById('hazard'),module=document.getElementById('module'),
                  shown=document.getElementById('shown');
              function apply(){
                var q=search.value.trim().toLowerCase(),s=status.value,h=hazard.value,m=module.value,n=0;
                rows.forEach(function(r){
                  var ok=(!q||r.getAttribute('data-text').indexOf(q)>=0)&&(!s||r.getAttribute('data-status')===s)
                    &&(!h||(' '+r.getAttribute('data-hazards')+' ').indexOf(' '+h+' ')>=0)
                    &&(!m||r.getAttribute('data-module')===m);
                  r.hidden=!ok;if(ok){n++;}
                });
                shown.textContent=n+' of '+rows.length+' requirements shown';
                return n;
              }
              [search,status,hazard,module].forEach(function(e){e.addEventListener('input',apply);e.addEventListener('change',apply);});
              apply();
              function visible(){return rows.filter(function(r){return !r.hidden;});}
              function selfcheck(){
                var problems=[],expected=JSON.parse(document.getElementById('matrix').getAttribute('data-expected'));
                if(rows.length!==expected.total){problems.push('rows '+rows.length+', expected '+expected.total);}
                ['VERIFIED','SUSPECT','GAP'].forEach(function(s){
                  status.value=s;apply();var v=visible();
                  if(v.length!==expected[s]){problems.push(s+': '+v.length+' rows shown, expected '+expected[s]);}
                  v.forEach(function(r){if(r.getAttribute('data-status')!==s){problems.push('a '+r.getAttribute('data-status')+' row shown under '+s);}});
                });
                status.value='';
                if(rows.length){
                  var id=rows[0].getAttribute('data-id');search.value=id.toLowerCase();apply();var f=visible();
                  if(f.length<1||f.some(function(r){return r.getAttribute('data-text').indexOf(id.toLowerCase())<0;})){problems.push('search for '+id+': '+f.length+' rows shown');}
                  search.value='';
                }
                if(expected.hazard){hazard.value=expected.hazard;apply();
                  if(visible().length!==expected.hazardRows){problems.push('hazard '+expected.hazard+': '+visible().length+' rows shown, expected '+expected.hazardRows);}
                  hazard.value='';}
                if(expected.module){module.value=expected.module;apply();
                  if(visible().length!==expected.moduleRows){problems.push('module '+expected.module+': '+visible().length+' rows shown, expected '+expected.moduleRows);}
                  module.value='';}
                if(apply()!==rows.length){problems.push('clearing the filters does not show every row');}
                var errors=window.galvaniErrors||[];
                document.getElementById('selfcheck').textContent=(problems.length===0&&errors.length===0?'SELFCHECK PASS':'SELFCHECK FAIL')
                  +' rows='+rows.length+' errors='+errors.length
                  +(problems.length?' problems: '+problems.join('; '):'')+(errors.length?' script errors: '+errors.join('; '):'');
              }
              if(location.hash==='#selfcheck'){selfcheck();}
            })();
            """;

    static void render(TraceResult result, Verdict verdict, Path outputDirectory, ReportOutput report)
            throws IOException {
        Links links = new Links(result.sources().root(), outputDirectory);
        Map<String, Location> hazards = new HashMap<>();
        for (Hazard hazard : result.analysis().register().hazards()) {
            hazards.putIfAbsent(hazard.id(), hazard.location());
        }
        Map<String, Location> controls = new HashMap<>();
        for (RiskControl control : result.analysis().register().controls()) {
            controls.putIfAbsent(control.id(), control.location());
        }
        TreeSet<String> hazardIds = new TreeSet<>();
        TreeSet<String> modules = new TreeSet<>();
        for (RequirementTrace row : result.requirements()) {
            hazardIds.addAll(row.hazards());
            modules.add(row.requirement().module());
        }
        String firstHazard = hazardIds.isEmpty() ? null : hazardIds.first();
        String firstModule = modules.isEmpty() ? null : modules.first();
        long hazardRows = firstHazard == null ? 0
                : result.requirements().stream().filter(r -> r.hazards().contains(firstHazard)).count();
        long moduleRows = result.requirements().stream().filter(r -> r.requirement().module().equals(firstModule)).count();
        String expected = "{\"total\":" + result.requirements().size()
                + ",\"VERIFIED\":" + result.count(RequirementStatus.VERIFIED)
                + ",\"SUSPECT\":" + result.count(RequirementStatus.SUSPECT)
                + ",\"GAP\":" + result.count(RequirementStatus.GAP)
                + ",\"hazard\":" + Escape.json(firstHazard) + ",\"hazardRows\":" + hazardRows
                + ",\"module\":" + Escape.json(firstModule) + ",\"moduleRows\":" + moduleRows + "}";

        StringBuilder out = report.text();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Galvani traceability matrix</title>\n<style>").append(STYLE).append("</style>\n<script>")
                .append(HEAD_SCRIPT).append("</script>\n</head>\n<body>\n<h1>Galvani traceability matrix</h1>\n");
        out.append("<p>Hazard → risk control → requirement → implementation → verifying tests → latest result. Generated ")
                .append(Escape.xml(result.time().toString())).append(" from the checkout; policy: ")
                .append(Escape.xml(verdict.policy())).append(".</p>\n");
        out.append("<p id=\"verdict\" class=\"").append(verdict.passed() ? "" : "fail").append("\">")
                .append(verdict.passed() ? "Policy passed" : "Policy FAILED").append(": ")
                .append(verdict.failures().size()).append(" gap(s) fail the build, ").append(verdict.warnings().size())
                .append(" warning(s). ").append(result.requirements().size()).append(" requirements: ")
                .append(result.count(RequirementStatus.VERIFIED)).append(" verified, ")
                .append(result.count(RequirementStatus.SUSPECT)).append(" suspect, ")
                .append(result.count(RequirementStatus.GAP)).append(" with gaps; ")
                .append(result.analysis().register().hazards().size()).append(" hazards, ")
                .append(result.controls().size()).append(" risk controls, ").append(result.links().size())
                .append(" links, ").append(result.testCases()).append(" test cases read. Register: ")
                .append(links.a(result.sources().name(result.sources().hazardRegister()), 0,
                        result.sources().name(result.sources().hazardRegister())))
                .append(".</p>\n");

        out.append("<div class=\"filters\"><label>Search <input id=\"search\" type=\"search\" size=\"30\"></label>")
                .append("<label>Status <select id=\"status\"><option value=\"\">all</option>");
        for (RequirementStatus status : RequirementStatus.values()) {
            out.append("<option>").append(status.name()).append("</option>");
        }
        out.append("</select></label><label>Hazard <select id=\"hazard\"><option value=\"\">all</option>");
        hazardIds.forEach(id -> out.append("<option>").append(Escape.xml(id)).append("</option>"));
        out.append("</select></label><label>Module <select id=\"module\"><option value=\"\">all</option>");
        modules.forEach(m -> out.append("<option>").append(Escape.xml(m)).append("</option>"));
        out.append("</select></label><span id=\"shown\"></span></div>\n");

        out.append("<table id=\"matrix\" data-expected=\"").append(Escape.xml(expected)).append("\">\n<thead><tr>")
                .append("<th>Status and gaps</th><th>Hazards</th><th>Risk controls</th><th>Requirement</th>")
                .append("<th>Implementation</th><th>Verifying tests (latest result)</th></tr></thead>\n<tbody>\n");
        for (RequirementTrace row : result.requirements()) {
            row(out, row, verdict, links, hazards, controls);
            report.flushIfFull();
        }
        out.append("</tbody>\n</table>\n");

        out.append("<h2>Every gap (").append(result.gaps().size()).append(")</h2>\n<table id=\"gaps\">\n<thead><tr>")
                .append("<th>Kind</th><th>Build</th><th>Requirement</th><th>Where</th><th>What is missing</th></tr></thead>\n<tbody>\n");
        for (Gap gap : result.gaps()) {
            boolean fails = verdict.fails(gap);
            out.append("<tr><td>").append(gap.kind()).append("</td><td class=\"").append(fails ? "fail" : "warn")
                    .append("\">").append(fails ? "fails" : "warning").append("</td><td>")
                    .append(gap.requirement() == null ? "" : Escape.xml(gap.requirement())).append("</td><td><code>");
            Escape.xml(out, gap.where()).append("</code></td><td>");
            Escape.xml(out, gap.message()).append("</td></tr>\n");
            report.flushIfFull();
        }
        out.append("</tbody>\n</table>\n");

        out.append("<h2>Risk controls (").append(result.controls().size()).append(")</h2>\n<table id=\"controls\">\n")
                .append("<thead><tr><th>Control</th><th>Owner</th><th>Hazards</th><th>Requirements</th><th>Verified by</th></tr></thead>\n<tbody>\n");
        for (ControlTrace control : result.controls()) {
            Location at = control.control().location();
            out.append("<tr><td>").append(links.a(at.file(), at.line(), control.control().id())).append(" ")
                    .append(Escape.xml(control.control().title())).append("</td><td>")
                    .append(control.control().owner().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(Escape.xml(String.join(", ", control.hazards()))).append("</td><td>")
                    .append(Escape.xml(String.join(", ", control.requirements()))).append("</td><td>")
                    .append(control.verified() ? Escape.xml(String.join(", ", control.verifiedRequirements()))
                            : "<span class=\"" + (control.requirements().isEmpty() ? "warn\">no requirement" : "fail\">none"))
                    .append(control.verified() ? "" : "</span>").append("</td></tr>\n");
            report.flushIfFull();
        }
        out.append("</tbody>\n</table>\n<p id=\"selfcheck\">SELFCHECK NOT RUN (open this page with #selfcheck)</p>\n<script>")
                .append(SCRIPT).append("</script>\n</body>\n</html>\n");
    }

    private static void row(StringBuilder out, RequirementTrace row, Verdict verdict, Links links,
            Map<String, Location> hazards, Map<String, Location> controls) {
        Requirement r = row.requirement();
        RequirementStatus status = row.status();
        String hazardIds = String.join(" ", row.hazards());
        StringBuilder text = new StringBuilder(256).append(r.id()).append(' ').append(r.title()).append(' ')
                .append(r.module()).append(' ').append(hazardIds).append(' ')
                .append(String.join(" ", row.controls()));
        row.implementations().forEach(i -> text.append(' ').append(i.element()));
        row.tests().forEach(t -> text.append(' ').append(t.link().element()));
        out.append("<tr data-id=\"");
        Escape.xml(out, r.id()).append("\" data-status=\"").append(status).append("\" data-module=\"");
        Escape.xml(out, r.module()).append("\" data-hazards=\"");
        Escape.xml(out, hazardIds).append("\" data-text=\"");
        Escape.xml(out, text.toString().toLowerCase(Locale.ROOT)).append("\">");
        out.append("<td><span class=\"b ").append(status).append("\">").append(status).append("</span><ul>");
        for (Gap gap : row.gaps()) {
            out.append("<li class=\"").append(verdict.fails(gap) ? "fail" : "warn").append("\">").append(gap.kind())
                    .append(": ");
            Escape.xml(out, gap.message()).append("</li>");
        }
        out.append("</ul></td><td>");
        for (String id : row.hazards()) {
            Location at = hazards.get(id);
            if (at == null) {
                Escape.xml(out, id);
            } else {
                links.a(out, at.file(), at.line(), id);
            }
            out.append(' ');
        }
        out.append("</td><td>");
        for (String id : row.controls()) {
            Location at = controls.get(id);
            if (at == null) {
                Escape.xml(out, id);
            } else {
                links.a(out, at.file(), at.line(), id);
            }
            out.append(' ');
        }
        out.append("</td><td>");
        links.a(out, r.source().file(), r.source().line(), r.id()).append(" v")
                .append(r.version()).append(" <small>class ");
        Escape.xml(out, r.safetyClass()).append(" · ");
        Escape.xml(out, r.module()).append("</small><br>");
        Escape.xml(out, r.title()).append("</td><td><ul>");
        for (Implementation implementation : row.implementations()) {
            out.append("<li>");
            linked(out, links, implementation.source(), shortName(implementation.element())).append("</li>");
        }
        out.append("</ul></td><td><ul>");
        for (VerifyingTest test : row.tests()) {
            CodeLink link = test.link();
            out.append("<li><span class=\"b ").append(test.outcome()).append("\">").append(test.outcome())
                    .append("</span> ");
            linked(out, links, link.source(), shortName(link.element()))
                    .append(" <small>").append(test.count(TestStatus.PASSED)).append(" passed");
            long failed = test.count(TestStatus.FAILED) + test.count(TestStatus.ERROR);
            long skipped = test.count(TestStatus.SKIPPED);
            if (failed > 0) {
                out.append(", ").append(failed).append(" failed");
            }
            if (skipped > 0) {
                out.append(", ").append(skipped).append(" skipped");
            }
            out.append("</small>");
            for (String report : test.reportFiles()) {
                out.append(" ");
                links.a(out, report, 0, "report");
            }
            if (test.suspect()) {
                out.append(" <span class=\"b SUSPECT\">suspect: v").append(link.version() == 0 ? "–" : link.version())
                        .append("</span>");
            }
            out.append("</li>");
        }
        out.append("</ul></td></tr>\n");
    }

    private static StringBuilder linked(StringBuilder out, Links links, SourceRef source, String label) {
        if (source == null) {
            return Escape.xml(out.append("<code>"), label).append("</code>");
        }
        return links.a(out, source.file(), source.line(), "<code>" + Escape.xml(label) + "</code>", true);
    }

    /** {@code a.b.Class#member} → {@code Class#member}, for display; the link and the title keep the full name. */
    private static String shortName(String element) {
        int hash = element.indexOf('#');
        String type = hash < 0 ? element : element.substring(0, hash);
        int dot = type.lastIndexOf('.');
        return dot < 0 || element.contains("/") ? element : element.substring(dot + 1);
    }

    /** Relative links from the evidence folder to files of the checkout. */
    private static final class Links {
        private final String prefix;

        Links(Path root, Path outputDirectory) {
            Path relative = outputDirectory.toAbsolutePath().normalize().relativize(root.toAbsolutePath().normalize());
            String path = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
            this.prefix = path.isEmpty() ? "" : path + "/";
        }

        String a(String file, int line, String text) {
            return a(new StringBuilder(), file, line, text).toString();
        }

        /** Appends a link to {@code file} (and {@code line}) with {@code text} as its escaped label. */
        StringBuilder a(StringBuilder out, String file, int line, String text) {
            return a(out, file, line, Escape.xml(text), true);
        }

        StringBuilder a(StringBuilder out, String file, int line, String html, boolean escaped) {
            out.append("<a href=\"");
            Escape.xml(out, prefix);
            Escape.xml(out, file);
            if (line > 0) {
                out.append("#L").append(line);
            }
            out.append("\" title=\"");
            Escape.xml(out, file);
            if (line > 0) {
                out.append(':').append(line);
            }
            return out.append("\">").append(html).append("</a>");
        }
    }
}
