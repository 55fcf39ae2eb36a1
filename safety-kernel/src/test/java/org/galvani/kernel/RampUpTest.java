package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-009: the setpoint follows origin + rate × (t − start) / 10⁶, rounded down, and stops at the goal. */
class RampUpTest {

    @Test
    @Verifies(value = "SRS-KRN-009", version = 1)
    void everyTickOfTheRampFollowsTheStraightLineRoundedDown() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.shortDexamethasone("T").build());
        long start = h.now();
        int previous = 0;
        while (h.kernel().state() == KernelState.RAMP_UP) {
            h.tick();
            long elapsed = h.now() - start;
            int expected = (int) Math.min(4_000, 400L * elapsed / 1_000_000L);
            int setpoint = h.kernel().setpointMicroamps();
            assertEquals(expected, setpoint, "after " + elapsed + " us");
            assertTrue(setpoint - previous <= 1, "0.4 uA per ms rounds up to a step of at most 1 uA");
            previous = setpoint;
        }
        assertEquals(10_000_000L, h.now() - start, "4 mA at 400 uA/s takes exactly 10 s");
        assertEquals(KernelState.DELIVERING, h.kernel().state());
        assertEquals(Reason.TARGET_REACHED, h.kernel().lastReason());
        assertEquals(4_000, h.kernel().setpointMicroamps());
    }

    @Test
    @Verifies(value = "SRS-KRN-009", version = 1)
    void irregularTicksStepAtMostTheRateTimesTheGapRoundedUp() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.shortDexamethasone("T").build());
        long start = h.now();
        long[] gaps = {1_000, 3_000, 7_000, 500, 9_999, 10_000, 1, 2_500};
        int previous = 0;
        for (int i = 0; h.kernel().state() == KernelState.RAMP_UP; i++) {
            long gap = gaps[i % gaps.length];
            h.tickAfter(gap);
            int setpoint = h.kernel().setpointMicroamps();
            assertEquals((int) Math.min(4_000, 400L * (h.now() - start) / 1_000_000L), setpoint);
            assertTrue(setpoint - previous <= (400L * gap + 999_999L) / 1_000_000L,
                    previous + " -> " + setpoint + " in " + gap + " us");
            previous = setpoint;
        }
        assertEquals(4_000, h.kernel().setpointMicroamps());
    }

    @Test
    @Verifies(value = "SRS-KRN-009", version = 1)
    void rampStopsExactlyAtAGoalThatIsNotOnTheLine() {
        // 3001 µA over 10 s: 300 µA/s; 3001 µA is passed between two ticks, 10,003.3 ms after the start.
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.shortDexamethasone("T").targetMicroamps(3_001).build());
        h.runMillis(10_003);
        assertEquals(3_000, h.kernel().setpointMicroamps());
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
        h.tick();
        assertEquals(3_001, h.kernel().setpointMicroamps());
        assertEquals(KernelState.DELIVERING, h.kernel().state());
        int highest = 0;
        for (int i = 0; i < 1_000; i++) {
            h.tick();
            highest = Math.max(highest, h.kernel().setpointMicroamps());
        }
        assertEquals(3_001, highest);
    }
}
