package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class CurrentSensorTest {

    @Test
    @Verifies("SRS-DRV-007")
    void quantisesToTheResolutionHalvesUpNeverNegative() {
        CurrentSensor sensor = new CurrentSensor(10, 0, 1);
        assertEquals(1_230, sensor.read(1_234.9, 0, FaultScript.none()));
        assertEquals(1_240, sensor.read(1_235, 0, FaultScript.none()));
        assertEquals(0, sensor.read(-30, 0, FaultScript.none()));
    }

    @Test
    @Verifies("SRS-DRV-007")
    void theNoiseIsGaussianWithTheConfiguredSigma() {
        CurrentSensor sensor = new CurrentSensor(1, 20, 7);
        int n = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double deviation = sensor.read(1_000, i, FaultScript.none()) - 1_000;
            sum += deviation;
            squares += deviation * deviation;
        }
        double mean = sum / n;
        double sigma = Math.sqrt(squares / n - mean * mean);
        assertEquals(0, mean, 0.5, "mean");
        assertEquals(20, sigma, 0.6, "sigma");
    }

    @Test
    @Verifies("SRS-DRV-007")
    @Verifies(value = "SRS-DRV-004", version = 2)
    void theSameSeedGivesTheSameNoiseAndAnotherSeedOther() {
        assertEquals(Arrays.toString(readings(5)), Arrays.toString(readings(5)));
        assertNotEquals(Arrays.toString(readings(5)), Arrays.toString(readings(6)));
    }

    private static int[] readings(long seed) {
        CurrentSensor sensor = new CurrentSensor(1, 10, seed);
        int[] values = new int[50];
        for (int i = 0; i < values.length; i++) {
            values[i] = sensor.read(500, i, FaultScript.none());
        }
        return values;
    }

    @Test
    @Verifies("SRS-DRV-010")
    void aStuckSensorReadsItsValueAndADriftingOneGrowsFromItsStart() {
        FaultScript faults = FaultScript.builder().add(FaultKind.SENSOR_STUCK, 1_000_000, 2_000_000, 777)
                .add(FaultKind.SENSOR_DRIFT, 3_000_000, Fault.OPEN_END, 100).build();
        CurrentSensor sensor = new CurrentSensor(1, 0, 1);
        assertEquals(2_000, sensor.read(2_000, 999_999, faults));
        assertEquals(777, sensor.read(2_000, 1_000_000, faults));
        assertEquals(2_000, sensor.read(2_000, 2_000_000, faults));
        assertEquals(2_000, sensor.read(2_000, 3_000_000, faults));
        assertEquals(2_150, sensor.read(2_000, 4_500_000, faults), "100 uA/s for 1.5 s");
    }

    @Test
    @Verifies("SRS-DRV-010")
    void aStuckSensorStillDrawsItsNoiseSoLaterReadingsAreUnchanged() {
        FaultScript stuck = FaultScript.builder().add(FaultKind.SENSOR_STUCK, 0, 10, 5).build();
        CurrentSensor with = new CurrentSensor(1, 10, 3);
        CurrentSensor without = new CurrentSensor(1, 10, 3);
        for (int t = 0; t < 10; t++) {
            with.read(100, t, stuck);
            without.read(100, t, FaultScript.none());
        }
        assertTrue(with.read(100, 20, stuck) == without.read(100, 20, FaultScript.none()));
    }
}
