package org.galvani.app.profile;

import java.util.Map;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.Units;

/**
 * The device profiles the demo can run, each with simulator settings for a load that fits it and the
 * defaults of a typical treatment.
 */
public enum DemoProfile {
    DRUG_DELIVERY_PATCH("drug-delivery-patch", DeviceProfile.drugDeliveryPatch(), Map.of(),
            DrugTable.DEXAMETHASONE, 3.0, 10.0, 40.0, 0.0),
    TAP_WATER_HYPERHIDROSIS("tap-water-hyperhidrosis", DeviceProfile.tapWaterHyperhidrosis(),
            Map.of("series-ohms", "200", "initial-skin-ohms", "1800", "final-skin-ohms", "900", "skin-fall-seconds", "300"),
            DrugTable.TAP_WATER, 12.0, 300.0, 0.0, 15.0),
    WEARABLE_PATCH("wearable-patch", DeviceProfile.wearablePatch(),
            Map.of("series-ohms", "500", "initial-skin-ohms", "20000", "final-skin-ohms", "8000", "skin-fall-seconds", "1800"),
            DrugTable.LIDOCAINE, 0.4, 5.0, 20.0, 0.0),
    /**
     * For the bench, never a patient: the emulator or a dummy load, in commissioning checks and the crash
     * test. The drug-delivery patch tightened to 1 mA and a hard cap of 0.04 mA·min (2.4 mA·s), with the
     * short ramps (0.5 s) and contact confirmation (0.2 s) that let a whole treatment run in seconds, a
     * dose checkpoint every 100 ms, and timing limits relaxed for a shared machine without real-time
     * scheduling (a measurement may be 100 ms old, ticks 200 ms apart) where the patch's 5 ms and 10 ms
     * would fault on every scheduling stall. Its impedance jump limit is 20 kΩ between readings: ramps 20
     * times faster than a patient's move the apparent impedance (voltage over current, through the skin's
     * capacitance) faster than the patch's 2 kΩ allows; the contact window still applies.
     */
    BENCH_TEST("bench-test", DeviceProfile.drugDeliveryPatch().toBuilder().name("bench-test")
            .maxCurrentMicroamps(1_000)
            .hardCapMicroampMillis(Units.microampMillis(0.04))
            .minRampMillis(500)
            .contactConfirmMillis(200)
            .impedanceJumpLimitOhms(20_000)
            .checkpointIntervalMillis(100)
            .measurementMaxAgeMicros(100_000)
            .tickGapLimitMicros(200_000)
            .build(),
            Map.of(), DrugTable.DEXAMETHASONE, 1.0, 10.0, 0.03, 0.0);

    private final String id;
    private final DeviceProfile profile;
    private final Map<String, String> simulator;
    private final String drug;
    private final double currentMilliamps;
    private final double areaSquareCentimetres;
    private final double doseMilliampMinutes;
    private final double durationMinutes;

    DemoProfile(String id, DeviceProfile profile, Map<String, String> simulator, String drug, double currentMilliamps,
                double areaSquareCentimetres, double doseMilliampMinutes, double durationMinutes) {
        this.id = id;
        this.profile = profile;
        this.simulator = simulator;
        this.drug = drug;
        this.currentMilliamps = currentMilliamps;
        this.areaSquareCentimetres = areaSquareCentimetres;
        this.doseMilliampMinutes = doseMilliampMinutes;
        this.durationMinutes = durationMinutes;
    }

    /** The profile with this ID, or null. */
    public static DemoProfile byId(String id) {
        for (DemoProfile p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        return null;
    }

    public String id() {
        return id;
    }

    public DeviceProfile profile() {
        return profile;
    }

    /** The sim driver's settings for a load that fits the profile (the driver's defaults for the rest). */
    public Map<String, String> simulatorSettings() {
        return simulator;
    }

    public String defaultDrug() {
        return drug;
    }

    public double defaultCurrentMilliamps() {
        return currentMilliamps;
    }

    public double defaultAreaSquareCentimetres() {
        return areaSquareCentimetres;
    }

    public double defaultDoseMilliampMinutes() {
        return doseMilliampMinutes;
    }

    public double defaultDurationMinutes() {
        return durationMinutes;
    }

    @Override
    public String toString() {
        return id;
    }
}
