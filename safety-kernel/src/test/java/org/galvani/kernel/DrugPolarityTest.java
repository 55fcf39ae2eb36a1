package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SRS-KRN-006: the drug table decides the polarity of the active electrode. */
class DrugPolarityTest {

    private static Reason arm(DeviceProfile profile, Prescription rx) {
        KernelHarness h = KernelHarness.create(profile);
        h.tick();
        long id = h.arm(rx);
        h.tick();
        return h.lastOutcomeOf(id).reason();
    }

    private static Prescription dex(String drug, Polarity electrode) {
        return Prescriptions.dexamethasone("T").drug(drug).activeElectrode(electrode).build();
    }

    @ParameterizedTest(name = "{0} from the {1}: {2}")
    @CsvSource({
            "dexamethasone-sodium-phosphate, CATHODE, NONE",
            "dexamethasone-sodium-phosphate, ANODE,   POLARITY_MISMATCH",
            "acetic-acid,                    CATHODE, NONE",
            "acetic-acid,                    ANODE,   POLARITY_MISMATCH",
            "lidocaine-hcl,                  ANODE,   NONE",
            "lidocaine-hcl,                  CATHODE, POLARITY_MISMATCH",
            "tap-water,                      ANODE,   UNKNOWN_DRUG",
            "aspirin,                        CATHODE, UNKNOWN_DRUG",
    })
    @Verifies(value = "SRS-KRN-006", version = 1)
    void drugDeliveryPatchDeliversAnionsFromTheCathodeAndCationsFromTheAnode(String drug, Polarity electrode,
                                                                               Reason expected) {
        assertEquals(expected, arm(DeviceProfile.drugDeliveryPatch(), dex(drug, electrode)));
    }

    @ParameterizedTest
    @CsvSource({"ANODE", "CATHODE"})
    @Verifies(value = "SRS-KRN-006", version = 1)
    void tapWaterTakesEitherPolarity(Polarity electrode) {
        assertEquals(Reason.NONE, arm(DeviceProfile.tapWaterHyperhidrosis(),
                Prescriptions.tapWater("W").activeElectrode(electrode).build()));
    }

    @Test
    @Verifies(value = "SRS-KRN-006", version = 1)
    void drugCodesAreMatchedIgnoringCaseAndSurroundingBlanks() {
        assertEquals(Reason.NONE, arm(DeviceProfile.drugDeliveryPatch(), dex("  Lidocaine-HCl ", Polarity.ANODE)));
        assertEquals(Reason.POLARITY_MISMATCH, arm(DeviceProfile.drugDeliveryPatch(), dex("LIDOCAINE-HCL", Polarity.CATHODE)));
    }

    @Test
    @Verifies(value = "SRS-KRN-006", version = 1)
    void deviceTeamsCanExtendTheDrugTable() {
        DeviceProfile withKetoprofen = DeviceProfile.drugDeliveryPatch().toBuilder().name("with-ketoprofen")
                .drugs(DrugTable.standard().with("ketoprofen", IonCharge.NEGATIVE)).build();
        assertEquals(Reason.NONE, arm(withKetoprofen, dex("ketoprofen", Polarity.CATHODE)));
        assertEquals(Reason.POLARITY_MISMATCH, arm(withKetoprofen, dex("ketoprofen", Polarity.ANODE)));
        assertEquals(Reason.UNKNOWN_DRUG, arm(DeviceProfile.drugDeliveryPatch(), dex("ketoprofen", Polarity.CATHODE)));
    }

    @Test
    @Verifies(value = "SRS-KRN-006", version = 1)
    void aDrugIsListedOnceWithOneCharge() {
        DrugTable standard = DrugTable.standard();
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> standard.with(DrugTable.LIDOCAINE, IonCharge.NEGATIVE));
        assertEquals(true, twice.getMessage().contains("lidocaine-hcl"));
        assertEquals(IonCharge.POSITIVE, standard.with(" Lidocaine-HCl", IonCharge.POSITIVE).chargeOf(DrugTable.LIDOCAINE));
        assertEquals(standard.entries().size(), standard.with(DrugTable.LIDOCAINE, IonCharge.POSITIVE).entries().size());
        assertThrows(IllegalArgumentException.class, () -> standard.with("lidocaine hcl", IonCharge.POSITIVE));
        assertThrows(IllegalArgumentException.class, () -> standard.with("ketoprofen", null));
    }

    @Test
    @Verifies(value = "SRS-KRN-006", version = 1)
    void ionChargesFitTheirElectrodes() {
        assertEquals(true, IonCharge.NEGATIVE.fits(Polarity.CATHODE));
        assertEquals(false, IonCharge.NEGATIVE.fits(Polarity.ANODE));
        assertEquals(true, IonCharge.POSITIVE.fits(Polarity.ANODE));
        assertEquals(false, IonCharge.POSITIVE.fits(Polarity.CATHODE));
        assertEquals(true, IonCharge.EITHER.fits(Polarity.ANODE));
        assertEquals(true, IonCharge.EITHER.fits(Polarity.CATHODE));
        assertEquals(false, IonCharge.EITHER.fits(null));
    }
}
