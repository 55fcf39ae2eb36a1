package org.galvani.drivers.sim;

/**
 * The simulated output stage, its load and what is injected into it. Immutable; the {@code with...}
 * methods return changed copies.
 *
 * @param maxCurrentMicroamps       the stage's maximum current (µA)
 * @param complianceMillivolts      its compliance voltage (mV)
 * @param resolutionMicroamps       the current measurement's quantisation step (µA)
 * @param minControlPeriodMicros    the shortest control period it supports (µs)
 * @param seriesOhms                electrode, gel and lead resistance (Ω)
 * @param initialSkinOhms           skin resistance at the start (Ω)
 * @param finalSkinOhms             skin resistance after a long treatment (Ω)
 * @param skinFallMicros            time constant of the skin resistance's fall (µs of current)
 * @param skinCapacitanceNanofarads the skin's capacitance, in parallel with its resistance (nF; 0 for none)
 * @param noiseMicroamps            standard deviation of the current measurement's Gaussian noise (µA; 0 for none)
 * @param seed                      the noise generator's seed
 * @param contact                   when the electrodes are attached
 * @param faults                    the faults injected, by simulated time
 */
public record SimulatorConfig(int maxCurrentMicroamps, int complianceMillivolts, int resolutionMicroamps,
                              int minControlPeriodMicros, int seriesOhms, int initialSkinOhms, int finalSkinOhms,
                              long skinFallMicros, int skinCapacitanceNanofarads, int noiseMicroamps, long seed,
                              ContactScript contact, FaultScript faults) {

    public SimulatorConfig {
        if (maxCurrentMicroamps < 1 || complianceMillivolts < 1 || resolutionMicroamps < 1 || minControlPeriodMicros < 1) {
            throw new IllegalArgumentException("simulator: maximum current, compliance voltage, resolution and"
                    + " control period must be positive, were " + maxCurrentMicroamps + " uA, " + complianceMillivolts
                    + " mV, " + resolutionMicroamps + " uA, " + minControlPeriodMicros + " us");
        }
        if (skinCapacitanceNanofarads < 0 || noiseMicroamps < 0) {
            throw new IllegalArgumentException("simulator: skin capacitance and noise must not be negative, were "
                    + skinCapacitanceNanofarads + " nF and " + noiseMicroamps + " uA");
        }
        if (contact == null || faults == null) {
            throw new IllegalArgumentException("simulator: contact script or fault script is missing");
        }
        // Let the load check its own values now, with its own message.
        new ElectrodeLoad(seriesOhms, initialSkinOhms, finalSkinOhms, skinFallMicros);
    }

    /** A purely resistive, noiseless stage and load without injected faults (the original model). */
    public SimulatorConfig(int maxCurrentMicroamps, int complianceMillivolts, int resolutionMicroamps,
                           int minControlPeriodMicros, int seriesOhms, int initialSkinOhms, int finalSkinOhms,
                           long skinFallMicros, ContactScript contact) {
        this(maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps, minControlPeriodMicros, seriesOhms,
                initialSkinOhms, finalSkinOhms, skinFallMicros, 0, 0, 0L, contact, FaultScript.none());
    }

    /**
     * A patch-electrode stage: 25 mA, 80 V compliance, 1 µA resolution, no noise; 300 Ω series, skin
     * falling from 6 kΩ to 2 kΩ with a 10-minute time constant, 20 nF in parallel; attached throughout, no
     * faults. The capacitance keeps the skin's time constant (≤ 0.12 ms) below a 1 ms control period, so
     * that the impedance seen as the current starts does not jump; larger values show the transient.
     */
    public static SimulatorConfig patchDefaults() {
        return new SimulatorConfig(25_000, 80_000, 1, 100, 300, 6_000, 2_000, 600_000_000L, 20, 0, 1L,
                ContactScript.alwaysAttached(), FaultScript.none());
    }

    /** The same stage and load with another contact script. */
    public SimulatorConfig withContact(ContactScript script) {
        return new SimulatorConfig(maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps,
                minControlPeriodMicros, seriesOhms, initialSkinOhms, finalSkinOhms, skinFallMicros,
                skinCapacitanceNanofarads, noiseMicroamps, seed, script, faults);
    }

    /** The same stage with another (resistive) load; the capacitance stays. */
    public SimulatorConfig withLoad(int series, int initialSkin, int finalSkin, long fallMicros) {
        return new SimulatorConfig(maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps,
                minControlPeriodMicros, series, initialSkin, finalSkin, fallMicros, skinCapacitanceNanofarads,
                noiseMicroamps, seed, contact, faults);
    }

    /** The same stage and load with another skin capacitance (nF). */
    public SimulatorConfig withCapacitance(int nanofarads) {
        return new SimulatorConfig(maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps,
                minControlPeriodMicros, seriesOhms, initialSkinOhms, finalSkinOhms, skinFallMicros, nanofarads,
                noiseMicroamps, seed, contact, faults);
    }

    /** The same stage with measurement noise of {@code sigmaMicroamps} from a generator seeded with {@code seed}. */
    public SimulatorConfig withNoise(int sigmaMicroamps, long newSeed) {
        return new SimulatorConfig(maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps,
                minControlPeriodMicros, seriesOhms, initialSkinOhms, finalSkinOhms, skinFallMicros,
                skinCapacitanceNanofarads, sigmaMicroamps, newSeed, contact, faults);
    }

    /** The same stage with another stage envelope: maximum current, compliance voltage, resolution. */
    public SimulatorConfig withStage(int maxMicroamps, int millivolts, int resolution) {
        return new SimulatorConfig(maxMicroamps, millivolts, resolution, minControlPeriodMicros, seriesOhms,
                initialSkinOhms, finalSkinOhms, skinFallMicros, skinCapacitanceNanofarads, noiseMicroamps, seed,
                contact, faults);
    }

    /** The same stage and load with these faults injected. */
    public SimulatorConfig withFaults(FaultScript script) {
        return new SimulatorConfig(maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps,
                minControlPeriodMicros, seriesOhms, initialSkinOhms, finalSkinOhms, skinFallMicros,
                skinCapacitanceNanofarads, noiseMicroamps, seed, contact, script);
    }
}
