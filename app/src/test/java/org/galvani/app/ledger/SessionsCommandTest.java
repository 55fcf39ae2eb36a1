package org.galvani.app.ledger;

import static org.galvani.app.ledger.LedgerTreatment.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.app.CliRun;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galvani sessions} and the demo's use of the ledger. */
class SessionsCommandTest {

    private static final String[] SHORT_DEMO = {"demo", "--speed", "0", "--no-progress", "--no-detach",
        "--dose-mamin", "1", "--ramp-s", "10"};

    @TempDir
    Path dir;

    private CliRun demo(String... more) {
        String[] args = new String[SHORT_DEMO.length + more.length];
        System.arraycopy(SHORT_DEMO, 0, args, 0, SHORT_DEMO.length);
        System.arraycopy(more, 0, args, SHORT_DEMO.length, more.length);
        return CliRun.inDataDir(dir, args);
    }

    private static String generatedId(CliRun run) {
        Matcher m = Pattern.compile("as treatment (DEMO-[0-9a-f]{8}) \\(an ID generated for this run").matcher(run.out());
        assertTrue(m.find(), run.out());
        return m.group(1);
    }

    @Test
    @Verifies({"SRS-APP-038", "SRS-APP-034"})
    void theDemoRecordsEachRunUnderAFreshIdAndSessionsListsThem() {
        CliRun first = demo();
        CliRun second = demo();
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(0, second.exitCode(), "the demo can be run again: " + second.err());
        String one = generatedId(first);
        String two = generatedId(second);
        assertTrue(!one.equals(two), "a fresh ID per run");
        assertTrue(first.out().contains("Ledger:     recorded in " + dir.resolve(SqliteLedger.FILE_NAME)), first.out());

        CliRun sessions = CliRun.inDataDir(dir, "sessions");
        assertEquals(0, sessions.exitCode(), sessions.err());
        assertTrue(sessions.out().startsWith("2 treatment(s) in " + dir.resolve(SqliteLedger.FILE_NAME) + "\n"),
                sessions.out());
        List<String> lines = sessions.out().lines().toList();
        assertTrue(lines.get(1).matches("treatment\\s+started \\(UTC\\)\\s+state\\s+recorded\\s+counted\\s+recovered"),
                lines.get(1));
        assertTrue(lines.get(2).matches(two + "\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+COMPLETE\\s+(0\\.99|1\\.00)\\d\\d"
                + "\\s+(0\\.99|1\\.00)\\d\\d\\s+no"), "most recent first: " + lines.get(2));
        assertTrue(lines.get(3).startsWith(one + " "), lines.get(3));
    }

