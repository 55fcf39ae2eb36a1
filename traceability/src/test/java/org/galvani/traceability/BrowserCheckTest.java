package org.galvani.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern SELFCHECK = Pattern.compile("<p id=\"selfcheck\">([^<]*)</p>");

    @TempDir
    Path dir;

    private Path chromium;
    private Path page;

    @BeforeEach
    void findBrowserAndWritePage() throws Exception {
        chromium = locateChromium();
        if (chromium == null) {
            String message = "Chromium not found (/usr/bin/chromium, or GALVANI_CHROMIUM): the page is not checked in a"
                    + " browser. Install it with 'apt-get install -y chromium'.";
            if ("1".equals(System.getenv("GALVANI_REQUIRE_BROWSER"))) {
                fail(message + " GALVANI_REQUIRE_BROWSER=1 requires it.");
            }
            Assumptions.abort(message);
        }
        Path out = dir.resolve("checkout/verification/target/evidence/trace");
        Traceability.run(FixtureRepo.mixed(dir.resolve("checkout")).sources(), TracePolicy.defaults(), out);
        page = out.resolve(TraceReports.HTML);
    }

    static Path locateChromium() {
        String configured = System.getenv("GALVANI_CHROMIUM");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
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
        run(List.of("--window-size=1400,900", "--screenshot=" + screenshot, page.toUri().toString()));
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
        String dom = run(List.of("--virtual-time-budget=5000", "--dump-dom", html.toUri() + "#selfcheck"));
        Matcher matcher = SELFCHECK.matcher(dom);
        if (!matcher.find()) {
            fail("no #selfcheck element in the DOM Chromium dumped for " + html + ":\n"
                    + dom.substring(0, Math.min(dom.length(), 2000)));
        }
        return matcher.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(arguments);
        Path stdout = dir.resolve("chromium.out");
        Path stderr = dir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 90 s: " + command);
        }
        if (process.exitValue() != 0) {
            fail("Chromium exited with " + process.exitValue() + ": " + command + "\n" + Files.readString(stderr));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
