package org.galvani.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.galvani.traceability.browser.HeadlessChromium;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's page in a real headless browser (Debian's Chromium): the page's own self-check
 * ({@code #selfcheck}) runs every filter and records script errors; this test reads its verdict from the DOM
 * Chromium dumps, and saves a screenshot as {@code target/evidence/trace-matrix.png}. Two broken pages (a
 * script error, a filter that hides nothing) show that the check fails. Without Chromium the test is skipped
 * with a message, or fails when the environment variable {@code GALVANI_REQUIRE_BROWSER=1} (as in CI).
 */
class BrowserCheckTest {

    @TempDir
    Path dir;

    private HeadlessChromium chromium;
    private Path page;

    @BeforeEach
    void findBrowserAndWritePage() throws Exception {
        Optional<HeadlessChromium> located = HeadlessChromium.locate(dir.resolve("chromium"));
        if (located.isEmpty()) {
            String message = HeadlessChromium.missingMessage("the page");
            if (HeadlessChromium.required()) {
                fail(message + " GALVANI_REQUIRE_BROWSER=1 requires it.");
            }
            Assumptions.abort(message);
        }
        chromium = located.get();
        Path out = dir.resolve("checkout/verification/target/evidence/trace");
        Traceability.run(FixtureRepo.mixed(dir.resolve("checkout")).sources(), TracePolicy.defaults(), out);
        page = out.resolve(TraceReports.HTML);
    }

    @Test
    @Verifies("SRS-TRC-008")
    void thePageLoadsWithoutScriptErrorsItsFiltersWorkAndAScreenshotIsSaved() throws Exception {
        String verdict = selfCheck(page);
        assertTrue(verdict.startsWith("SELFCHECK PASS rows=4 errors=0"), verdict);

        Path evidence = Path.of(System.getProperty("galvani.evidence", "target/evidence"));
        Files.createDirectories(evidence);
        Path screenshot = evidence.resolve("trace-matrix.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium.screenshot(page, screenshot);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page at " + screenshot);
        byte[] png = Files.readAllBytes(screenshot);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    @Verifies("SRS-TRC-008")
    void aPageWithAScriptErrorFailsTheCheck() throws Exception {
        String html = Files.readString(page);
        Path broken = page.resolveSibling("broken-script.html");
        Files.writeString(broken, html.replace("<table id=\"matrix\"",
                "<script>document.getElementById('nothing').textContent='x';</script>\n<table id=\"matrix\""));
        String verdict = selfCheck(broken);
        assertTrue(verdict.startsWith("SELFCHECK FAIL rows=4 errors=1"), verdict);
        assertTrue(verdict.contains("script errors:"), verdict);
    }

    @Test
    @Verifies("SRS-TRC-008")
    void aPageWhoseFilterHidesNothingFailsTheCheck() throws Exception {
        String html = Files.readString(page);
        assertTrue(html.contains("r.hidden=!ok;"));
        Path broken = page.resolveSibling("broken-filter.html");
        Files.writeString(broken, html.replace("r.hidden=!ok;", "r.hidden=false;"));
        String verdict = selfCheck(broken);
        assertTrue(verdict.startsWith("SELFCHECK FAIL rows=4 errors=0 problems: VERIFIED: 4 rows shown, expected 1"), verdict);
    }

    @Test
    @Verifies("SRS-TRC-008")
    void aPageWhoseScriptNeverRunsFailsTheCheck() throws Exception {
        String html = Files.readString(page);
        Path broken = page.resolveSibling("broken-syntax.html");
        Files.writeString(broken, html.replace("(function(){", "(function(){ var = ;"));
        assertEquals("SELFCHECK NOT RUN (open this page with #selfcheck)", selfCheck(broken));
    }

    private String selfCheck(Path html) throws Exception {
        return chromium.selfCheck(html);
    }
}
