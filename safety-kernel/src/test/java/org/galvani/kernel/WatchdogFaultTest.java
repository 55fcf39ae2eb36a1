package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SRS-KRN-019: time going backwards, tick overruns and stale measurements latch a fault in the same tick. */
class WatchdogFaultTest {

    private KernelHarness h;

    @BeforeEach
    void delivering() {
        h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
    }

    private void assertFault(Reason reason) {
        assertEquals(KernelState.FAULT, h.kernel().state());
        assertEquals(reason, h.kernel().faultReason());
        assertEquals(0, h.kernel().setpointMicroamps());
        assertFalse(h.kernel().outputEnabled());
        assertFalse(h.stage().outputEnabled());
    }

    private static void retime(Measurement m, long sampledAtMicros) {
        m.set(sampledAtMicros, m.currentMicroamps(), m.electrodeMillivolts(), m.impedanceOhms(), m.statusFlags());
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void tickTimeGoingBackwardsLatchesAFault() {
        h.tickAt(h.now() - 1);
        assertFault(Reason.TIME_BACKWARDS);
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void measurementTimeGoingBackwardsLatchesAFault() {
        long previousSample = h.lastMeasurement().sampledAtMicros();
        h.tickAt(h.now() + KernelHarness.PERIOD, m -> retime(m, previousSample - 1));
        assertFault(Reason.TIME_BACKWARDS);
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void measurementFromTheFutureLatchesAFault() {
        long next = h.now() + KernelHarness.PERIOD;
        h.tickAt(next, m -> retime(m, next + 1));
        assertFault(Reason.TIME_BACKWARDS);
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void negativeTimeInTheFirstTickLatchesAFault() {
        h = KernelHarness.drugDelivery();
        h.tickAt(-5);
        assertFault(Reason.TIME_BACKWARDS);
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void gapExactlyAtTheTickGapLimitIsAcceptedAndOneMicrosecondMoreIsAnOverrun() {
        h.tickAfter(10_000);
        assertEquals(KernelState.DELIVERING, h.kernel().state());
        h.tickAfter(10_001);
        assertFault(Reason.TICK_OVERRUN);
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void frozenReadingsBecomeStaleAfterTheFreshnessLimit() {
        long lastFresh = h.lastMeasurement().sampledAtMicros();
        h.stage().frozen(true);
        for (int age = 1; age <= 5; age++) {
            h.tick();
            assertEquals(KernelState.DELIVERING, h.kernel().state(), age + " ms old");
        }
        assertEquals(lastFresh + 5_000, h.now(), "exactly 5 ms old is still fresh");
        h.tickAfter(1);
        assertFault(Reason.MEASUREMENT_STALE);
    }

    @Test
    @Verifies(value = {"SRS-KRN-019", "SRS-KRN-022"}, version = 1)
    void watchdogFaultStaysLatchedWhenTimeRecovers() {
        h.tickAfter(20_000);
        assertFault(Reason.TICK_OVERRUN);
        for (int i = 0; i < 1_000; i++) {
            h.tick();
            assertFault(Reason.TICK_OVERRUN);
        }
    }
}
