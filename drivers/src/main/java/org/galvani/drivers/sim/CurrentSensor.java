package org.galvani.drivers.sim;

import java.util.SplittableRandom;
import org.galvani.trace.Implements;

/**
 * The stage's current sensor: what it reads for a true current, with seeded Gaussian noise, an offset
 * drift or a stuck output when such a fault is injected, quantised to the resolution and never negative
 * (the stage reports magnitudes). Deterministic: the same seed and the same calls give the same readings.
 * Not thread-safe.
 */
@Implements("SRS-DRV-007")
final class CurrentSensor {

    private final int resolutionMicroamps;
    private final int noiseMicroamps;
    private final SplittableRandom random;

    /**
     * @param resolutionMicroamps the quantisation step (µA, at least 1)
     * @param noiseMicroamps      the noise's standard deviation (µA, 0 for none)
     * @param seed                the noise generator's seed
     */
    CurrentSensor(int resolutionMicroamps, int noiseMicroamps, long seed) {
        this.resolutionMicroamps = resolutionMicroamps;
        this.noiseMicroamps = noiseMicroamps;
        this.random = new SplittableRandom(seed);
    }

    /**
     * One reading of {@code trueMicroamps} at {@code timeMicros} under {@code faults}. Draws exactly one
     * noise value per call when noise is configured, whatever the faults, so that injecting a fault does
     * not change the noise of later readings.
     */
    int read(double trueMicroamps, long timeMicros, FaultScript faults) {
        double noise = noiseMicroamps > 0 ? random.nextGaussian() * noiseMicroamps : 0;
        Fault stuck = faults.active(FaultKind.SENSOR_STUCK, timeMicros);
        if (stuck != null) {
            return (int) stuck.parameter();
        }
        return quantise(trueMicroamps + noise + offsetMicroamps(timeMicros, faults));
    }

    /** The drift offset at {@code timeMicros}: the rate times the time since the drift began (µA). */
    static double offsetMicroamps(long timeMicros, FaultScript faults) {
        Fault drift = faults.active(FaultKind.SENSOR_DRIFT, timeMicros);
        return drift == null ? 0 : drift.parameter() * ((timeMicros - drift.startMicros()) / 1e6);
    }

    /** To the nearest multiple of the resolution (halves up), at least 0 and at most Integer.MAX_VALUE. */
    int quantise(double microamps) {
        double steps = Math.floor(Math.max(0, microamps) / resolutionMicroamps + 0.5);
        return (int) Math.min(Integer.MAX_VALUE, steps * resolutionMicroamps);
    }
}
