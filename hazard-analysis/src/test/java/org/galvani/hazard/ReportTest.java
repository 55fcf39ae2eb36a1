package org.galvani.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ReportTest {

    private static final Pattern CELL = Pattern.compile("<g class=\"cell\" data-severity=\"([^\"]+)\" data-probability=\""
            + "([^\"]+)\" data-count=\"(\\d+)\" data-acceptability=\"([a-z]+)\"><title>[^<]*</title><rect [^>]*fill=\"(#[0-9a-f]+)\"");

    @Test
    @Verifies("SRS-HAZ-007")
    void theMatrixCellsCountTheRegistersHazards() throws Exception {
        HazardAnalysis analysis = HazardAnalysis.of(Repository.register(), Repository.links());
        String html = HtmlReport.render(analysis);
        String initial = section(html, "matrix-initial");
        String residual = section(html, "matrix-residual");
        assertEquals(expectedCounts(analysis.register(), true), cells(initial, analysis.register().matrix()));
        assertEquals(expectedCounts(analysis.register(), false), cells(residual, analysis.register().matrix()));
    }

    @Test
    @Verifies("SRS-HAZ-007")
    void theReportShowsEveryHazardControlAndOpenItem() throws Exception {
        HazardAnalysis analysis = HazardAnalysis.of(Fixtures.register("controls.yaml"),
                List.of(Fixtures.link("SRS-TST-001", "RC-003", "RC-004")));
        String html = HtmlReport.render(analysis);
        assertEquals(3, analysis.findings().size(), analysis.findings().toString());
        for (Finding finding : analysis.findings()) {
            assertTrue(html.contains(finding.location().toString()), finding.toString());
            assertTrue(html.contains(finding.message().replace("'", "&#39;")), finding.toString());
        }
        assertEquals(3, count(html, "<tr class=\"finding\">"));
        assertEquals(1, count(html, "<tr class=\"hazard\""));
        assertEquals(4, count(html, "<tr class=\"control\""));
        assertTrue(html.contains("<span class=\"error\">1 errors</span>"), "the summary counts the error");
        // controls in the hazard's row grouped by kind, in priority order
        String row = html.substring(html.indexOf("<tr class=\"hazard\""), html.indexOf("</tr>", html.indexOf("<tr class=\"hazard\"")));
        assertTrue(row.indexOf("Protective measure") < row.indexOf("Information for safety"), row);
        assertTrue(row.contains("Too much current") && row.contains("High density") && row.contains(">Burn<"), row);
    }

    @Test
    @Verifies("SRS-HAZ-007")
    void thePageIsSelfContained() throws Exception {
        String html = HtmlReport.render(HazardAnalysis.of(Repository.register(), Repository.links()));
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("<link"), "no linked resources");
        assertFalse(html.contains("<img"), "no images by reference");
        Matcher url = Pattern.compile("(?:src|href)=\"(?!#)([^\"]*)\"").matcher(html);
        assertFalse(url.find(), () -> "a reference outside the page: " + url.group(1));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"), "no external URL");
        assertEquals(2, count(html, "<svg "));
    }

    @Test
    @Verifies("SRS-HAZ-007")
    void textIsEscaped() throws Exception {
        HazardRegister register = RegisterReader.parse("x.yaml", """
                title: "<script>alert(1)</script> & co"
                controls: []
                hazards: []
                """);
        String html = HtmlReport.render(HazardAnalysis.of(register, List.of()));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        Object json = new Yaml(new SafeConstructor(new LoaderOptions())).load(JsonReport.render(HazardAnalysis.of(register, List.of())));
        assertEquals("<script>alert(1)</script> & co", ((Map<?, ?>) json).get("title"));
    }

    @Test
    @Verifies("SRS-HAZ-007")
    void theJsonHoldsTheRegisterAndTheFindings(@TempDir Path dir) throws Exception {
        HazardAnalysis analysis = HazardAnalysis.of(Fixtures.register("residual.yaml"), List.of(Fixtures.link("SRS-TST-001", "RC-001")));
        List<Path> written = HazardReports.write(analysis, dir.resolve("evidence"));
        assertEquals(List.of(dir.resolve("evidence/hazard-report.html"), dir.resolve("evidence/hazards.json")), written);
        Map<?, ?> json = (Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(dir.resolve("evidence/hazards.json")));
        List<?> hazards = (List<?>) json.get("hazards");
        assertEquals(4, hazards.size());
        Map<?, ?> first = (Map<?, ?>) hazards.get(0);
        assertEquals("HAZ-001", first.get("id"));
        assertEquals("unacceptable", ((Map<?, ?>) first.get("initial")).get("acceptability"));
        assertEquals(List.of("RC-001"), first.get("controls"));
        assertEquals(List.of("SRS-TST-001"), ((Map<?, ?>) ((List<?>) json.get("controls")).get(0)).get("implementedBy"));
        List<?> findings = (List<?>) json.get("findings");
        assertEquals(analysis.findings().size(), findings.size());
        Map<?, ?> finding = (Map<?, ?>) findings.get(0);
        assertEquals("fixtures/residual.yaml", finding.get("file"));
        assertEquals(analysis.findings().get(0).location().line(), finding.get("line"));
        assertEquals("error", finding.get("level"));
        assertEquals(5, ((List<?>) ((Map<?, ?>) json.get("acceptability")).get("S1")).size());
    }

    /** Counted from the register's words, independently of RiskMatrix.counts. */
    private static Map<String, Integer> expectedCounts(HazardRegister register, boolean initial) {
        Map<String, Integer> counts = new HashMap<>();
        for (Level s : register.matrix().severity().levels()) {
            for (Level p : register.matrix().probability().levels()) {
                counts.put(s.id() + "/" + p.id(), 0);
            }
        }
        for (Hazard hazard : register.hazards()) {
            RiskEstimate estimate = initial ? hazard.initial() : hazard.residual();
            counts.merge(estimate.severity().id() + "/" + estimate.probability().id(), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> cells(String svg, RiskMatrix matrix) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher cell = CELL.matcher(svg);
        while (cell.find()) {
            Level s = matrix.severity().level(cell.group(1)).orElseThrow();
            Level p = matrix.probability().level(cell.group(2)).orElseThrow();
            Acceptability acceptability = matrix.acceptability(s, p);
            assertEquals(acceptability.key(), cell.group(4));
            assertEquals(MatrixPicture.colour(acceptability), cell.group(5), "colour of " + s.id() + "/" + p.id());
            int count = Integer.parseInt(cell.group(3));
            if (count > 0) {
                assertTrue(svg.contains(">" + count + "</text></g>"), "the count is written in the cell");
            }
            assertEquals(null, counts.put(s.id() + "/" + p.id(), count), "one cell per severity and probability");
        }
        return counts;
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<div id=\"" + id + "\">");
        assertTrue(start >= 0, "no " + id);
        return html.substring(start, html.indexOf("</svg>", start));
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }
}
