package org.galvani.drivers.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Implements;

/**
 * Makes {@code sim} drivers: a {@link SimulatedOutputStage} configured from text settings, every one
 * optional, defaulting to {@link SimulatorConfig#patchDefaults()}. Faults are not settings: they are
 * scripted in simulated time with {@link SimulatorConfig#withFaults} (a scenario file does that).
 */
@Implements("SRS-DRV-014")
public final class SimDriverProvider implements DriverProvider {

    public static final String NAME = "sim";

    private static final Map<String, String> SETTINGS = settingsHelp();

    private static Map<String, String> settingsHelp() {
        SimulatorConfig d = SimulatorConfig.patchDefaults();
        Map<String, String> help = new LinkedHashMap<>();
        help.put("seed", "seed of the measurement noise (default " + d.seed() + ")");
        help.put("noise-microamps", "standard deviation of the current measurement's noise, uA (default "
                + d.noiseMicroamps() + ")");
        help.put("series-ohms", "electrode, gel and lead resistance, ohm (default " + d.seriesOhms() + ")");
        help.put("initial-skin-ohms", "skin resistance at the start, ohm (default " + d.initialSkinOhms() + ")");
        help.put("final-skin-ohms", "skin resistance after a long treatment, at most the initial, ohm (default "
                + d.finalSkinOhms() + ")");
        help.put("skin-fall-seconds", "time constant of the skin resistance's fall, s of current (default "
                + d.skinFallMicros() / 1_000_000L + ")");
        help.put("skin-capacitance-nanofarads", "skin capacitance in parallel with its resistance, nF (default "
                + d.skinCapacitanceNanofarads() + ")");
        help.put("compliance-millivolts", "the stage's compliance voltage, mV (default " + d.complianceMillivolts() + ")");
        help.put("max-current-microamps", "the stage's maximum current, uA (default " + d.maxCurrentMicroamps() + ")");
        help.put("resolution-microamps", "the current measurement's resolution, uA (default "
                + d.resolutionMicroamps() + ")");
        return Collections.unmodifiableMap(help);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "in-process simulated output stage with a patient/electrode model and fault injection";
    }

    @Override
    public Map<String, String> settings() {
        return SETTINGS;
    }

    @Override
    public SimulatedOutputStage create(DriverSettings settings) {
        return new SimulatedOutputStage(config(settings));
    }

    /** The configuration {@code settings} describe; throws naming the setting when one is unknown or invalid. */
    public SimulatorConfig config(DriverSettings settings) {
        settings.requireKnown(SETTINGS.keySet());
        SimulatorConfig d = SimulatorConfig.patchDefaults();
        long seed = settings.integer("seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE);
        int noise = (int) settings.integer("noise-microamps", d.noiseMicroamps(), 0, 10_000);
        int series = (int) settings.integer("series-ohms", d.seriesOhms(), 0, 1_000_000);
        int initial = (int) settings.integer("initial-skin-ohms", d.initialSkinOhms(), 0, 10_000_000);
        int last = (int) settings.integer("final-skin-ohms", d.finalSkinOhms(), 0, 10_000_000);
        if (last > initial) {
            throw settings.error("final-skin-ohms", "must not exceed initial-skin-ohms (" + initial + "), was " + last);
        }
        long fallSeconds = settings.integer("skin-fall-seconds", d.skinFallMicros() / 1_000_000L, 1, 86_400);
        int nanofarads = (int) settings.integer("skin-capacitance-nanofarads", d.skinCapacitanceNanofarads(), 0, 1_000_000);
        int millivolts = (int) settings.integer("compliance-millivolts", d.complianceMillivolts(), 1_000, 300_000);
        int maxMicroamps = (int) settings.integer("max-current-microamps", d.maxCurrentMicroamps(), 1, 100_000);
        int resolution = (int) settings.integer("resolution-microamps", d.resolutionMicroamps(), 1, 1_000);
        return new SimulatorConfig(maxMicroamps, millivolts, resolution, d.minControlPeriodMicros(), series, initial,
                last, fallSeconds * 1_000_000L, nanofarads, noise, seed, ContactScript.alwaysAttached(),
                FaultScript.none());
    }
}
