package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SRS-KRN-022: a fault holds the output off until acknowledged in a tick where the stage is safe; then IDLE. */
class FaultAcknowledgeTest {

    private KernelHarness h;

    @BeforeEach
    void faultWhileDelivering() {
        h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
        h.stage().flags(StatusFlags.HARDWARE_FAULT);
        h.tick();
        h.stage().flags(0);
        assertEquals(KernelState.FAULT, h.kernel().state());
    }

    private Reason acknowledge() {
        long ack = h.acknowledge();
        h.tick();
        return h.lastOutcomeOf(ack).reason();
    }

    @Test
    @Verifies(value = "SRS-KRN-022", version = 1)
    void outputStaysOffInEveryTickOfTheFault() {
        for (int i = 0; i < 5_000; i++) {
            h.tick();
            assertEquals(KernelState.FAULT, h.kernel().state());
            assertEquals(Reason.DRIVER_FAULT, h.kernel().faultReason());
            assertEquals(0, h.kernel().setpointMicroamps());
            assertFalse(h.stage().outputEnabled());
        }
    }

    @Test
    @Verifies(value = {"SRS-KRN-022", "SRS-KRN-023"}, version = 1)
    void noOtherRequestLeavesFault() {
        h.tick();
        long[] requests = new long[6];
        requests[0] = h.start();
        h.tick();
        requests[1] = h.resume();
        h.tick();
        requests[2] = h.stop();
        h.tick();
        requests[3] = h.pause();
        h.tick();
        requests[4] = h.systemStop(Reason.RECORDING_FAILED);
        h.tick();
        requests[5] = h.arm(Prescriptions.shortDexamethasone("OTHER").build());
        h.tick();
        for (long request : requests) {
            assertEquals(Reason.INVALID_STATE, h.refusal(request));
        }
        assertEquals(KernelState.FAULT, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-022", version = 1)
    void acknowledgeIsRefusedWhileAFaultConditionIsPresent() {
        h.stage().flags(StatusFlags.LINK_FAULT);
        assertEquals(Reason.OUTPUT_NOT_SAFE, acknowledge());
        h.stage().flags(0).frozen(true);
        h.runMillis(10);
        assertEquals(Reason.OUTPUT_NOT_SAFE, acknowledge());
        assertEquals(KernelState.FAULT, h.kernel().state());
    }

    @Test
    @Verifies(value = {"SRS-KRN-022", "SRS-KRN-019"}, version = 1)
    void acknowledgeIsRefusedInATickWithATimingFaultEvenIfTheStageLooksSafe() {
        h.tick();
        long ack = h.acknowledge();
        h.tickAfter(10_001);
        assertEquals(Reason.OUTPUT_NOT_SAFE, h.refusal(ack));
        assertEquals(KernelState.FAULT, h.kernel().state());
        assertEquals(Reason.NONE, acknowledge(), "accepted in the next, sound tick");
    }

    @Test
    @Verifies(value = "SRS-KRN-022", version = 1)
    void acknowledgeIsRefusedUnlessTheStageReportsOutputSafe() {
        long ack = h.acknowledge();
        h.tickAt(h.now() + KernelHarness.PERIOD, m -> m.set(m.sampledAtMicros(), m.currentMicroamps(),
                m.electrodeMillivolts(), m.impedanceOhms(), m.statusFlags() & ~StatusFlags.OUTPUT_SAFE));
        assertEquals(Reason.OUTPUT_NOT_SAFE, h.refusal(ack));
        assertEquals(KernelState.FAULT, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-022", version = 1)
    void acknowledgeIsRefusedWithCurrentAboveTheLeakLimit() {
        h.tick();
        // First tick of a 21 µA leak: not yet a fault, but not safe either.
        h.stage().runaway(21);
        assertEquals(Reason.OUTPUT_NOT_SAFE, acknowledge());
        h.stage().runaway(20);
        assertEquals(Reason.NONE, acknowledge());
    }

    @Test
    @Verifies(value = "SRS-KRN-022", version = 1)
    void acknowledgeWhenSafeGoesToIdleAndNeverBackToDelivery() {
        long delivered = h.kernel().deliveredDoseMicroampMillis();
        h.tick();
        assertEquals(Reason.NONE, acknowledge());
        assertEquals(KernelState.IDLE, h.kernel().state());
        assertEquals(Reason.NONE, h.kernel().faultReason());
        assertNull(h.kernel().prescription());
        assertNull(h.kernel().polarity());
        assertEquals(delivered, h.kernel().deliveredDoseMicroampMillis(), "the closed treatment's dose is kept");

        long start = h.start();
        h.tick();
        assertEquals(Reason.INVALID_STATE, h.refusal(start));
        h.runMillis(1_000);
        assertEquals(KernelState.IDLE, h.kernel().state());
        assertFalse(h.stage().outputEnabled());
    }

    @Test
    @Verifies(value = {"SRS-KRN-022", "SRS-KRN-023"}, version = 1)
    void acknowledgeOutsideFaultIsRefused() {
        KernelHarness idle = KernelHarness.drugDelivery();
        idle.tick();
        long ack = idle.acknowledge();
        idle.tick();
        assertEquals(Reason.INVALID_STATE, idle.refusal(ack));
        assertTrue(idle.events(KernelEventType.STATE_CHANGED).isEmpty());
    }
}
