package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class SimulatedOutputStageTest {

    private final Measurement reading = new Measurement();

    private static SimulatedOutputStage openStage(SimulatorConfig config) {
        SimulatedOutputStage stage = new SimulatedOutputStage(config);
        stage.open();
        return stage;
    }

    /** A constant 5 kΩ load (no fall within these tests' times). */
    private static SimulatorConfig constantLoad(ContactScript contact) {
        return new SimulatorConfig(25_000, 80_000, 1, 100, 0, 5_000, 5_000, 1_000_000_000L, contact);
    }

    @Test
    @Verifies(value = "SRS-DRV-001", version = 2)
    void drivesTheCommandedCurrentAtTheNextSample() {
        SimulatedOutputStage stage = openStage(constantLoad(ContactScript.alwaysAttached()));
        stage.sample(0, reading);
        assertEquals(0, reading.currentMicroamps());
        assertEquals(StatusFlags.OUTPUT_SAFE, reading.statusFlags());
        stage.apply(0, 2_000, true, Polarity.CATHODE);
        stage.sample(1_000, reading);
        assertEquals(1_000, reading.sampledAtMicros());
        assertEquals(2_000, reading.currentMicroamps());
        assertEquals(10_000, reading.electrodeMillivolts());
        assertEquals(5_000, reading.impedanceOhms());
        assertEquals(StatusFlags.OUTPUT_ENABLED, reading.statusFlags());
    }

    @Test
    @Verifies(value = "SRS-DRV-001", version = 2)
    void limitsTheCurrentAtTheComplianceVoltage() {
        SimulatedOutputStage stage = openStage(constantLoad(ContactScript.alwaysAttached()));
        stage.apply(0, 20_000, true, Polarity.ANODE);
        stage.sample(1_000, reading);
        assertEquals(16_000, reading.currentMicroamps(), "80 V / 5 kOhm = 16 mA");
        assertEquals(80_000, reading.electrodeMillivolts());
    }

    @Test
    @Verifies(value = "SRS-DRV-001", version = 2)
    void drivesNothingWhenDisabled() {
        SimulatedOutputStage stage = openStage(constantLoad(ContactScript.alwaysAttached()));
        stage.apply(0, 2_000, false, Polarity.ANODE);
        stage.sample(1_000, reading);
        assertEquals(0, reading.currentMicroamps());
        assertEquals(0, reading.electrodeMillivolts());
        assertEquals(5_000, reading.impedanceOhms(), "contact sense works with the output off");
    }

    @Test
    @Verifies(value = "SRS-DRV-001", version = 2)
    @Verifies("SRS-DRV-003")
    void aDetachedLoadTakesNoCurrentAndReadsUnknownImpedance() {
        SimulatedOutputStage stage = openStage(constantLoad(ContactScript.builder().detachAt(2_000).attachAt(3_000).build()));
        stage.apply(0, 2_000, true, Polarity.CATHODE);
        stage.sample(2_000, reading);
        assertEquals(0, reading.currentMicroamps());
        assertEquals(Measurement.IMPEDANCE_UNKNOWN, reading.impedanceOhms());
        assertEquals(80_000, reading.electrodeMillivolts(), "an open circuit drives the stage to compliance");
        stage.sample(3_000, reading);
        assertEquals(2_000, reading.currentMicroamps());
        assertEquals(10_000, reading.electrodeMillivolts());
        assertEquals(5_000, reading.impedanceOhms(), "electrode voltage / current while current flows");
    }

    @Test
    @Verifies(value = "SRS-DRV-001", version = 2)
    void quantisesTheMeasurementToItsResolution() {
        SimulatorConfig coarse = new SimulatorConfig(25_000, 80_000, 10, 100, 0, 5_000, 5_000, 1_000_000_000L,
                ContactScript.alwaysAttached());
        SimulatedOutputStage stage = openStage(coarse);
        stage.apply(0, 1_234, true, Polarity.CATHODE);
        stage.sample(1_000, reading);
        assertEquals(1_230, reading.currentMicroamps());
        stage.apply(1_000, 1_236, true, Polarity.CATHODE);
        stage.sample(2_000, reading);
        assertEquals(1_240, reading.currentMicroamps());
    }

    @Test
    @Verifies(value = "SRS-DRV-004", version = 2)
    void countsTheChargeThatReallyFlowed() {
        SimulatedOutputStage stage = openStage(constantLoad(ContactScript.alwaysAttached()));
        stage.sample(0, reading);
        stage.apply(0, 2_000, true, Polarity.CATHODE);
        stage.sample(1_000, reading);
        stage.apply(1_000, 3_000, true, Polarity.CATHODE);
        stage.sample(2_000, reading);
        stage.apply(2_000, 0, false, Polarity.CATHODE);
        stage.sample(3_000, reading);
        assertEquals(2_000L * 1_000 + 3_000L * 1_000, stage.trueChargeMicroampMicros());
    }

    @Test
    @Verifies(value = "SRS-DRV-004", version = 2)
    void theSameCallsGiveTheSameReadings() {
        assertEquals(run(), run());
    }

    private static List<String> run() {
        SimulatedOutputStage stage = openStage(SimulatorConfig.patchDefaults().withNoise(5, 42).withCapacitance(500)
                .withContact(ContactScript.builder().detachAt(500_000).attachAt(700_000).build())
                .withFaults(FaultScript.builder().add(FaultKind.SENSOR_DRIFT, 100_000, 300_000, 50)
                        .add(FaultKind.LATE_MEASUREMENT, 800_000, 900_000, 3).build()));
        Measurement m = new Measurement();
        List<String> readings = new ArrayList<>();
        for (long t = 0; t < 1_000_000; t += 1_000) {
            stage.sample(t, m);
            readings.add(m.toString());
            stage.apply(t, (int) (t / 200), true, Polarity.CATHODE);
        }
        readings.add(Long.toString(stage.trueChargeMicroampMicros()));
        return readings;
    }

    @Test
    @Verifies("SRS-DRV-002")
    void theSkinResistanceFallsWhileCurrentFlows() {
        SimulatedOutputStage stage = openStage(SimulatorConfig.patchDefaults());
        int before = stage.loadOhms();
        stage.apply(0, 2_000, true, Polarity.CATHODE);
        stage.sample(60_000_000L, reading);
        assertTrue(reading.impedanceOhms() < before, "impedance " + reading.impedanceOhms() + " did not fall from " + before);
    }

    @Test
    @Verifies(value = "SRS-DRV-005", version = 2)
    void safeDisableStopsTheOutputAtOnce() {
        SimulatedOutputStage stage = openStage(constantLoad(ContactScript.alwaysAttached()));
        stage.apply(0, 2_000, true, Polarity.CATHODE);
        stage.safeDisable();
        stage.sample(1_000, reading);
        assertEquals(0, reading.currentMicroamps());
        assertEquals(StatusFlags.OUTPUT_SAFE, reading.statusFlags());
    }

    @Test
    @Verifies(value = "SRS-DRV-005", version = 2)
    void aPolarityChangeUnderLoadIsAHardwareFault() {
        SimulatedOutputStage stage = openStage(constantLoad(ContactScript.alwaysAttached()));
        stage.apply(0, 2_000, true, Polarity.CATHODE);
        stage.apply(1_000, 2_000, true, Polarity.ANODE);
        stage.sample(2_000, reading);
        assertTrue(StatusFlags.hasFault(reading.statusFlags()));
        stage.apply(2_000, 0, false, Polarity.ANODE);
        stage.sample(3_000, reading);
        assertTrue(StatusFlags.hasFault(reading.statusFlags()), "the fault stays reported");
    }

    @Test
    @Verifies(value = "SRS-DRV-005", version = 2)
    void aPolarityChangeWithTheOutputDisabledIsAllowed() {
        SimulatedOutputStage stage = openStage(constantLoad(ContactScript.alwaysAttached()));
        stage.apply(0, 0, false, Polarity.CATHODE);
        stage.apply(1_000, 0, false, Polarity.ANODE);
        stage.apply(2_000, 100, true, Polarity.ANODE);
        stage.sample(3_000, reading);
        assertFalse(StatusFlags.hasFault(reading.statusFlags()));
    }

    @Test
    @Verifies(value = "SRS-DRV-005", version = 2)
    void selfTestPassesWhenOpenAlsoDuringATreatmentAndDoesNotChangeTheOutput() {
        SimulatedOutputStage stage = new SimulatedOutputStage(SimulatorConfig.patchDefaults());
        assertFalse(stage.selfTest().passed(), "not opened");
        stage.open();
        assertTrue(stage.selfTest().passed(), stage.selfTest().detail());
        stage.apply(0, 1_000, true, Polarity.CATHODE);
        stage.sample(1_000, reading);
        assertTrue(stage.selfTest().passed(), "output enabled: " + stage.selfTest().detail());
        stage.sample(2_000, reading);
        assertEquals(1_000, reading.currentMicroamps(), "the self-test left the output alone");
        assertEquals(StatusFlags.OUTPUT_ENABLED, reading.statusFlags());
        stage.close();
        assertFalse(stage.selfTest().passed(), "closed");
    }

    @Test
    @Verifies(value = "SRS-DRV-005", version = 2)
    void declaresTheFaultClassesItDetects() {
        SimulatedOutputStage stage = new SimulatedOutputStage(SimulatorConfig.patchDefaults());
        assertTrue(stage.capabilities().detects(StatusFlags.HARDWARE_FAULT));
        assertTrue(stage.capabilities().detects(StatusFlags.SELF_TEST_FAILED));
        assertFalse(stage.capabilities().detects(StatusFlags.LINK_FAULT));
    }
}
