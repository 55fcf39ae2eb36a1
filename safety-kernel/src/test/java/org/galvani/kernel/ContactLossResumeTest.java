package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SRS-KRN-017: after contact loss only an operator resumes, with contact confirmed afresh, from zero. */
class ContactLossResumeTest {

    private KernelHarness h;

    @BeforeEach
    void contactLostWhileDelivering() {
        h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
        h.stage().detach();
        h.tick();
        assertEquals(KernelState.CONTACT_LOST, h.kernel().state());
    }

    private long resumeAt(long time) {
        h.runTo(time - KernelHarness.PERIOD);
        long resume = h.resume();
        h.tick();
        return resume;
    }

    @Test
    @Verifies(value = "SRS-KRN-017", version = 1)
    void reattachingAloneNeverReenablesTheOutput() {
        h.runMillis(100);
        h.stage().attach();
        for (int i = 0; i < 10_000; i++) {
            h.tick();
            assertEquals(KernelState.CONTACT_LOST, h.kernel().state());
            assertEquals(0, h.kernel().setpointMicroamps());
            assertFalse(h.stage().outputEnabled());
        }
        assertTrue(h.kernel().contactConfirmed(), "contact is back, but the output stays off");
    }

    @Test
    @Verifies(value = "SRS-KRN-017", version = 1)
    void resumeNeedsContactConfirmedAfreshAndRampsUpFromZero() {
        long detached = h.resume();
        h.tick();
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(detached));

        h.stage().attach();
        h.tick();
        long attachedAt = h.now();
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(resumeAt(attachedAt + 499_000)));
        assertEquals(KernelState.CONTACT_LOST, h.kernel().state());

        long resume = resumeAt(attachedAt + 500_000);
        assertTrue(h.accepted(resume));
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
        assertEquals(0, h.kernel().setpointMicroamps());
        long resumedAt = h.now();
        for (int i = 0; i < 3_000; i++) {
            h.tick();
            assertEquals((int) (400L * (h.now() - resumedAt) / 1_000_000L), h.kernel().setpointMicroamps());
        }
        h.runUntil(KernelState.DELIVERING, 7_002);
        assertEquals(4_000, h.kernel().setpointMicroamps());
    }

    @Test
    @Verifies(value = "SRS-KRN-017", version = 1)
    void stopEndsTheTreatmentWithTheOutputOff() {
        long stop = h.stop();
        h.tick();
        assertTrue(h.accepted(stop));
        assertEquals(KernelState.COMPLETE, h.kernel().state());
        h.stage().attach();
        h.confirmContact();
        long resume = h.resume();
        h.tick();
        assertEquals(Reason.INVALID_STATE, h.refusal(resume));
        assertFalse(h.stage().outputEnabled());
    }

    @Test
    @Verifies(value = "SRS-KRN-017", version = 1)
    void noOtherRequestLeavesContactLost() {
        h.stage().attach();
        h.confirmContact();
        long[] requests = {h.pause(), -1, -1, -1};
        h.tick();
        requests[1] = h.start();
        h.tick();
        requests[2] = h.acknowledge();
        h.tick();
        requests[3] = h.arm(Prescriptions.shortDexamethasone("OTHER").build());
        h.tick();
        for (long request : requests) {
            assertEquals(Reason.INVALID_STATE, h.refusal(request));
        }
        assertEquals(KernelState.CONTACT_LOST, h.kernel().state());
        assertFalse(h.stage().outputEnabled());
    }

    @Test
    @Verifies(value = "SRS-KRN-017", version = 1)
    void afterAJumpContactIsConfirmedFromTheFirstReadingAfterIt() {
        KernelHarness jumped = KernelHarness.drugDelivery();
        jumped.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
        jumped.stage().loadOhms(9_000);
        jumped.tick();
        assertEquals(Reason.CONTACT_JUMP, jumped.kernel().lastReason());
        long jumpAt = jumped.now();
        h = jumped;
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(resumeAt(jumpAt + 500_000)));
        assertTrue(h.accepted(resumeAt(jumpAt + 501_000)));
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
    }
}
