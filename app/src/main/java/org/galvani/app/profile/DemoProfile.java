package org.galvani.app.profile;

import java.util.Map;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;

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
            DrugTable.LIDOCAINE, 0.4, 5.0, 20.0, 0.0);

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
