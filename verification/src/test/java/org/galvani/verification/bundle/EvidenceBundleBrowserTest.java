package org.galvani.verification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.galvani.trace.Verifies;
import org.galvani.traceability.browser.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's page in headless Chromium (traceability's helper): opened with {@code #selfcheck} it records
 * script errors, runs the checklist's filter and writes its verdict. A page with a script error and one whose
 * filter hides nothing fail. Skipped without Chromium, failed then when {@code GALVANI_REQUIRE_BROWSER=1}.
 */
class EvidenceBundleBrowserTest {

    @TempDir
    Path dir;

    private HeadlessChromium chromium;
    private Path page;

    @BeforeEach
    void writeTheBundle() throws Exception {
        Optional<HeadlessChromium> located = HeadlessChromium.locate(dir.resolve("chromium"));
        if (located.isEmpty()) {
            String message = HeadlessChromium.missingMessage("the evidence bundle");
            if (HeadlessChromium.required()) {
                fail(message + " GALVANI_REQUIRE_BROWSER=1 requires it.");
            }
            Assumptions.abort(message);
        }
        chromium = located.get();
        Path root = BundleFixture.write(dir.resolve("checkout"));
        page = EvidenceBundle.write(root, root.resolve("verification/target/evidence")).index();
    }

    @Test
    @Verifies("SRS-VER-010")
    void thePageLoadsWithoutScriptErrorsAndItsChecklistFilterWorks() throws Exception {
        String verdict = chromium.selfCheck(page);
        assertTrue(verdict.startsWith("SELFCHECK PASS links="), verdict);
        assertTrue(verdict.endsWith(" errors=0"), verdict);
    }

    @Test
    @Verifies("SRS-VER-010")
    void aPageWithAScriptErrorFailsTheCheck() throws Exception {
        Path broken = page.resolveSibling("broken-script.html");
        Files.writeString(broken, Files.readString(page).replace("<table id=\"checklist-table\"",
                "<script>document.getElementById('nothing').textContent='x';</script>\n<table id=\"checklist-table\""));
        String verdict = chromium.selfCheck(broken);
        assertTrue(verdict.startsWith("SELFCHECK FAIL") && verdict.contains("errors=1 script errors:"), verdict);
    }

    @Test
    @Verifies("SRS-VER-010")
    void aPageWhoseFilterHidesNothingFailsTheCheck() throws Exception {
        String html = Files.readString(page);
        assertTrue(html.contains("r.hidden=box.checked&&"));
        Path broken = page.resolveSibling("broken-filter.html");
        Files.writeString(broken, html.replace("r.hidden=box.checked&&", "r.hidden=false&&"));
        String verdict = chromium.selfCheck(broken);
        assertTrue(verdict.startsWith("SELFCHECK FAIL"), verdict);
        assertTrue(verdict.contains("problems: open filter: 3 rows shown, expected 1"), verdict);
    }

    @Test
    @Verifies("SRS-VER-010")
    void aPageWhoseScriptNeverRunsFailsTheCheck() throws Exception {
        Path broken = page.resolveSibling("broken-syntax.html");
        Files.writeString(broken, Files.readString(page).replace("(function(){", "(function(){ var = ;"));
        assertEquals("SELFCHECK NOT RUN (open this page with #selfcheck)", chromium.selfCheck(broken));
    }
}
