package org.galvani.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.app.CliRun;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on either driver: the same short treatment with a detach and a resume, once on the in-process
 * simulated stage and once over the wire protocol to a device emulator of the same plant.
 */
class DemoDriversTest {

    /** The dose ledger's data directory of every demo run here (treatment IDs are generated per run). */
    @TempDir
    static Path ledgerDir;

    /** The stated tolerance between the two drivers' final doses (mA·min): under 10 ms at 3 mA. */
    private static final double TOLERANCE_MILLIAMP_MINUTES = 0.0005;

    /** Short, so that a round trip per control period over loopback stays a few seconds. */
    private static final String[] SHORT_TREATMENT = {"demo", "--speed", "0", "--no-progress",
        "--current-ma", "3", "--dose-mamin", "2.5", "--ramp-s", "30", "--detach-at-s", "35", "--detach-for-s", "3",
        "--resume-after-s", "1"};

    private static CliRun demo(String... more) {
        String[] args = new String[SHORT_TREATMENT.length + more.length];
        System.arraycopy(SHORT_TREATMENT, 0, args, 0, SHORT_TREATMENT.length);
        System.arraycopy(more, 0, args, SHORT_TREATMENT.length, more.length);
        return CliRun.inDataDir(ledgerDir, args);
    }

    private static double milliampMinutes(String line, String out) {
        Matcher m = Pattern.compile(line + " +(\\d+\\.\\d+) mA·min").matcher(out);
        assertTrue(m.find(), line + " in " + out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    @Verifies("SRS-APP-012")
    void theSameTreatmentOverTheWireReachesTheSameDose() {
        CliRun sim = demo("--driver", "sim");
        CliRun wire = demo("--driver", "wire");

        assertEquals(0, sim.exitCode(), sim.out() + sim.err());
        assertEquals(0, wire.exitCode(), wire.out() + wire.err());
        assertTrue(wire.out().contains("Driver:     wire, over 127.0.0.1:"), wire.out());
        assertTrue(wire.out().contains("by the device emulator's own count"), wire.out());
        assertTrue(sim.out().contains("Driver:     sim, the in-process simulated stage"), sim.out());
        for (CliRun run : new CliRun[] {sim, wire}) {
            assertTrue(run.out().contains("DELIVERING -> CONTACT_LOST"), run.out());
            assertTrue(run.out().contains("RESUME accepted"), run.out());
            assertTrue(run.out().contains("Result:     COMPLETE"), run.out());
        }
        double simDose = milliampMinutes("Delivered:", sim.out());
        double wireDose = milliampMinutes("Delivered:", wire.out());
        assertTrue(Math.abs(simDose - wireDose) <= TOLERANCE_MILLIAMP_MINUTES, "sim " + simDose + ", wire " + wireDose);
        double truth = milliampMinutes("Stage:", wire.out());
        assertTrue(Math.abs(milliampMinutes("Stage:", sim.out()) - truth) <= TOLERANCE_MILLIAMP_MINUTES);
        assertTrue(wireDose >= truth - 0.0001, "the kernel never under-counts: " + wireDose + " vs " + truth);
    }

    @Test
    @Verifies("SRS-APP-012")
    void aFaultOnlyTheInProcessDriverCanHaveIsRefusedForWire() {
        CliRun run = CliRun.inDataDir(ledgerDir, "demo", "--driver", "wire", "--scenario", "late-measurement", "--speed", "0");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("fault kind(s) late-measurement happen inside the in-process sim driver"),
                run.err());
    }

    @Test
    @Verifies({"SRS-APP-011", "SRS-APP-012"})
    void anUnknownDriverIsAUsageError() {
        CliRun run = CliRun.inDataDir(ledgerDir, "demo", "--driver", "serial");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("--driver 'serial' is not on the class path; available: sim, wire"), run.err());
    }

    @Test
    @Verifies("SRS-APP-011")
    void aBadConfigurationIsAUsageErrorWithItsLine(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("galvani.yaml");
        Files.writeString(config, "driver: wire\ndrivers:\n  wire: {port: 0}\n");
        CliRun run = CliRun.inDataDir(ledgerDir, "demo", "--config", config.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains(config + ":3:16: driver 'wire': setting 'port' must be an integer from 1 to"
                + " 65535, was 0"), run.err());
    }

    @Test
    @Verifies({"SRS-APP-011", "SRS-APP-012"})
    void aConfiguredDeviceIsDrivenWithoutFaultsAndWithoutTruth(@TempDir Path dir) throws IOException {
        try (DeviceEmulator device = DeviceEmulator.start(EmulatorConfig.loopback().withWatchdogMillis(2_000))) {
            Path config = dir.resolve("galvani.yaml");
            Files.writeString(config, "driver: wire\ndrivers:\n  wire: {port: " + device.port()
                    + ", response-timeout-micros: 200000}\n");

            CliRun withDetach = demo("--config", config.toString());
            assertEquals(2, withDetach.exitCode(), withDetach.out());
            assertTrue(withDetach.err().contains("drives a stage outside this process: the demo's scripted faults"
                    + " (detach) cannot be injected"), withDetach.err());

            CliRun run = CliRun.inDataDir(ledgerDir, "demo", "--config", config.toString(), "--no-detach", "--speed", "0", "--no-progress",
                    "--dose-mamin", "2");
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("Stage:      not counted here: the stage is outside this process"), run.out());
            assertTrue(device.trueChargeMicroampMicros() > 0, "the device delivered");
        }
    }

    @Test
    @Verifies("SRS-APP-012")
    void aDeviceThatCannotBeReachedEndsWithAOneLineMessage(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Path config = dir.resolve("galvani.yaml");
        Files.writeString(config, "driver: wire\ndrivers:\n  wire: {port: " + closedPort + "}\n");

        CliRun run = CliRun.inDataDir(ledgerDir, "demo", "--config", config.toString(), "--no-detach", "--speed", "0");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("galvani demo: channel 'ch0': driver 'wire' could not be opened: wire driver:"
                + " cannot connect to 127.0.0.1:" + closedPort), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
