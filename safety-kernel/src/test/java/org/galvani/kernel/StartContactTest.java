package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SRS-KRN-008: output starts only after contact has been confirmed, and from zero. */
class StartContactTest {

    private KernelHarness h;

    @BeforeEach
    void armed() {
        h = KernelHarness.drugDelivery();
        long arm = h.arm(Prescriptions.shortDexamethasone("T").build());
        h.tick();
        assertTrue(h.accepted(arm));
        assertEquals(1_000, h.now(), "contact in the window since the first tick, at 1 ms");
    }

    /** Decides a START in the tick at {@code time}. */
    private long startAt(long time) {
        h.runTo(time - KernelHarness.PERIOD);
        long start = h.start();
        h.tick();
        return start;
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void startIsRefusedOneTickBeforeTheConfirmationTimeAndAcceptedAtIt() {
        long early = startAt(500_000);
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(early));
        assertEquals(KernelState.ARMED, h.kernel().state());
        assertEquals(false, h.stage().outputEnabled());

        long onTime = startAt(501_000);
        assertTrue(h.accepted(onTime));
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void acceptedStartEntersRampUpWithASetpointOfZeroInThatTick() {
        h.confirmContact();
        long start = h.start();
        h.tick();
        assertTrue(h.accepted(start));
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
        assertEquals(0, h.kernel().setpointMicroamps());
        assertEquals(0, h.stage().appliedSetpoint());
        // 4 mA over 10 s: 0.4 µA per ms, so the first µA is commanded 3 ms later.
        h.runMillis(2);
        assertEquals(0, h.kernel().setpointMicroamps());
        h.tick();
        assertEquals(1, h.kernel().setpointMicroamps());
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void detachedElectrodesMustBeConfirmedAfreshAfterReattaching() {
        h.stage().detach();
        h.runMillis(2_000);
        long detached = h.start();
        h.tick();
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(detached));

        h.stage().attach();
        h.tick();
        long attachedAt = h.now();
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(startAt(attachedAt + 499_000)));
        assertTrue(h.accepted(startAt(attachedAt + 500_000)));
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void aJumpInsideTheWindowRestartsTheConfirmationButAChangeAtTheLimitDoesNot() {
        h.confirmContact();
        h.stage().loadOhms(4_000);
        h.tick();
        h.stage().loadOhms(2_000);
        long atTheLimit = h.start();
        h.tick();
        assertTrue(h.accepted(atTheLimit), "a change of exactly the jump limit is not a jump");

        KernelHarness other = KernelHarness.drugDelivery();
        other.arm(Prescriptions.shortDexamethasone("T").build());
        other.confirmContact();
        other.stage().loadOhms(4_001);
        long inTheJump = other.start();
        other.tick();
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, other.refusal(inTheJump));
        long jumpedAt = other.now();
        h = other;
        // A new stretch in the window starts with the first reading after the jump.
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(startAt(jumpedAt + 500_000)));
        assertTrue(h.accepted(startAt(jumpedAt + 501_000)));
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void startIsDecidedWithTheMeasurementOfItsOwnTick() {
        h.confirmContact();
        long start = h.start();
        h.stage().detach();
        h.tick();
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(start));
        assertEquals(KernelState.ARMED, h.kernel().state());
    }

    /**
     * A tick whose time goes backwards is a fault; it must not also make the electrodes look attached
     * for longer than they have been.
     */
    @Test
    @Verifies(value = {"SRS-KRN-008", "SRS-KRN-019"}, version = 1)
    void aClockGoingBackwardsDoesNotShortenTheContactConfirmation() {
        h.stage().detach();
        h.runTo(1_000_000);
        h.stage().attach();
        h.tick();
        long attachedAt = h.now();
        h.tickAt(100);
        assertEquals(KernelState.FAULT, h.kernel().state());
        assertEquals(Reason.TIME_BACKWARDS, h.kernel().faultReason());
        long ack = h.acknowledge();
        h.tick();
        assertTrue(h.accepted(ack));
        long arm = h.arm(Prescriptions.shortDexamethasone("T2").build());
        h.tick();
        assertTrue(h.accepted(arm));
        // Attached 3 ms ago by the kernel's own clock: not confirmed.
        long early = h.start();
        h.tick();
        assertEquals(Reason.CONTACT_NOT_CONFIRMED, h.refusal(early), "contact confirmed after "
                + (h.now() - attachedAt) + " us in the window");
        assertEquals(KernelState.ARMED, h.kernel().state());
        assertTrue(h.accepted(startAt(attachedAt + 500_000)));
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void startOutsideArmedIsRefusedWithInvalidState() {
        KernelHarness idle = KernelHarness.drugDelivery();
        idle.runMillis(1_000);
        long inIdle = idle.start();
        idle.tick();
        assertEquals(Reason.INVALID_STATE, idle.refusal(inIdle));
        assertEquals(KernelState.IDLE, idle.kernel().state());

        h.confirmContact();
        h.start();
        h.runUntil(KernelState.DELIVERING, 10_002);
        long again = h.start();
        h.tick();
        assertEquals(Reason.INVALID_STATE, h.refusal(again));
        assertEquals(KernelState.DELIVERING, h.kernel().state());
    }
}
