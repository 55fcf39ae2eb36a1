package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.galvani.app.CliRun;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {

    @TempDir
    Path data;

    @Test
    @Verifies({"SRS-APP-050", "SRS-APP-052"})
    void aScriptedTreatmentRunsWithoutAConsoleAndExitsZeroWhenComplete() {
        CliRun run = CliRun.of("run", "--profile", "bench-test", "--data-dir", data.toString(), "--no-console",
                "--treatment-id", "S-1", "--drug", "dexamethasone-sodium-phosphate", "--current-ma", "1", "--area-cm2", "10",
                "--dose-mamin", "0.02", "--ramp-s", "0.5", "--start", "--exit-when-done", "--progress-every-s", "0.5");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("Treatment S-1 ended: COMPLETE"), run.out());
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
        "--config /no/such/galvani.yaml|/no/such/galvani.yaml"})
    void badOptionsAreUsageErrorsNamingTheOptionAndNothingRuns(String options, String message) {
        String[] args = ("run --no-console --data-dir " + data + " " + options).split(" ");
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.out().isEmpty(), "nothing ran: " + run.out());
    }
}
