package org.galvani.kernel.testing;

import org.galvani.kernel.DrugTable;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Units;

/**
 * Valid prescriptions for the shipped profiles, as builders, so that a test changes only the field it
 * is about.
 */
public final class Prescriptions {

    private Prescriptions() {
    }

    /**
     * Dexamethasone from the cathode for the drug-delivery patch: 3 mA over 10 cm² (300 µA/cm²),
     * 40 mA·min, 30 s ramp.
     */
    public static Prescription.Builder dexamethasone(String treatmentId) {
        return Prescription.builder(treatmentId)
                .drug(DrugTable.DEXAMETHASONE)
                .activeElectrode(Polarity.CATHODE)
                .targetMicroamps(3_000)
                .electrodeAreaMm2(1_000)
                .doseMicroampMillis(Units.microampMillis(40.0))
                .rampMillis(30_000);
    }

    /**
     * A short dexamethasone treatment for the drug-delivery patch: 4 mA over 10 cm², 10 s ramps, and a
     * dose of 1 mA·min (10 s ramping up, about 5 s at the target, 10 s ramping down).
     */
    public static Prescription.Builder shortDexamethasone(String treatmentId) {
        return dexamethasone(treatmentId)
                .targetMicroamps(4_000)
                .rampMillis(10_000)
                .doseMicroampMillis(Units.microampMillis(1.0));
    }

    /** Tap water for the hyperhidrosis profile: 15 mA over 200 cm², 10 minutes, 10 s ramp. */
    public static Prescription.Builder tapWater(String treatmentId) {
        return Prescription.builder(treatmentId)
                .drug(DrugTable.TAP_WATER)
                .activeElectrode(Polarity.ANODE)
                .targetMicroamps(15_000)
                .electrodeAreaMm2(20_000)
                .durationMillis(Units.millisFromMinutes(10.0))
                .rampMillis(10_000);
    }
}
