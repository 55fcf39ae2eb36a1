package org.galvani.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence files: one self-contained page whose links resolve, CSV and JSON. */
class ReportsTest {

    @TempDir
    Path dir;

    private Traceability.Run run() throws Exception {
        FixtureRepo repo = FixtureRepo.mixed(dir.resolve("checkout"));
        return Traceability.run(repo.sources(), TracePolicy.defaults(), dir.resolve("checkout/verification/target/evidence/trace"));
    }

    @Test
    @Verifies("SRS-TRC-007")
    void thePageIsSelfContainedAndEveryLinkResolvesToAFileOfTheCheckout() throws Exception {
        Traceability.Run run = run();
        Path out = dir.resolve("checkout/verification/target/evidence/trace");
        String html = Files.readString(out.resolve(TraceReports.HTML));
        assertFalse(html.contains("<link"), "no external style sheet");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external resource");
        assertFalse(html.contains(" src="), "no external script or image");
        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        List<String> targets = new ArrayList<>();
        while (href.find()) {
            String target = href.group(1).replace("&amp;", "&");
            int hash = target.indexOf('#');
            Path file = out.resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
            assertTrue(Files.isRegularFile(file), target + " does not resolve from the evidence folder");
            targets.add(target);
        }
        assertTrue(targets.contains("../../../../core/requirements.yaml#L2"), targets.toString());
        assertTrue(targets.contains("../../../../core/src/main/java/org/fix/Ceiling.java#L4"), targets.toString());
        assertTrue(targets.contains("../../../../core/src/test/java/org/fix/CeilingTest.java#L6"), targets.toString());
        assertTrue(targets.contains("../../../../core/target/surefire-reports/TEST-org.fix.CeilingTest.xml"), targets.toString());
        assertTrue(targets.contains("../../../../hazard-analysis/hazards.yaml#L12"), targets.toString());
        assertTrue(html.contains("data-expected=\"{&quot;total&quot;:4,&quot;VERIFIED&quot;:1,&quot;SUSPECT&quot;:1,"
                + "&quot;GAP&quot;:2,"), html.substring(html.indexOf("data-expected"), html.indexOf("data-expected") + 200));
        assertTrue(html.contains("Policy FAILED"));
        assertEquals(5, run.files().size());
    }

    @Test
    @Verifies("SRS-TRC-007")
    void csvAndJsonHoldEveryRowAndEveryJudgedGap() throws Exception {
        Traceability.Run run = run();
        Path out = dir.resolve("checkout/verification/target/evidence/trace");
        List<String> csv = Files.readAllLines(out.resolve(TraceReports.CSV), StandardCharsets.UTF_8);
        assertEquals(CsvMatrix.HEADER, csv.get(0));
        assertEquals(5, csv.size());
        assertTrue(csv.get(1).startsWith("SRS-FIX-001,1,C,core,Title of SRS-FIX-001,VERIFIED,HAZ-001,RC-001,org.fix.Ceiling,"
                + "org.fix.CeilingTest#limits,PASSED,,core/requirements.yaml:2"), csv.get(1));
        assertTrue(csv.get(2).contains(",PASSED (suspect),SUSPECT_LINK: @Verifies states no version"), csv.get(2));
        String json = Files.readString(out.resolve(TraceReports.JSON));
        assertTrue(json.contains("\"summary\": {\"requirements\": 4, \"verified\": 1, \"suspect\": 1, \"withGaps\": 2,"), json);
        assertTrue(json.contains("\"passed\": false"));
        assertTrue(json.contains("{\"kind\": \"SUSPECT_LINK\", \"requirement\": \"SRS-FIX-002\", \"safetyClass\": \"C\","
                + " \"failsBuild\": false"), json);
        assertTrue(json.contains("{\"kind\": \"TEST_FAILED\", \"requirement\": \"SRS-FIX-003\", \"safetyClass\": \"B\","
                + " \"failsBuild\": true"), json);
        assertTrue(json.contains("{\"kind\": \"NOT_VERIFIED\", \"requirement\": \"SRS-FIX-004\", \"safetyClass\": \"A\","
                + " \"failsBuild\": false"), json);
        assertEquals(json.chars().filter(c -> c == '{').count(), json.chars().filter(c -> c == '}').count());
        String gaps = Files.readString(out.resolve(TraceReports.GAPS));
        assertTrue(gaps.contains("FAILS   [TEST_FAILED] SRS-FIX-003:"), gaps);
        assertTrue(gaps.contains("FAILS   [UNKNOWN_REQUIREMENT] @Implements names SRS-FIX-404"), gaps);
        assertEquals(run.verdict().failures().size() + run.verdict().warnings().size(), run.result().gaps().size());
    }

    @Test
    @Verifies("SRS-TRC-007")
    void csvQuotesSeparatorsAndDefusesFormulas() {
        assertEquals("\"a, b\"", Escape.csv("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", Escape.csv("say \"hi\""));
        assertEquals("'=SUM(A1)", Escape.csv("=SUM(A1)"));
        assertEquals("\"\\u003c/script>\"", Escape.json("</script>"));
    }
}