    @Test
    @Verifies({"SRS-APP-038", "SRS-APP-035", "SRS-APP-067"})
    void aChosenTreatmentIdThatCompletedIsRefusedNamingTheLedger() {
        assertEquals(0, demo("--treatment-id", "T-77").exitCode());
        // About 1 mA·min was delivered and the treatment completed: not again, whatever the new prescription.
        CliRun again = CliRun.inDataDir(dir, "demo", "--speed", "0", "--no-progress", "--no-detach", "--ramp-s", "10",
                "--treatment-id", "T-77", "--dose-mamin", "2");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("the safety kernel refused the prescription: this treatment has already"
                + " completed: it is not delivered again under its ID (TREATMENT_ALREADY_COMPLETED); the dose ledger in "
                + dir + " counts "), again.err());
        assertTrue(again.err().contains("already delivered for treatment T-77 (galvani sessions lists it)"), again.err());
    }

    @Test
    @Verifies("SRS-APP-034")
    @Verifies(value = "SRS-APP-032", version = 2)
    void aTreatmentRecoveredAfterACrashIsListedAsSuchWithItsCountedDose() {
        try (SqliteLedger ledger = SqliteLedger.open(dir, new TickingClock());
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            treatment.deliver(dexamethasone("T-CRASH", 600_000_000L));
            treatment.ticks(1_500);
        }
        CliRun sessions = CliRun.inDataDir(dir, "sessions");
        assertEquals(0, sessions.exitCode(), sessions.err());
        String row = sessions.out().lines().filter(l -> l.startsWith("T-CRASH")).findFirst().orElseThrow();
        assertTrue(row.matches("T-CRASH\\s+2026-01-05 08:00:\\d\\d\\s+DELIVERING\\s+\\d+\\.\\d{4}\\s+\\d+\\.\\d{4}"
                + "\\s+yes \\(interrupted by a crash\\)"), row);
        String[] cells = row.trim().split("\\s+");
        assertTrue(Double.parseDouble(cells[5]) > Double.parseDouble(cells[4]), "counted above recorded: " + row);
    }

    @Test
    @Verifies("SRS-APP-034")
    void withoutALedgerSessionsSaysWhereItLooked() {
        CliRun run = CliRun.inDataDir(dir, "sessions");
        assertEquals(1, run.exitCode());
        assertEquals("galvani sessions: no ledger in " + dir + " (galvani-ledger.db does not exist): no treatments have"
                + " been recorded there\n", run.err());
    }

    @Test
    @Verifies({"SRS-APP-034", "SRS-APP-037"})
    void badArgumentsAreUsageErrorsThatSayWhatIsWrong() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun aFile = CliRun.inDataDir(file, "sessions");
        assertEquals(2, aFile.exitCode());
        assertTrue(aFile.err().startsWith("--data-dir '" + file + "' is a file, not a directory"), aFile.err());

        CliRun blank = CliRun.of("sessions", "--data-dir", " ");
        assertEquals(2, blank.exitCode());
        assertTrue(blank.err().startsWith("--data-dir must name a directory, was blank"), blank.err());

        CliRun extra = CliRun.of("sessions", "T-1");
        assertEquals(2, extra.exitCode());
        assertTrue(extra.err().startsWith("Unmatched argument at index 1: 'T-1'"), extra.err());

        CliRun unknown = CliRun.of("sessions", "--treatment", "T-1");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("Unknown options: '--treatment', 'T-1'"), unknown.err());

        Path config = Files.writeString(dir.resolve("galvani.yaml"), "ledger:\n  dataDir: ''\n");
        CliRun badConfig = CliRun.of("sessions", "--config", config.toString());
        assertEquals(2, badConfig.exitCode());
        assertTrue(badConfig.err().startsWith(config + ":2:12: ledger.dataDir must name a directory, was empty"),
                badConfig.err());

        CliRun demoIntoAFile = CliRun.inDataDir(file, "demo", "--speed", "0");
        assertEquals(2, demoIntoAFile.exitCode());
        assertTrue(demoIntoAFile.err().startsWith("--data-dir '" + file + "' is a file, not a directory"),
                demoIntoAFile.err());
    }

    @Test
    @Verifies("SRS-APP-037")
    void theConfigurationNamesTheDataDirectoryAndTheOptionOverridesIt() throws Exception {
        Path configured = dir.resolve("configured");
        Path config = Files.writeString(dir.resolve("galvani.yaml"), "ledger:\n  dataDir: " + configured + "\n");
        assertEquals(0, CliRun.of("demo", "--config", config.toString(), "--speed", "0", "--no-progress", "--no-detach",
                "--dose-mamin", "1", "--ramp-s", "10").exitCode());
        assertTrue(Files.isRegularFile(configured.resolve(SqliteLedger.FILE_NAME)), "recorded where configured");

        CliRun listed = CliRun.of("sessions", "--config", config.toString());
        assertTrue(listed.out().startsWith("1 treatment(s) in " + configured.resolve(SqliteLedger.FILE_NAME)),
                listed.out());
        CliRun overridden = CliRun.of("sessions", "--config", config.toString(), "--data-dir", dir.resolve("x").toString());
        assertEquals(1, overridden.exitCode(), "the option wins: there is no ledger there");
    }

    @Test
    @Verifies("SRS-APP-034")
    void aDamagedLedgerIsNamedAndTheCommandFails() throws Exception {
        Files.writeString(dir.resolve(SqliteLedger.FILE_NAME), "garbage ".repeat(1_000));
        CliRun run = CliRun.inDataDir(dir, "sessions");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("galvani sessions: " + dir.resolve(SqliteLedger.FILE_NAME)
                + ": not a Galvani ledger, or damaged ("), run.err());
    }
}
