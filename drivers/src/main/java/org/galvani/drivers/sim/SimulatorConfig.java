package org.galvani.drivers.sim;

/**
 * The simulated output stage and its load.
 *
 * @param maxCurrentMicroamps    the stage's maximum current (µA)
 * @param complianceMillivolts   its compliance voltage (mV)
 * @param resolutionMicroamps    the current measurement's quantisation step (µA)
 * @param minControlPeriodMicros the shortest control period it supports (µs)
 * @param seriesOhms             electrode, gel and lead resistance (Ω)
 * @param initialSkinOhms        skin resistance at the start (Ω)
 * @param finalSkinOhms          skin resistance after a long treatment (Ω)
 * @param skinFallMicros         time constant of the skin resistance's fall (µs of current)
 * @param contact                when the electrodes are attached
 */
public record SimulatorConfig(int maxCurrentMicroamps, int complianceMillivolts, int resolutionMicroamps,
                              int minControlPeriodMicros, int seriesOhms, int initialSkinOhms, int finalSkinOhms,
                              long skinFallMicros, ContactScript contact) {

    public SimulatorConfig {
        if (maxCurrentMicroamps < 1 || complianceMillivolts < 1 || resolutionMicroamps < 1 || minControlPeriodMicros < 1) {
            throw new IllegalArgumentException("simulator: maximum current, compliance voltage, resolution and"
                    + " control period must be positive");
        }
        if (contact == null) {
            throw new IllegalArgumentException("simulator: contact script is missing");
        }
        // Let the load check its own values now, with its own message.
        new ElectrodeLoad(seriesOhms, initialSkinOhms, finalSkinOhms, skinFallMicros);
    }

    /**
     * A patch-electrode stage: 25 mA, 80 V compliance, 1 µA resolution; 300 Ω series, skin falling
     * from 6 kΩ to 2 kΩ with a 10-minute time constant; attached throughout.
     */
    public static SimulatorConfig patchDefaults() {
        return new SimulatorConfig(25_000, 80_000, 1, 100, 300, 6_000, 2_000, 600_000_000L,
                ContactScript.alwaysAttached());
    }

    /** The same stage and load with another contact script. */
    public SimulatorConfig withContact(ContactScript script) {
        return new SimulatorConfig(maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps,
                minControlPeriodMicros, seriesOhms, initialSkinOhms, finalSkinOhms, skinFallMicros, script);
    }

    /** The same stage with another load. */
    public SimulatorConfig withLoad(int series, int initialSkin, int finalSkin, long fallMicros) {
        return new SimulatorConfig(maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps,
                minControlPeriodMicros, series, initialSkin, finalSkin, fallMicros, contact);
    }
}
