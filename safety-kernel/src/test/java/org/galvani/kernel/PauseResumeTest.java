package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-027: PAUSE ramps down and holds; RESUME needs contact and ramps up from the present setpoint. */
class PauseResumeTest {

    private static Prescription rx() {
        return Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build();
    }

    /** Ticks {@code millis} times checking setpoint = origin + 400 µA/s × elapsed, up to the 4 mA target. */
    private static void followRampUp(KernelHarness h, int origin, long millis) {
        long start = h.now();
        for (long i = 0; i < millis; i++) {
            h.tick();
            int expected = (int) Math.min(4_000, origin + 400L * (h.now() - start) / 1_000_000L);
            assertEquals(expected, h.kernel().setpointMicroamps(), "after " + (h.now() - start) + " us");
        }
    }

    @Test
    @Verifies(value = {"SRS-KRN-027", "SRS-KRN-010"}, version = 1)
    void pauseDuringTheRampUpRampsDownToZeroAndHolds() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(rx());
        h.runMillis(5_000);
        long pause = h.pause();
        h.tick();
        assertTrue(h.accepted(pause));
        assertEquals(KernelState.PAUSED, h.kernel().state());
        assertEquals(2_000, h.kernel().setpointMicroamps());
        assertEquals(5_000, h.runUntil(k -> k.setpointMicroamps() == 0, "zero", 6_000));
        assertFalse(h.stage().outputEnabled());
        h.runMillis(3_000);
        assertEquals(KernelState.PAUSED, h.kernel().state());
        assertFalse(h.stage().outputEnabled());
    }

    @Test
    @Verifies(value = "SRS-KRN-027", version = 1)
    void resumeFromZeroRampsUpToTheTarget() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(rx());
        h.pause();
        h.runUntil(k -> !k.outputEnabled(), "output off", 10_002);
        h.runMillis(1_000);
        long resume = h.resume();
        h.tick();
        assertTrue(h.accepted(resume));
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
        assertEquals(0, h.kernel().setpointMicroamps());
        followRampUp(h, 0, 10_000);
        assertEquals(KernelState.DELIVERING, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-027", version = 1)
    void resumeWhileThePauseIsStillRampingDownRampsUpFromThePresentSetpoint() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(rx());
        h.pause();
        h.tick();
        h.runMillis(2_500);
        assertEquals(3_000, h.kernel().setpointMicroamps());
        h.resume();
        h.tick();
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
        assertEquals(3_000, h.kernel().setpointMicroamps(), "neither a jump to the target nor a drop to zero");
        followRampUp(h, 3_000, 2_500);
        assertEquals(KernelState.DELIVERING, h.kernel().state());
        assertEquals(4_000, h.kernel().setpointMicroamps());
    }

    @Test
    @Verifies(value = {"SRS-KRN-027", "SRS-KRN-017"}, version = 1)
    void resumeIsRefusedWithoutConfirmedContact() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(rx());
        h.pause();
        h.runUntil(k -> !k.outputEnabled(), "output off", 10_002);
        long resume = h.resume();
        h.stage().detach();
        h.tick();
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(resume));
        assertEquals(KernelState.CONTACT_LOST, h.kernel().state());
        assertFalse(h.stage().outputEnabled());
    }

    @Test
    @Verifies(value = "SRS-KRN-027", version = 1)
    void pauseIsRefusedOutsideRampUpAndDelivering() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        long inIdle = h.pause();
        h.tick();
        h.arm(rx());
        h.confirmContact();
        long inArmed = h.pause();
        h.tick();
        h.start();
        h.runUntil(KernelState.DELIVERING, 10_002);
        h.pause();
        h.tick();
        long inPaused = h.pause();
        h.tick();
        h.stop();
        h.tick();
        assertEquals(KernelState.RAMP_DOWN, h.kernel().state());
        long inRampDown = h.pause();
        h.tick();
        for (long refused : new long[] {inIdle, inArmed, inPaused, inRampDown}) {
            assertEquals(Reason.INVALID_STATE, h.refusal(refused));
        }
        assertEquals(KernelState.RAMP_DOWN, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-027", version = 1)
    void stopWhilePausedEndsTheTreatment() {
        KernelHarness atZero = KernelHarness.drugDelivery();
        atZero.deliverAtTarget(rx());
        atZero.pause();
        atZero.runUntil(k -> !k.outputEnabled(), "output off", 10_002);
        atZero.stop();
        atZero.tick();
        assertEquals(KernelState.COMPLETE, atZero.kernel().state());

        KernelHarness ramping = KernelHarness.drugDelivery();
        ramping.deliverAtTarget(rx());
        ramping.pause();
        ramping.runMillis(1_000);
        ramping.stop();
        ramping.tick();
        assertEquals(KernelState.RAMP_DOWN, ramping.kernel().state());
        assertEquals(3_600, ramping.kernel().setpointMicroamps());
        ramping.runUntil(KernelState.COMPLETE, 9_002);
    }
}
