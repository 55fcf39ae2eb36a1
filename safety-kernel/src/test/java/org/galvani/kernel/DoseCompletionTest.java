package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SRS-KRN-013: a dose-based treatment begins its ramp-down when the projected dose reaches the
 * prescription, and ends at most at the prescribed dose and at least at the prescribed dose minus
 * target × (control period + tick-gap limit) − 1 µA × ramp-down duration − 1 µA·ms.
 */
class DoseCompletionTest {

    /** control period + tick-gap limit of the drug-delivery profile on the test stage (µs). */
    private static final long MARGIN_MICROS = 1_000 + 10_000;

    /** The requirement's lower tolerance (µA·ms) for a target and a ramp rate. */
    private static long tolerance(int targetMicroamps, long rate) {
        long rampDownMicros = (targetMicroamps * 1_000_000L + rate - 1) / rate;
        return targetMicroamps * MARGIN_MICROS / 1_000 + (rampDownMicros + 999) / 1_000 + 1;
    }

    private static KernelHarness runToCompletion(Prescription rx) {
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(rx);
        h.runUntil(KernelState.COMPLETE, 30 * 60_000L);
        assertTrue(h.events(KernelEventType.STATE_CHANGED).stream().noneMatch(e -> e.current() == KernelState.FAULT));
        KernelEvent rampDown = h.events(KernelEventType.STATE_CHANGED).stream()
                .filter(e -> e.current() == KernelState.RAMP_DOWN).findFirst().orElseThrow();
        assertEquals(Reason.DOSE_REACHED, rampDown.reason());
        assertEquals(Reason.OUTPUT_AT_ZERO, h.kernel().lastReason());
        return h;
    }

    @Test
    @Verifies(value = "SRS-KRN-013", version = 1)
    void requirementsExampleEndsWithinOnePointOneThousandthsOfAMilliampMinute() {
        // 3 mA, 30 s ramps (100 µA/s), 2 mA·min.
        long prescribed = Units.microampMillis(2.0);
        long tolerance = tolerance(3_000, 100);
        assertEquals(3_000 * 11 + 30_000 + 1, tolerance);
        assertTrue(tolerance <= Units.microampMillis(0.0011));

        KernelHarness h = runToCompletion(Prescriptions.dexamethasone("T").doseMicroampMillis(prescribed).build());
        long delivered = h.kernel().deliveredDoseMicroampMillis();
        assertTrue(delivered <= prescribed, "over-treated: " + delivered);
        assertTrue(delivered >= prescribed - tolerance, "under-treated: " + delivered);
    }

    @ParameterizedTest(name = "{0} uA, {1} ms ramp, {2} mA*min")
    @CsvSource({
            "4000, 10000, 1.0",
            "4000, 10000, 80.0",
            "1000, 60000, 2.0",
            "3333, 17000, 0.75",
            "3000, 30000, 0.2",   // ends during the ramp-up
            "5,    10000, 0.0001",
    })
    @Verifies(value = "SRS-KRN-013", version = 1)
    void treatmentEndsAtMostAtThePrescriptionAndWithinTheTolerance(int target, int rampMillis, double milliampMinutes) {
        long prescribed = Units.microampMillis(milliampMinutes);
        Prescription rx = Prescriptions.dexamethasone("T").targetMicroamps(target).rampMillis(rampMillis)
                .doseMicroampMillis(prescribed).build();
        KernelHarness h = runToCompletion(rx);
        long delivered = h.kernel().deliveredDoseMicroampMillis();
        long rate = Math.max(1, target * 1_000L / rampMillis);
        assertTrue(delivered <= prescribed, "over-treated: " + delivered + " > " + prescribed);
        assertTrue(delivered >= prescribed - tolerance(target, rate),
                "under-treated: " + delivered + " < " + prescribed + " - " + tolerance(target, rate));
    }

    /**
     * With little dose left the ramp-down begins in the first tick of the ramp-up; a step up in that tick
     * would alone deliver more than what is left.
     */
    @ParameterizedTest(name = "{0} uA in {1} ms, {2} uA*ms left of {3}")
    @CsvSource({
            "4000, 10000, 1,    40000000",
            "4000, 10000, 2,    40000000",
            "4000, 10000, 3,    40000000",
            "4000, 10000, 50,   40000000",
            "5,    10000, 1,    1",
            "5,    10000, 999,  1000",
            "1000, 60000, 10,   10",
            "3000, 30000, 100,  100",
    })
    @Verifies(value = "SRS-KRN-013", version = 1)
    void smallRemainingDoseIsNeverExceeded(int target, int rampMillis, long left, long prescribed) {
        KernelHarness h = KernelHarness.drugDelivery();
        Prescription rx = Prescriptions.dexamethasone("T").targetMicroamps(target).rampMillis(rampMillis)
                .doseMicroampMillis(prescribed).build();
        h.arm(rx, prescribed - left);
        h.confirmContact();
        h.start();
        h.runUntil(KernelState.COMPLETE, 120_000);
        long delivered = h.kernel().deliveredDoseMicroampMillis();
        assertTrue(delivered <= prescribed, "delivered " + delivered + " of " + prescribed);
        assertTrue(h.events(KernelEventType.STATE_CHANGED).stream().noneMatch(e -> e.current() == KernelState.FAULT));
    }

    @Test
    @Verifies(value = "SRS-KRN-013", version = 1)
    void rampDownBeginsInTheFirstTickWhoseProjectionReachesThePrescription() {
        long prescribed = Units.microampMillis(1.0);
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.shortDexamethasone("T").doseMicroampMillis(prescribed).build());
        while (h.kernel().state() == KernelState.RAMP_UP || h.kernel().state() == KernelState.DELIVERING) {
            h.tick();
            // With 1 ms ticks and whole µA the reported dose is exact; the projection in µA·µs.
            int current = Math.max(h.kernel().setpointMicroamps(), h.lastMeasurement().currentMicroamps());
            long projected = h.kernel().deliveredDoseMicroampMillis() * 1_000L + rampDownCharge(current, 400)
                    + current * MARGIN_MICROS;
            boolean due = projected >= prescribed * 1_000L;
            assertEquals(due, h.kernel().state() == KernelState.RAMP_DOWN, "at " + h.now() + " us, projected "
                    + projected + " against " + prescribed * 1_000L);
        }
    }

    /** The straight line's charge s² / (2·rate) plus 1 µA over the ramp's s / rate, both rounded up (µA·µs). */
    private static long rampDownCharge(long setpoint, long rate) {
        return (setpoint * setpoint * 1_000_000L + 2 * rate - 1) / (2 * rate) + (setpoint * 1_000_000L + rate - 1) / rate;
    }
}
