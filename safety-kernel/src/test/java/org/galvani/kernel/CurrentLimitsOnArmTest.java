package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-003 and 004: the device maximum and the density ceiling, each exactly at and one µA above. */
class CurrentLimitsOnArmTest {

    /** Arms {@code rx} on a fresh kernel and returns the outcome's reason (NONE: accepted). */
    private static Reason arm(DeviceProfile profile, Prescription rx) {
        KernelHarness h = KernelHarness.create(profile);
        h.tick();
        long id = h.arm(rx);
        h.tick();
        Reason reason = h.lastOutcomeOf(id).reason();
        assertEquals(reason == Reason.NONE ? KernelState.ARMED : KernelState.IDLE, h.kernel().state());
        if (reason != Reason.NONE) {
            assertNull(h.kernel().prescription());
        }
        return reason;
    }

    private static Prescription dex(int targetMicroamps, int areaMm2) {
        return Prescriptions.dexamethasone("T").targetMicroamps(targetMicroamps).electrodeAreaMm2(areaMm2).build();
    }

    @Test
    @Verifies(value = "SRS-KRN-003", version = 1)
    void targetExactlyAtTheDeviceMaximumIsAcceptedAndOneMicroampAboveIsRefused() {
        DeviceProfile patch = DeviceProfile.drugDeliveryPatch();
        assertEquals(4_000, patch.maxCurrentMicroamps());
        // 10 cm²: the density ceiling (5000 µA) is not what limits here.
        assertEquals(Reason.NONE, arm(patch, dex(4_000, 1_000)));
        assertEquals(Reason.TARGET_ABOVE_DEVICE_MAX, arm(patch, dex(4_001, 1_000)));
        assertEquals(Reason.TARGET_ABOVE_DEVICE_MAX, arm(patch, dex(Integer.MAX_VALUE, 1_000)));
    }

    @Test
    @Verifies(value = "SRS-KRN-003", version = 1)
    void deviceMaximumIsTheProfilesOwn() {
        DeviceProfile wearable = DeviceProfile.wearablePatch();
        Prescription.Builder rx = Prescriptions.dexamethasone("W").electrodeAreaMm2(1_000).rampMillis(30_000);
        assertEquals(Reason.NONE, arm(wearable, rx.targetMicroamps(500).build()));
        assertEquals(Reason.TARGET_ABOVE_DEVICE_MAX, arm(wearable, rx.targetMicroamps(501).build()));
    }

    @Test
    @Verifies(value = "SRS-KRN-004", version = 1)
    void targetExactlyAtTheDensityCeilingIsAcceptedAndOneMicroampAboveIsRefused() {
        DeviceProfile patch = DeviceProfile.drugDeliveryPatch();
        // 500 µA/cm² over 7 cm² is 3500 µA.
        assertEquals(Reason.NONE, arm(patch, dex(3_500, 700)));
        assertEquals(Reason.DENSITY_ABOVE_CEILING, arm(patch, dex(3_501, 700)));
        // Compared exactly: 1665 µA over 333 mm² is exactly 500 µA/cm²; 1666 µA is above it.
        assertEquals(Reason.NONE, arm(patch, dex(1_665, 333)));
        assertEquals(Reason.DENSITY_ABOVE_CEILING, arm(patch, dex(1_666, 333)));
        // The smallest electrode: 1 mm² carries 5 µA.
        assertEquals(Reason.NONE, arm(patch, dex(5, 1)));
        assertEquals(Reason.DENSITY_ABOVE_CEILING, arm(patch, dex(6, 1)));
    }

    @Test
    @Verifies(value = "SRS-KRN-004", version = 1)
    void densityCeilingIsTheProfilesOwn() {
        DeviceProfile tighter = DeviceProfile.drugDeliveryPatch().toBuilder().name("tighter")
                .densityCeilingMicroampsPerCm2(250).build();
        assertEquals(Reason.NONE, arm(tighter, dex(2_500, 1_000)));
        assertEquals(Reason.DENSITY_ABOVE_CEILING, arm(tighter, dex(2_501, 1_000)));
    }

    @Test
    @Verifies(value = {"SRS-KRN-004", "SRS-KRN-011"}, version = 1)
    void targetAtTheDensityCeilingIsDeliveredExactlyAndNeverExceeded() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(3_500).electrodeAreaMm2(700).build());
        int highest = 0;
        for (int i = 0; i < 2_000; i++) {
            h.tick();
            highest = Math.max(highest, h.kernel().setpointMicroamps());
        }
        assertEquals(3_500, highest);
        assertEquals(3_500, h.stage().appliedSetpoint());
        assertTrue(h.stage().outputEnabled());
    }
}
