package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** Each injected fault at the stage, ticked at 1 ms with 2 mA commanded into a 5 kΩ resistive load. */
class SimulatedFaultsTest {

    private static final long MS = 1_000;

    private final Measurement reading = new Measurement();

    private static SimulatedOutputStage stage(FaultScript faults) {
        SimulatedOutputStage stage = new SimulatedOutputStage(new SimulatorConfig(25_000, 80_000, 1, 100, 0, 5_000,
                5_000, 1_000_000_000L, ContactScript.alwaysAttached()).withFaults(faults));
        stage.open();
        return stage;
    }

    /** Samples and applies the command once per ms from {@code from} to {@code to} (exclusive). */
    private void drive(SimulatedOutputStage stage, long from, long to, int setpoint, boolean enabled) {
        for (long t = from; t < to; t += MS) {
            stage.sample(t, reading);
            stage.apply(t, setpoint, enabled, Polarity.CATHODE);
        }
    }

    @Test
    @Verifies("SRS-DRV-009")
    void aFullDetachIsAnOpenCircuitUntilItsEnd() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.DETACH, 10 * MS, 20 * MS).build());
        drive(stage, 0, 15 * MS, 2_000, true);
        stage.sample(15 * MS, reading);
        assertEquals(0, reading.currentMicroamps());
        assertEquals(Measurement.IMPEDANCE_UNKNOWN, reading.impedanceOhms());
        assertEquals(80_000, reading.electrodeMillivolts());
        drive(stage, 15 * MS, 25 * MS, 2_000, true);
        stage.sample(25 * MS, reading);
        assertEquals(2_000, reading.currentMicroamps());
    }

    @Test
    @Verifies("SRS-DRV-009")
    void aPartialDetachRaisesTheImpedanceAsOneOverTheArea() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.PARTIAL_DETACH, 10 * MS, Fault.OPEN_END, 25)
                .build());
        drive(stage, 0, 10 * MS, 2_000, true);
        stage.sample(10 * MS, reading);
        assertEquals(20_000, reading.impedanceOhms(), "5 kOhm skin on a quarter of the area");
        assertEquals(2_000, reading.currentMicroamps(), "the same current through a quarter of the area: 4 x the density");
        assertEquals(40_000, reading.electrodeMillivolts());
        assertEquals(20_000, stage.loadOhms());
    }

    @Test
    @Verifies("SRS-DRV-009")
    void aPartialDetachLowersTheCapacitanceWithTheArea() {
        // 6 kΩ skin with 1 µF: τ = 6 ms; on half the area 12 kΩ with 0.5 µF: τ still 6 ms, target doubled.
        SimulatedOutputStage stage = new SimulatedOutputStage(SimulatorConfig.patchDefaults().withLoad(0, 6_000, 6_000,
                1_000_000_000L).withCapacitance(1_000).withFaults(FaultScript.builder()
                .add(FaultKind.PARTIAL_DETACH, 0, Fault.OPEN_END, 50).build()));
        stage.open();
        stage.apply(0, 1_000, true, Polarity.CATHODE);
        stage.sample(6 * MS, reading);
        assertEquals(Math.round(12_000 * (1 - Math.exp(-1))), reading.electrodeMillivolts(), 1);
    }

    @Test
    @Verifies("SRS-DRV-011")
    void aRunawayStageDrivesItsCurrentWhateverTheCommandUntilTheDisconnect() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.RUNAWAY, 10 * MS, Fault.OPEN_END, 6_000)
                .build());
        drive(stage, 0, 10 * MS, 2_000, true);
        stage.sample(10 * MS, reading);
        assertEquals(2_000, reading.currentMicroamps(), "a change of the source shows once it has driven an interval");
        stage.apply(10 * MS, 0, false, Polarity.CATHODE);
        stage.sample(11 * MS, reading);
        assertEquals(6_000, reading.currentMicroamps(), "it ignores enable too");
        assertEquals(StatusFlags.OUTPUT_SAFE, reading.statusFlags(), "the stage believes what it was told");
        long before = stage.trueChargeMicroampMicros();
        stage.sample(12 * MS, reading);
        assertEquals(6_000L * MS, stage.trueChargeMicroampMicros() - before, "the true charge counts the runaway");
        stage.safeDisable();
        stage.sample(13 * MS, reading);
        assertEquals(0, reading.currentMicroamps(), "the independent disconnect stops it");
    }

    @Test
    @Verifies("SRS-DRV-011")
    void aRunawayIsStillLimitedByTheComplianceVoltage() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.RUNAWAY, 0, Fault.OPEN_END, 50_000).build());
        drive(stage, 0, 2 * MS, 100, true);
        stage.sample(2 * MS, reading);
        assertEquals(16_000, reading.currentMicroamps(), "80 V / 5 kOhm");
    }

    @Test
    @Verifies("SRS-DRV-011")
    void aDeadStageDrivesNothingButReportsEnabled() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.DEAD_STAGE, 5 * MS, Fault.OPEN_END).build());
        drive(stage, 0, 10 * MS, 2_000, true);
        stage.sample(10 * MS, reading);
        assertEquals(0, reading.currentMicroamps());
        assertEquals(StatusFlags.OUTPUT_ENABLED, reading.statusFlags());
    }

    @Test
    @Verifies("SRS-DRV-011")
    void anInjectedHardwareFaultIsReportedWhileItLasts() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.HARDWARE_FAULT, 5 * MS, 8 * MS).build());
        stage.sample(4 * MS, reading);
        assertFalse(StatusFlags.hasFault(reading.statusFlags()));
        stage.sample(5 * MS, reading);
        assertTrue((reading.statusFlags() & StatusFlags.HARDWARE_FAULT) != 0);
        stage.sample(8 * MS, reading);
        assertFalse(StatusFlags.hasFault(reading.statusFlags()));
    }

    @Test
    @Verifies("SRS-DRV-012")
    void aMeasurementThatStopsRepeatsTheLastReadingWithItsOldTime() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.MEASUREMENT_STOPS, 5 * MS, 9 * MS).build());
        drive(stage, 0, 5 * MS, 2_000, true);
        stage.sample(5 * MS, reading);
        assertEquals(4 * MS, reading.sampledAtMicros());
        stage.apply(5 * MS, 3_000, true, Polarity.CATHODE);
        stage.sample(8 * MS, reading);
        assertEquals(4 * MS, reading.sampledAtMicros());
        assertEquals(2_000, reading.currentMicroamps());
        stage.sample(9 * MS, reading);
        assertEquals(9 * MS, reading.sampledAtMicros());
        assertEquals(3_000, reading.currentMicroamps());
    }

    @Test
    @Verifies("SRS-DRV-012")
    void aLateMeasurementShowsWhatWasTrueTheDelayAgoWithThatTime() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.LATE_MEASUREMENT, 10 * MS, Fault.OPEN_END, 3)
                .build());
        for (long t = 0; t < 20 * MS; t += MS) {
            stage.sample(t, reading);
            stage.apply(t, (int) (t / 10), true, Polarity.CATHODE);
        }
        stage.sample(20 * MS, reading);
        assertEquals(17 * MS, reading.sampledAtMicros());
        assertEquals(1_600, reading.currentMicroamps(), "what the command of 16 ms drove, read at 17 ms");
    }

    @Test
    @Verifies("SRS-DRV-012")
    void aDuplicatedMeasurementRepeatsThePreviousReadingEveryOtherSample() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.DUPLICATED_MEASUREMENT, 10 * MS, Fault.OPEN_END)
                .build());
        drive(stage, 0, 10 * MS, 2_000, true);
        long[] stamps = new long[6];
        for (int i = 0; i < stamps.length; i++) {
            stage.sample((10 + i) * MS, reading);
            stamps[i] = reading.sampledAtMicros();
        }
        assertEquals("[10000, 10000, 12000, 12000, 14000, 14000]", java.util.Arrays.toString(stamps));
    }

    @Test
    @Verifies("SRS-DRV-013")
    void injectedDriverExceptionsThrowFromSampleAndApplyAndApplyLeavesTheCommand() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.SAMPLE_THROWS, 5 * MS, 6 * MS)
                .add(FaultKind.APPLY_THROWS, 7 * MS, 8 * MS).build());
        drive(stage, 0, 5 * MS, 2_000, true);
        RuntimeException sample = assertThrows(RuntimeException.class, () -> stage.sample(5 * MS, reading));
        assertEquals("sim: injected fault: sample throws at 5000 us", sample.getMessage());
        stage.sample(6 * MS, reading);
        assertThrows(RuntimeException.class, () -> stage.apply(7 * MS, 3_000, true, Polarity.CATHODE));
        stage.sample(8 * MS, reading);
        assertEquals(2_000, reading.currentMicroamps(), "the failed apply changed nothing");
    }

    @Test
    @Verifies(value = "SRS-DRV-005", version = 2)
    void theSelfTestFailsOnAHardwareFaultAStuckOrDriftedSensorAndFlagsItUntilItPasses() {
        SimulatedOutputStage stage = stage(FaultScript.builder().add(FaultKind.HARDWARE_FAULT, 5 * MS, 6 * MS)
                .add(FaultKind.SENSOR_STUCK, 10 * MS, 11 * MS, 1_000)
                .add(FaultKind.SENSOR_DRIFT, 20 * MS, Fault.OPEN_END, 10_000).build());
        assertTrue(stage.selfTest().passed());
        stage.sample(5 * MS, reading);
        assertEquals("sim: hardware fault reported by the stage", stage.selfTest().detail());
        stage.sample(6 * MS, reading);
        assertTrue((reading.statusFlags() & StatusFlags.SELF_TEST_FAILED) != 0, "flagged after the failed self-test");
        assertTrue(stage.selfTest().passed());
        stage.sample(7 * MS, reading);
        assertEquals(0, reading.statusFlags() & StatusFlags.SELF_TEST_FAILED, "cleared by a passing self-test");
        stage.sample(10 * MS, reading);
        assertFalse(stage.selfTest().passed(), "stuck sensor");
        stage.sample(20 * MS + 1 * MS, reading);
        assertTrue(stage.selfTest().passed(), "10 uA of drift after 1 ms is within the limit");
        stage.sample(20 * MS + 2 * MS, reading);
        assertFalse(stage.selfTest().passed(), stage.selfTest().detail());
    }
}
