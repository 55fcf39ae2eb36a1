package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * SRS-KRN-015: a tap-water session (15 mA, 10 minutes, 10 s ramps at 1500 µA/s) ramps down so that its
 * output ends no later than the prescribed duration of output; time at zero output does not count.
 */
class TimeBasedCompletionTest {

    private static final long DURATION_MICROS = 10 * 60 * 1_000_000L;
    private static final long RATE = 1_500;

    private static KernelHarness started() {
        KernelHarness h = KernelHarness.create(DeviceProfile.tapWaterHyperhidrosis());
        h.armAndStart(Prescriptions.tapWater("W").build());
        return h;
    }

    /** Runs to COMPLETE, checking that the ramp-down begins in the first tick where its duration reaches the remaining time. */
    private static void runToTheEnd(KernelHarness h) {
        while (h.kernel().state() != KernelState.RAMP_DOWN) {
            h.tick();
            SafetyKernel k = h.kernel();
            long remaining = DURATION_MICROS - k.outputMicros() - KernelHarness.PERIOD;
            long rampDown = (k.setpointMicroamps() * 1_000_000L + RATE - 1) / RATE;
            boolean energizedNow = k.state() == KernelState.RAMP_UP || k.state() == KernelState.DELIVERING
                    || k.state() == KernelState.RAMP_DOWN;
            if (energizedNow) {
                assertEquals(rampDown >= remaining, k.state() == KernelState.RAMP_DOWN,
                        "ramp-down of " + rampDown + " us against " + remaining + " us remaining");
            }
            assertTrue(h.now() < 2 * DURATION_MICROS, "never ramped down");
        }
        assertEquals(Reason.TIME_REACHED, h.kernel().lastReason());
        h.runUntil(KernelState.COMPLETE, 11_000);
        assertEquals(h.outputEnabledMicros(), h.kernel().outputMicros());
        long output = h.kernel().outputMicros();
        assertTrue(output <= DURATION_MICROS, "output for " + output + " us");
        assertTrue(output >= DURATION_MICROS - 2 * KernelHarness.PERIOD, "output for only " + output + " us");
    }

    @Test
    @Verifies(value = "SRS-KRN-015", version = 1)
    void sessionEndsOnTime() {
        KernelHarness h = started();
        long startedAt = h.now();
        runToTheEnd(h);
        assertTrue(h.now() - startedAt <= DURATION_MICROS + KernelHarness.PERIOD);
    }

    @Test
    @Verifies(value = {"SRS-KRN-015", "SRS-KRN-027"}, version = 1)
    void timePausedAtZeroDoesNotCount() {
        KernelHarness h = started();
        long startedAt = h.now();
        h.runMillis(200_000);
        h.pause();
        h.runUntil(k -> !k.outputEnabled(), "output off", 10_002);
        long outputAtPause = h.kernel().outputMicros();
        h.runMillis(30_000);
        assertEquals(outputAtPause, h.kernel().outputMicros());
        h.resume();
        runToTheEnd(h);
        assertTrue(h.now() - startedAt >= DURATION_MICROS + 30_000_000L - 2 * KernelHarness.PERIOD,
                "the session was not extended by the pause");
    }

    @Test
    @Verifies(value = {"SRS-KRN-015", "SRS-KRN-017"}, version = 1)
    void timeWithContactLostDoesNotCount() {
        KernelHarness h = started();
        h.runMillis(300_000);
        h.stage().detach();
        h.tick();
        long outputAtDetach = h.kernel().outputMicros();
        h.runMillis(5_000);
        h.stage().attach();
        h.confirmContact();
        assertEquals(outputAtDetach, h.kernel().outputMicros());
        h.resume();
        runToTheEnd(h);
    }
}
