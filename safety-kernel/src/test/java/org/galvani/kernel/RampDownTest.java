package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-010: stop, pause and the end of the dose ramp the setpoint down at the treatment's rate. */
class RampDownTest {

    private static KernelHarness delivering() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
        return h;
    }

    /**
     * Ticks while the kernel stays in {@code state} and checks every setpoint against the falling line
     * from {@code origin} at 400 µA/s (rounded up, as the setpoint of a falling ramp is); returns the ticks.
     */
    private static long followRampDown(KernelHarness h, KernelState state, int origin) {
        long start = h.now();
        long ticks = 0;
        while (h.kernel().state() == state && h.kernel().setpointMicroamps() > 0) {
            h.tick();
            ticks++;
            long elapsed = h.now() - start;
            assertEquals((int) Math.max(0, origin - 400L * elapsed / 1_000_000L), h.kernel().setpointMicroamps(),
                    "after " + elapsed + " us");
        }
        return ticks;
    }

    @Test
    @Verifies(value = "SRS-KRN-010", version = 1)
    void stopRampsDownAtTheTreatmentRateAndCompletesAtZero() {
        KernelHarness h = delivering();
        long stop = h.stop();
        h.tick();
        assertTrue(h.accepted(stop));
        assertEquals(KernelState.RAMP_DOWN, h.kernel().state());
        assertEquals(4_000, h.kernel().setpointMicroamps(), "a ramp, not a cut");
        assertEquals(10_000, followRampDown(h, KernelState.RAMP_DOWN, 4_000));
        assertEquals(KernelState.COMPLETE, h.kernel().state());
        assertEquals(Reason.OUTPUT_AT_ZERO, h.kernel().lastReason());
        assertFalse(h.stage().outputEnabled());
    }

    @Test
    @Verifies(value = {"SRS-KRN-010", "SRS-KRN-027"}, version = 1)
    void pauseRampsDownAtTheTreatmentRateAndThenKeepsTheOutputOff() {
        KernelHarness h = delivering();
        long pause = h.pause();
        h.tick();
        assertTrue(h.accepted(pause));
        assertEquals(KernelState.PAUSED, h.kernel().state());
        assertEquals(10_000, followRampDown(h, KernelState.PAUSED, 4_000));
        assertEquals(KernelState.PAUSED, h.kernel().state());
        for (int i = 0; i < 5_000; i++) {
            h.tick();
            assertEquals(0, h.kernel().setpointMicroamps());
            assertFalse(h.stage().outputEnabled());
        }
        assertEquals(KernelState.PAUSED, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-010", version = 1)
    void stopDuringTheRampUpRampsDownFromWhereTheRampWas() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
        h.runMillis(5_000);
        assertEquals(2_000, h.kernel().setpointMicroamps());
        h.stop();
        h.tick();
        assertEquals(KernelState.RAMP_DOWN, h.kernel().state());
        assertEquals(2_000, h.kernel().setpointMicroamps());
        assertEquals(5_000, followRampDown(h, KernelState.RAMP_DOWN, 2_000));
        assertEquals(KernelState.COMPLETE, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-010", version = 1)
    void systemStopRampsDownLikeAnOperatorsStop() {
        KernelHarness h = delivering();
        long stop = h.systemStop(Reason.RECORDING_FAILED);
        h.tick();
        assertTrue(h.accepted(stop));
        assertEquals(KernelState.RAMP_DOWN, h.kernel().state());
        assertEquals(Reason.RECORDING_FAILED, h.kernel().lastReason());
        assertEquals(10_000, followRampDown(h, KernelState.RAMP_DOWN, 4_000));
        assertEquals(KernelState.COMPLETE, h.kernel().state());
    }

    @Test
    @Verifies(value = {"SRS-KRN-010", "SRS-KRN-013"}, version = 1)
    void endOfTheDoseRampsDownAtTheTreatmentRate() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.shortDexamethasone("T").build());
        h.runUntil(KernelState.RAMP_DOWN, 20_000);
        assertEquals(Reason.DOSE_REACHED, h.kernel().lastReason());
        assertEquals(4_000, h.kernel().setpointMicroamps());
        assertEquals(10_000, followRampDown(h, KernelState.RAMP_DOWN, 4_000));
        assertEquals(KernelState.COMPLETE, h.kernel().state());
    }
}
