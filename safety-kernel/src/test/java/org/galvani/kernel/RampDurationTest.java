package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-007: the minimum ramp duration, and the ramp rate it gives. */
class RampDurationTest {

    private static Reason arm(DeviceProfile profile, Prescription rx) {
        KernelHarness h = KernelHarness.create(profile);
        h.tick();
        long id = h.arm(rx);
        h.tick();
        return h.lastOutcomeOf(id).reason();
    }

    @Test
    @Verifies(value = "SRS-KRN-007", version = 1)
    void rampExactlyAtTheMinimumIsAcceptedAndOneMillisecondShorterIsRefused() {
        DeviceProfile patch = DeviceProfile.drugDeliveryPatch();
        assertEquals(10_000, patch.minRampMillis());
        assertEquals(Reason.NONE, arm(patch, Prescriptions.dexamethasone("T").rampMillis(10_000).build()));
        assertEquals(Reason.RAMP_TOO_SHORT, arm(patch, Prescriptions.dexamethasone("T").rampMillis(9_999).build()));

        DeviceProfile wearable = DeviceProfile.wearablePatch();
        Prescription.Builder small = Prescriptions.dexamethasone("W").targetMicroamps(500);
        assertEquals(Reason.NONE, arm(wearable, small.rampMillis(30_000).build()));
        assertEquals(Reason.RAMP_TOO_SHORT, arm(wearable, small.rampMillis(29_999).build()));
    }

    @Test
    @Verifies(value = {"SRS-KRN-007", "SRS-KRN-009"}, version = 1)
    void rateIsRoundedDownSoTheRampIsNeverFasterThanPrescribed() {
        // 1000 µA over 30 s: 33.3 µA/s, rounded down to 33 µA/s.
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.dexamethasone("T").targetMicroamps(1_000).rampMillis(30_000).build());
        h.runMillis(3_000);
        assertEquals(99, h.kernel().setpointMicroamps(), "33 uA/s for 3 s, not 100 uA");
        // At 33 µA/s the ramp reaches 1000 µA after 30,303.03 ms: in the 30,304th tick, not the 30,000th.
        long ticks = h.runUntil(KernelState.DELIVERING, 40_000);
        assertEquals(30_304 - 3_000, ticks);
        assertEquals(1_000, h.kernel().setpointMicroamps());
    }

    @Test
    @Verifies(value = {"SRS-KRN-007", "SRS-KRN-009"}, version = 1)
    void rateIsAtLeastOneMicroampPerSecond() {
        // 5 µA over 10 s would be 0.5 µA/s: it is 1 µA/s, so the ramp takes 5 s.
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.dexamethasone("T").targetMicroamps(5).rampMillis(10_000).build());
        h.runMillis(999);
        assertEquals(0, h.kernel().setpointMicroamps());
        h.tick();
        assertEquals(1, h.kernel().setpointMicroamps());
        assertEquals(4_000, h.runUntil(KernelState.DELIVERING, 10_000));
        assertEquals(5, h.kernel().setpointMicroamps());
    }
}
