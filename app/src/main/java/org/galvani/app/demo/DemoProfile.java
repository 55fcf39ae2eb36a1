package org.galvani.app.demo;

import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;

/**
 * The device profiles the demo can run, each with a simulated load that fits it and the defaults of a
 * typical treatment.
 */
public enum DemoProfile {
    DRUG_DELIVERY_PATCH("drug-delivery-patch", DeviceProfile.drugDeliveryPatch(), SimulatorConfig.patchDefaults(),
            DrugTable.DEXAMETHASONE, 3.0, 10.0, 40.0, 0.0),
    TAP_WATER_HYPERHIDROSIS("tap-water-hyperhidrosis", DeviceProfile.tapWaterHyperhidrosis(),
            SimulatorConfig.patchDefaults().withLoad(200, 1_800, 900, 300_000_000L),
            DrugTable.TAP_WATER, 12.0, 300.0, 0.0, 15.0),
    WEARABLE_PATCH("wearable-patch", DeviceProfile.wearablePatch(),
            SimulatorConfig.patchDefaults().withLoad(500, 20_000, 8_000, 1_800_000_000L),
            DrugTable.LIDOCAINE, 0.4, 5.0, 20.0, 0.0);

    private final String id;
    private final DeviceProfile profile;
    private final SimulatorConfig simulator;
    private final String drug;
    private final double currentMilliamps;
    private final double areaSquareCentimetres;
    private final double doseMilliampMinutes;
    private final double durationMinutes;

    DemoProfile(String id, DeviceProfile profile, SimulatorConfig simulator, String drug, double currentMilliamps,
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

    public SimulatorConfig simulator() {
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
