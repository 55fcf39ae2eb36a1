package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-005: the hard cap and the dose already delivered, checked on ARM. */
class DoseLimitsOnArmTest {

    private static final long CAP = Units.microampMillis(80.0);
    private static final long WATER_CAP = Units.microampMillis(800.0);

    private static Reason arm(KernelHarness h, Prescription rx, long prior) {
        long id = h.arm(rx, prior);
        h.tick();
        return h.lastOutcomeOf(id).reason();
    }

    private static Reason armFresh(DeviceProfile profile, Prescription rx, long prior) {
        KernelHarness h = KernelHarness.create(profile);
        h.tick();
        return arm(h, rx, prior);
    }

    private static Prescription dose(String id, long microampMillis) {
        return Prescriptions.dexamethasone(id).doseMicroampMillis(microampMillis).build();
    }

    /** Twenty mA over 200 cm² for {@code minutes}: 20 mA × 40 min is the tap-water cap of 800 mA·min. */
    private static Prescription water(double minutes) {
        return Prescriptions.tapWater("W").targetMicroamps(20_000).durationMillis(Units.millisFromMinutes(minutes))
                .build();
    }

    @Test
    @Verifies(value = "SRS-KRN-005", version = 1)
    void doseExactlyAtTheCapIsAcceptedAndOneAboveIsRefused() {
        DeviceProfile patch = DeviceProfile.drugDeliveryPatch();
        assertEquals(CAP, patch.hardCapMicroampMillis());
        assertEquals(Reason.NONE, armFresh(patch, dose("T", CAP), 0));
        assertEquals(Reason.DOSE_ABOVE_CAP, armFresh(patch, dose("T", CAP + 1), 0));
        assertEquals(Reason.DOSE_ABOVE_CAP, armFresh(patch, dose("T", Long.MAX_VALUE), 0));
    }

    @Test
    @Verifies(value = "SRS-KRN-005", version = 1)
    void timeBasedTreatmentIsRefusedWhenTargetTimesDurationPlusPriorDoseExceedsTheCap() {
        DeviceProfile water = DeviceProfile.tapWaterHyperhidrosis();
        assertEquals(WATER_CAP, water.hardCapMicroampMillis());
        assertEquals(Reason.NONE, armFresh(water, water(40.0), 0));
        assertEquals(Reason.DOSE_ABOVE_CAP, armFresh(water, water(40.0), 1));
        assertEquals(Reason.NONE, armFresh(water, water(20.0), WATER_CAP / 2));
        assertEquals(Reason.DOSE_ABOVE_CAP, armFresh(water, water(20.0), WATER_CAP / 2 + 1));
    }

    @Test
    @Verifies(value = "SRS-KRN-005", version = 1)
    void priorDoseThatReachesThePrescriptionOrTheCapIsRefused() {
        DeviceProfile patch = DeviceProfile.drugDeliveryPatch();
        long prescribed = Units.microampMillis(40.0);
        assertEquals(Reason.NONE, armFresh(patch, dose("T", prescribed), prescribed - 1));
        assertEquals(Reason.DOSE_ALREADY_DELIVERED, armFresh(patch, dose("T", prescribed), prescribed));
        assertEquals(Reason.DOSE_ALREADY_DELIVERED, armFresh(patch, dose("T", prescribed), CAP * 2));

        DeviceProfile water = DeviceProfile.tapWaterHyperhidrosis();
        assertEquals(Reason.DOSE_ALREADY_DELIVERED, armFresh(water, water(10.0), WATER_CAP));
    }

    @Test
    @Verifies(value = {"SRS-KRN-005", "SRS-KRN-012"}, version = 1)
    void acceptedPriorDoseIsWhereTheDeliveredDoseStarts() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        assertEquals(Reason.NONE, arm(h, dose("T", Units.microampMillis(40.0)), 123_456));
        assertEquals(123_456, h.kernel().deliveredDoseMicroampMillis());
    }

    @Test
    @Verifies(value = "SRS-KRN-005", version = 1)
    void kernelRemembersTheDoseOfItsLastTreatmentWhenTheLedgerDoesNot() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(dose("T1", Units.microampMillis(40.0)));
        h.runMillis(1_000);
        // Closed by a fault, not completed: it may be armed again (SRS-KRN-041), and its dose is remembered.
        h.faultAndAcknowledge();
        long delivered = h.kernel().deliveredDoseMicroampMillis();
        assertTrue(delivered > 40_000_000L, "the ramp-up and a second at 3 mA: " + delivered);

        // The ledger says nothing was given: the kernel's own record counts.
        assertEquals(Reason.DOSE_ALREADY_DELIVERED, arm(h, dose("T1", delivered), 0));
        assertEquals(Reason.NONE, arm(h, dose("T1", delivered + 1), 0));
        assertEquals(delivered, h.kernel().deliveredDoseMicroampMillis());

        // A larger ledger value wins over the kernel's record.
        h.stop();
        h.tick();
        assertEquals(KernelState.IDLE, h.kernel().state());
        assertEquals(Reason.NONE, arm(h, dose("T1", Units.microampMillis(40.0)), delivered + 500));
        assertEquals(delivered + 500, h.kernel().deliveredDoseMicroampMillis());

        // Another treatment starts from its own prior dose.
        h.stop();
        h.tick();
        assertEquals(Reason.NONE, arm(h, dose("T2", Units.microampMillis(40.0)), 0));
        assertEquals(0, h.kernel().deliveredDoseMicroampMillis());
    }
}
