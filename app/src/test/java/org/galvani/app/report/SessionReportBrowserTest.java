package org.galvani.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.galvani.trace.Verifies;
import org.galvani.traceability.browser.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session report in a real headless browser (Debian's Chromium, through traceability's helper): opened
 * with {@code #selfcheck} the page checks that every chart was laid out, nothing was fetched and no script
 * error occurred; Chromium's own console log must stay empty; a full-page screenshot is saved as
 * {@code target/session-report/session-report.png}. Broken pages show that the checks can fail. Skipped
 * without Chromium, failed then when {@code GALVANI_REQUIRE_BROWSER=1}.
 */
class SessionReportBrowserTest {

    private static final Instant GENERATED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Path EVIDENCE = Path.of("target/session-report");

    @TempDir
    Path dir;

    private HeadlessChromium chromium;
    private Path work;

    @BeforeEach
    void findBrowser() {
        work = dir.resolve("chromium");
        Optional<HeadlessChromium> located = HeadlessChromium.locate(work);
        if (located.isEmpty()) {
            String message = HeadlessChromium.missingMessage("the session report");
            if (HeadlessChromium.required()) {
                fail(message + " GALVANI_REQUIRE_BROWSER=1 requires it.");
            }
            Assumptions.abort(message);
        }
        chromium = located.get();
    }

    @Test
    @Verifies("SRS-APP-044")
    void theReportLoadsWithoutConsoleMessagesLaysOutItsChartsAndIsScreenshot() throws Exception {
        Files.createDirectories(EVIDENCE);
        Path page = EVIDENCE.resolve("session-report.html").toAbsolutePath();
        SessionReport.write(SyntheticSessions.everything("T-2026-0042", "operator-1"), page, GENERATED);

        assertEquals("SELFCHECK PASS charts=3 errors=0", chromium.selfCheck(page));
        assertEquals(List.of(), consoleMessages(page), "Chromium's console log");

        Path screenshot = EVIDENCE.resolve("session-report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium.run(List.of("--window-size=1200,3100", "--hide-scrollbars", "--screenshot=" + screenshot, page.toUri().toString()));
        byte[] png = Files.readAllBytes(screenshot);
        assertTrue(png.length > 50_000, "a screenshot of the page at " + screenshot);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    @Verifies("SRS-APP-044")
    void theReportOfARecordWithoutSamplesLoadsCleanlyToo() throws Exception {
        Path page = dir.resolve("empty.html");
        SessionReport.write(SyntheticSessions.armedThenRefused("T-EMPTY"), page, GENERATED);
        assertEquals("SELFCHECK PASS charts=0 errors=0", chromium.selfCheck(page));
        assertEquals(List.of(), consoleMessages(page));
    }

    @Test
    @Verifies("SRS-APP-044")
    void aPageWithAScriptErrorFailsTheCheckAndShowsInTheConsole() throws Exception {
        Path page = broken("<h2>Timeline of events</h2>", "<script>document.getElementById('nothing').textContent='x';</script>"
                + "<h2>Timeline of events</h2>");
        String verdict = chromium.selfCheck(page);
        assertTrue(verdict.startsWith("SELFCHECK FAIL charts=3 errors=1 page errors: "), verdict);
        assertEquals(1, consoleMessages(page).size(), "the console shows the error");
    }

    @Test
    @Verifies("SRS-APP-044")
    void aPageThatLoadsAResourceFailsTheCheck() throws Exception {
        Path page = broken("<h2>Timeline of events</h2>", "<img src=\"logo.png\" alt=\"\"><h2>Timeline of events</h2>");
        String missing = chromium.selfCheck(page);
        assertTrue(missing.startsWith("SELFCHECK FAIL charts=3 errors=1 problems: 1 elements load resources page errors:"
                + " failed to load file:"), missing);
        assertTrue(missing.endsWith("/logo.png"), missing);

        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(pixel, "png", dir.resolve("logo.png").toFile());
        String fetched = chromium.selfCheck(page);
        assertEquals("SELFCHECK FAIL charts=3 errors=0 problems: 1 elements load resources", fetched);
    }

    @Test
    @Verifies("SRS-APP-044")
    void aChartThatIsNotLaidOutFailsTheCheck() throws Exception {
        Path page = broken("figure svg{width:100%;", "figure svg{width:0;");
        String verdict = chromium.selfCheck(page);
        assertTrue(verdict.startsWith("SELFCHECK FAIL charts=3 errors=0 problems: chart chart-current is 0x"), verdict);
    }

    /** The full report with one change, written to the temporary folder. */
    private Path broken(String find, String replacement) throws Exception {
        String html = SessionReport.html(SyntheticSessions.everything("T-2026-0042", "operator-1"), GENERATED);
        assertTrue(html.contains(find), find);
        Path page = dir.resolve("broken.html");
        Files.writeString(page, html.replace(find, replacement));
        return page;
    }

    /** Every message the page wrote to the console, as Chromium logs them. */
    private List<String> consoleMessages(Path page) throws Exception {
        chromium.run(List.of("--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom",
                page.toUri().toString()));
        return Files.readAllLines(work.resolve("chromium.err")).stream().filter(l -> l.contains(":CONSOLE")).toList();
    }
}
