package org.galvani.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.app.CliRun;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoCommandTest {

    /** The dose ledger's data directory of every demo run here (treatment IDs are generated per run). */
    @TempDir
    static Path ledgerDir;

    private static final String[] FAST = {"demo", "--speed", "0", "--no-progress"};

    private static CliRun demo(String... options) {
        String[] args = new String[FAST.length + options.length];
        System.arraycopy(FAST, 0, args, 0, FAST.length);
        System.arraycopy(options, 0, args, FAST.length, options.length);
        return CliRun.inDataDir(ledgerDir, args);
    }

    @Test
    @Verifies("SRS-APP-001")
    void theDefaultTreatmentCompletesWithADetachAndAnOperatorResume() {
        CliRun run = demo();
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("Result:     COMPLETE (the ramp-down reached zero)"), out);
        assertTrue(out.contains("DELIVERING -> CONTACT_LOST"), out);
        assertTrue(out.contains("CONTACT_LOST -> RAMP_UP request#"), out);
        assertTrue(out.contains("DELIVERING -> RAMP_DOWN"), out);
        assertTrue(out.contains("demo-operator  START refused (request#2): electrode contact is not confirmed"), out);
        assertTrue(out.contains("demo-operator  RESUME accepted"), out);
        Matcher delivered = Pattern.compile("Delivered:  (\\d+\\.\\d+) mA·min of 40\\.0000 mA·min").matcher(out);
        assertTrue(delivered.find(), out);
        double dose = Double.parseDouble(delivered.group(1));
        assertTrue(dose <= 40.0 && dose >= 39.998, "delivered " + dose);
        assertTrue(out.contains("dose checkpoints"), out);
    }

    @Test
    @Verifies("SRS-APP-001")
    void theProgressLinesShowStateCurrentAndDose() {
        CliRun run = CliRun.inDataDir(ledgerDir, "demo", "--speed", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("] DELIVERING    3.000 mA"), run.out());
        assertTrue(run.out().contains("/ 40.000 mA·min"), run.out());
    }

    @Test
    @Verifies("SRS-APP-001")
    void theTimeBasedTapWaterProfileRunsToItsDuration() {
        CliRun run = demo("--profile", "tap-water-hyperhidrosis", "--duration-min", "10", "--no-detach");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("the prescribed duration is about to be reached"), run.out());
        assertFalse(run.out().contains("CONTACT_LOST"), run.out());
    }

    @Test
    @Verifies("SRS-APP-001")
    void theWearablePatchRunsAtLowCurrent() {
        CliRun run = demo("--profile", "wearable-patch", "--dose-mamin", "2", "--no-detach");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("lidocaine-hcl, anode, 0.400 mA"), run.out());
    }

    @Test
    @Verifies("SRS-APP-002")
    void aPrescriptionTheKernelRefusesIsAUsageErrorWithTheKernelsReason() {
        CliRun run = demo("--current-ma", "4.5");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("the safety kernel refused the prescription: target current above the device"
                + " maximum (TARGET_ABOVE_DEVICE_MAX)"), run.err());
        assertFalse(run.out().contains("Result:"), "no treatment ran");
    }

    @Test
    @Verifies("SRS-APP-002")
    void aWrongPolarityIsRefusedByTheKernel() {
        CliRun run = demo("--active-electrode", "anode");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("POLARITY_MISMATCH"), run.err());
    }

    @ParameterizedTest
    @Verifies("SRS-APP-002")
    @CsvSource(delimiter = '|', value = {
        "--current-ma|-1|--current-ma must be a positive number, was -1.0",
        "--current-ma|NaN|--current-ma must be a positive number, was NaN",
        "--area-cm2|0|--area-cm2 must be a positive number, was 0.0",
        "--dose-mamin|Infinity|--dose-mamin must be a positive number, was Infinity",
        "--ramp-s|abc|Invalid value for option '--ramp-s': 'abc' is not a double",
        "--resume-after-s|-2|--resume-after-s must be zero or a positive number, was -2.0",
        "--profile|basin|--profile must be one of drug-delivery-patch, tap-water-hyperhidrosis, wearable-patch; was 'basin'",
        "--drug|aspirin|--drug 'aspirin' is not in the drug table of profile drug-delivery-patch",
        "--active-electrode|ground|--active-electrode must be anode or cathode, was 'ground'",
        "--duration-min|10|--duration-min does not apply to the dose-based profile drug-delivery-patch",
        "--treatment-id|' '|--treatment-id must not be blank",
    })
    void badOptionsExitWithTwoAndNameTheOption(String option, String value, String message) {
        CliRun run = demo(option, value);
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(run.out().contains("Result:"), "no treatment ran");
    }

    @Test
    @Verifies("SRS-APP-002")
    void anUnknownOptionIsAUsageError() {
        CliRun run = demo("--dose", "40");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown options: '--dose'"), run.err());
        assertTrue(run.err().contains("Possible solutions: --dose-mamin"), run.err());
    }

    @Test
    @Verifies("SRS-APP-002")
    void aNegativeSpeedIsAUsageError() {
        CliRun run = CliRun.inDataDir(ledgerDir, "demo", "--speed", "-2");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--speed must be zero or a positive number, was -2.0"), run.err());
    }

    @Test
    @Verifies("SRS-APP-002")
    void helpDocumentsEveryOptionWithItsDefault() {
        CliRun run = CliRun.inDataDir(ledgerDir, "demo", "--help");
        assertEquals(0, run.exitCode());
        for (String option : new String[] {"--profile", "--treatment-id", "--drug", "--active-electrode",
            "--current-ma", "--area-cm2", "--dose-mamin", "--duration-min", "--ramp-s", "--detach-at-s", "--no-detach",
            "--detach-for-s", "--resume-after-s", "--speed", "--no-progress"}) {
            assertTrue(run.out().contains(option), option + " missing from help:\n" + run.out());
        }
        assertTrue(run.out().contains("(default: 200)"), run.out());
    }
}
