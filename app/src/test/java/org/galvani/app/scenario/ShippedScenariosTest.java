package org.galvani.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.app.CliRun;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped scenario runs through the real runtime, kernel and sim driver and ends as it should. */
class ShippedScenariosTest {

    /** The dose ledger's data directory of every demo run here (treatment IDs are generated per run). */
    @TempDir
    static Path ledgerDir;

    private static CliRun scenario(String name, String... more) {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"demo", "--scenario", name, "--speed", "0"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        String[] withQuiet = java.util.Arrays.copyOf(args, args.length + 1);
        withQuiet[args.length] = "--no-progress";
        return CliRun.inDataDir(ledgerDir, withQuiet);
    }

    private static double delivered(String out) {
        Matcher m = Pattern.compile("Delivered:  (\\d+\\.\\d+) mA·min").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    @Verifies({"SRS-APP-006", "SRS-APP-007"})
    void theNormalTreatmentCompletesAtItsDose() {
        CliRun run = scenario("normal-dexamethasone");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Result:     COMPLETE"), run.out());
        double dose = delivered(run.out());
        assertTrue(dose <= 40.0 && dose >= 39.998, "delivered " + dose);
        assertTrue(run.out().contains("Faults:     none injected"), run.out());
    }

    @Test
    @Verifies("SRS-APP-006")
    void theTapWaterTreatmentCompletesOnTime() {
        CliRun run = scenario("hyperhidrosis-tap-water");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("the prescribed duration is about to be reached"), run.out());
        assertTrue(run.out().contains("(15.00 min prescribed)"), run.out());
    }

    @Test
    @Verifies({"SRS-APP-006", "SRS-APP-007"})
    void theDetachIsResumedByTheOperatorAndCompletesAsTheDefaultDemoDoes() {
        CliRun run = scenario("detach-and-resume");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("05:00.0 until 05:20.0 detach"), run.out());
        assertTrue(run.out().contains("-> STATE_CHANGED DELIVERING -> CONTACT_LOST"), run.out());
        assertTrue(run.out().contains("demo-operator  RESUME accepted"), run.out());
        CliRun plain = CliRun.inDataDir(ledgerDir, "demo", "--speed", "0", "--no-progress");
        assertEquals(events(plain.out()), events(run.out()), "the shipped scenario is the default demo");
    }

    private static String events(String out) {
        return out.substring(out.indexOf("Result:"), out.indexOf("Stage:")) + out.substring(out.indexOf("Events:"));
    }

    @Test
    @Verifies({"SRS-APP-006", "SRS-APP-007"})
    void aRunawayStageFaultsWithTheCommandCutInTheSameTick() {
        CliRun run = scenario("runaway-stage");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("Result:     FAULT (measured current above the command plus tolerance)"), run.out());
        assertTrue(run.out().contains("runaway (microamps 6000)"), run.out());
        assertTrue(run.out().contains("Command:    0.000 mA, output disabled in the tick the kernel latched FAULT"),
                run.out());
        // The runaway ignores the command; the runtime's safe disable on the fault (SRS-KRN-037) stops it.
        assertFalse(run.out().contains("Warning:    the stage still drove"), run.out());
        assertTrue(delivered(run.out()) * 1_000 > 0, run.out());
    }

    @Test
    @Verifies("SRS-APP-006")
    void aPartialDetachIsSeenAsAJumpAndTheTreatmentCompletesAfterTheResume() {
        CliRun run = scenario("partial-detach");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("electrode impedance jumped faster than the contact monitor allows"), run.out());
        assertTrue(run.out().contains("RESUME accepted"), run.out());
    }

    @Test
    @Verifies("SRS-APP-006")
    void aStuckSensorLatchesAFaultWithoutUnderCountingTheDose() {
        CliRun run = scenario("stuck-sensor");
        assertEquals(1, run.exitCode(), run.err());
        // Whichever finds it first: the runtime's periodic self-test (the stage's reference reading) or the
        // kernel's plausibility check.
        assertTrue(run.out().contains("Result:     FAULT (the output stage does not follow the command)")
                || run.out().contains("Result:     FAULT (the driver reported a fault)"), run.out());
        Matcher truth = Pattern.compile("Stage:      (\\d+\\.\\d+) mA·min").matcher(run.out());
        assertTrue(truth.find(), run.out());
        assertTrue(delivered(run.out()) >= Double.parseDouble(truth.group(1)) - 0.0001, run.out());
    }

    @Test
    @Verifies("SRS-APP-006")
    void lateReadingsLatchAFault() {
        CliRun run = scenario("late-measurement");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("Result:     FAULT"), run.out());
        assertTrue(run.out().contains("late-measurement (delay-ms 20)"), run.out());
    }

    @Test
    @Verifies("SRS-APP-006")
    void anOverTemperatureIsAcknowledgedOnlyOnceTheStageReportsSafe() {
        CliRun run = scenario("over-temperature");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("FAULT: the driver reported a fault"), run.out());
        assertTrue(run.out().contains("ACKNOWLEDGE refused"), run.out());
        assertTrue(run.out().contains("FAULT -> IDLE"), run.out());
        assertTrue(run.out().contains("Result:     IDLE"), run.out());
    }

    @Test
    @Verifies("SRS-APP-005")
    void optionsGivenExplicitlyOverrideTheScenario() {
        CliRun run = scenario("normal-dexamethasone", "--dose-mamin", "5", "--treatment-id", "T-9");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Treatment T-9"), run.out());
        assertTrue(run.out().contains("of 5.0000 mA·min prescribed"), run.out());
    }

    @Test
    @Verifies("SRS-APP-005")
    void theProfileAndTheDetachCannotBeCombinedWithAScenario() {
        CliRun run = scenario("normal-dexamethasone", "--detach-at-s", "60");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--detach-at-s cannot be combined with --scenario"), run.err());
        assertFalse(run.out().contains("Result:"), "no treatment ran");
    }

    @Test
    @Verifies({"SRS-APP-004", "SRS-APP-005"})
    void aBadScenarioFileIsAUsageErrorNamingFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "prescription:\n  current-ma: 3\nfaults:\n  - kind: detach\n    at: 10\n    until: 2\n");
        CliRun run = scenario(file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(file + ":6:12: until (2.0 s) must come after at (10.0 s)"), run.err());
        assertFalse(run.out().contains("Result:"), "no treatment ran");
    }

    @Test
    @Verifies("SRS-APP-005")
    void aScenarioFileByPathRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("short.yaml");
        Files.writeString(file, "prescription:\n  dose-mamin: 2\n  ramp-s: 10\nsimulator:\n  noise-microamps: 1\n");
        CliRun run = scenario(file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Scenario:   " + file), run.out());
    }
}
