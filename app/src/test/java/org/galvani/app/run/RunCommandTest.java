package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.galvani.app.CliRun;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {

    private static final java.util.regex.Pattern ENDED_AT = java.util.regex.Pattern.compile(
            "state: S-1 RAMP_DOWN -> COMPLETE \\(the ramp-down reached zero\\) at (\\d+\\.\\d+) mA");

    @TempDir
    Path data;

    @Test
    @Verifies({"SRS-APP-050", "SRS-APP-052", "SRS-APP-055", "SRS-APP-067"})
    void aScriptedTreatmentRunsWithoutAConsoleAndARestartOfItIsRefusedOnceItCompleted() {
        String[] options = {"run", "--profile", "bench-test", "--data-dir", data.toString(), "--no-console", "--no-opcua",
            "--treatment-id", "S-1", "--drug", "dexamethasone-sodium-phosphate", "--current-ma", "1", "--area-cm2", "10",
            "--dose-mamin", "0.02", "--ramp-s", "0.5", "--start", "--exit-when-done", "--progress-every-s", "0.5"};
        CliRun run = CliRun.of(options);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("Treatment S-1 ended: COMPLETE"), run.out());
        java.util.regex.Matcher first = ENDED_AT.matcher(run.out());
        assertTrue(first.find(), run.out());

        // The ledger in the data directory remembers that it completed (a ramp-down short of its dose): the
        // same treatment again is refused with the kernel's reason, and nothing more is delivered.
        CliRun again = CliRun.of(options);
        assertEquals(2, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains(": refused: this treatment has already completed: it is not delivered again under"
                + " its ID (TREATMENT_ALREADY_COMPLETED; in state IDLE)"), again.out());
        assertFalse(again.out().contains("state: S-1"), "no state change: " + again.out());

        CliRun sessions = CliRun.of("sessions", "--data-dir", data.toString());
        assertEquals(0, sessions.exitCode(), sessions.err());
        String row = sessions.out().lines().filter(l -> l.startsWith("S-1 ")).findFirst().orElseThrow();
        assertTrue(row.matches("S-1\\s+\\S+ \\S+\\s+COMPLETE\\s+" + first.group(1) + "\\s+" + first.group(1) + "\\s+no"),
                "its record is the first run's: " + row);
    }

    @Test
    @Verifies({"SRS-APP-050", "SRS-APP-054"})
    void theHelpDocumentsTheExitCodesAndTheConsole() {
        CliRun run = CliRun.of("run", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Exit codes: 0 a clean shutdown"), run.out());
        assertTrue(run.out().contains("Ctrl-C (SIGINT or SIGTERM)"), run.out());
        assertTrue(run.out().contains("--exit-when-done"), run.out());
    }

    @ParameterizedTest
    @Verifies({"SRS-APP-052", "SRS-APP-002"})
    @CsvSource(delimiter = '|', value = {
        "--start|--start needs a start-up treatment",
        "--drug x|--drug needs --treatment-id",
        "--treatment-id T --drug x --current-ma 1 --area-cm2 10 --dose-mamin 1 --exit-when-done|--exit-when-done needs --start",
        "--treatment-id T --current-ma 1 --area-cm2 10 --dose-mamin 1|--treatment-id needs --drug",
        "--treatment-id T --drug x --area-cm2 10 --dose-mamin 1|--treatment-id needs --current-ma",
        "--treatment-id T --drug x --current-ma 1 --area-cm2 10|exactly one of --dose-mamin and --duration-min",
        "--treatment-id T --drug x --current-ma 0 --area-cm2 10 --dose-mamin 1|--current-ma must be a positive number",
        "--treatment-id T --drug x --current-ma 1 --area-cm2 10 --dose-mamin 1 --active-electrode up|--active-electrode must be anode or cathode",
        "--profile lab|--profile must be drug-delivery-patch, tap-water-hyperhidrosis, wearable-patch or bench-test",
        "--progress-every-s 0|--progress-every-s must be a positive number",
        "--start-timeout-s -1|--start-timeout-s must be a positive number",
        "--stage-hold-ms -1|--stage-hold-ms must be from 0 to 3600000, was -1",
        "--config /no/such/galvani.yaml|/no/such/galvani.yaml"})
    void badOptionsAreUsageErrorsNamingTheOptionAndNothingRuns(String options, String message) {
        String[] args = ("run --no-console --data-dir " + data + " " + options).split(" ");
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.out().isEmpty(), "nothing ran: " + run.out());
    }

    @ParameterizedTest
    @Verifies("SRS-APP-064")
    @CsvSource(delimiter = '|', value = {
        "--opcua-port 0|--opcua-port must be from 1 to 65535, was 0",
        "--opcua-port 70000|--opcua-port must be from 1 to 65535, was 70000",
        "--no-opcua --insecure|--no-opcua cannot be combined with --opcua-port, --opcua-host or --insecure",
        "--no-opcua --opcua-port 4841|--no-opcua cannot be combined with --opcua-port, --opcua-host or --insecure"})
    void badGatewayOptionsAreUsageErrorsAndNothingRuns(String options, String message) {
        String[] args = ("run --no-console --data-dir " + data + " " + options).split(" ");
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.out().isEmpty(), "nothing ran: " + run.out());
    }
}
