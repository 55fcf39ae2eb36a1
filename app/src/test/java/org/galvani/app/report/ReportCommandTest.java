package org.galvani.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.galvani.app.CliRun;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galvani report} and the report the demo writes at its end. */
class ReportCommandTest {

    private static final String ID = "RPT-0001";

    @TempDir
    Path dir;

    private CliRun demo() {
        return CliRun.inDataDir(dir, "demo", "--speed", "0", "--no-progress", "--no-detach", "--dose-mamin", "1",
                "--ramp-s", "10", "--treatment-id", ID);
    }

    @Test
    @Verifies("SRS-APP-046")
    void theDemoWritesTheSessionReportIntoTheDataDirectory() throws IOException {
        CliRun demo = demo();
        assertEquals(0, demo.exitCode(), demo.err());
        Path report = dir.resolve("reports").resolve(ID + ".html");
        assertTrue(demo.out().contains("Session report: " + report.toAbsolutePath()), demo.out());
        String html = Files.readString(report);
        assertTrue(html.contains(ID) && html.contains("<svg"), "the treatment's page with its charts");
        assertTrue(html.contains("COMPLETE"), "the final state");
    }

    @Test
    @Verifies("SRS-APP-046")
    void reportWritesATreatmentOfTheLedgerWhereAsked() throws IOException {
        assertEquals(0, demo().exitCode());
        Path out = dir.resolve("elsewhere/page.html");
        CliRun report = CliRun.inDataDir(dir, "report", ID, "--out", out.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains(out.toAbsolutePath().toString()), report.out());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains(ID), "a page about " + ID);
    }

    @Test
    @Verifies("SRS-APP-046")
    void anUnknownTreatmentOrAMissingLedgerIsSaidAndNothingIsWritten() {
        CliRun noLedger = CliRun.inDataDir(dir, "report", ID);
        assertEquals(1, noLedger.exitCode());
        assertTrue(noLedger.err().contains("no ledger in " + dir), noLedger.err());

        assertEquals(0, demo().exitCode());
        CliRun unknown = CliRun.inDataDir(dir, "report", "NOPE-1");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("has no treatment 'NOPE-1'") && unknown.err().contains("galvani sessions"),
                unknown.err());
        assertFalse(Files.exists(dir.resolve("reports/NOPE-1.html")));
    }

    @Test
    @Verifies("SRS-APP-046")
    void badArgumentsAreUsageErrorsNamingTheArgument() throws IOException {
        CliRun blank = CliRun.inDataDir(dir, "report", " ");
        assertEquals(2, blank.exitCode());
        assertTrue(blank.err().contains("TREATMENT_ID must not be blank"), blank.err());

        CliRun missing = CliRun.inDataDir(dir, "report");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("TREATMENT_ID"), missing.err());

        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        CliRun toFolder = CliRun.inDataDir(dir, "report", ID, "--out", folder.toString());
        assertEquals(2, toFolder.exitCode());
        assertTrue(toFolder.err().contains("--out '" + folder + "' is a directory"), toFolder.err());

        CliRun blankOut = CliRun.inDataDir(dir, "report", ID, "--out", "");
        assertEquals(2, blankOut.exitCode());
        assertTrue(blankOut.err().contains("--out must name a file"), blankOut.err());
    }

    @Test
    @Verifies("SRS-APP-046")
    void aTreatmentIdCanNeverLeaveTheReportsFolder() {
        Path reports = dir.resolve("reports");
        assertEquals(reports.resolve("_._etc_passwd.html"), SessionReportFile.defaultFor(dir, "../etc/passwd"));
        assertEquals(reports.resolve("_hidden.html"), SessionReportFile.defaultFor(dir, ".hidden"));
        assertEquals(reports.resolve("T_1_ü_.html".replace("ü", "_")), SessionReportFile.defaultFor(dir, "T 1 ü?"));
        assertEquals(reports.resolve("DEMO-1a2b.3.html"), SessionReportFile.defaultFor(dir, "DEMO-1a2b.3"));
    }
}
