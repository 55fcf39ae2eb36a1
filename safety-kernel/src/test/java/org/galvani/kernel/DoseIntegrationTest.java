package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-012: the dose integrates max(commanded, measured) exactly, in every state of an armed treatment. */
class DoseIntegrationTest {

    private static KernelHarness delivering(int targetMicroamps) {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(targetMicroamps).rampMillis(10_000).build());
        return h;
    }

    /** Ticks {@code millis} times and returns how much the dose grew (µA·ms). */
    private static long growth(KernelHarness h, int millis) {
        long before = h.kernel().deliveredDoseMicroampMillis();
        h.runMillis(millis);
        return h.kernel().deliveredDoseMicroampMillis() - before;
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void doseIsTheCommandInForceIntegratedTickByTickFromThePriorDose() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.shortDexamethasone("T").build(), 500);
        h.confirmContact();
        h.start();
        long expected = 500;
        int commanded = 0;
        do {
            h.tick();
            expected += commanded;  // the command of the past 1 ms interval, in µA·ms
            assertEquals(expected, h.kernel().deliveredDoseMicroampMillis(), "at " + h.now() + " us in " + h.kernel().state());
            commanded = h.kernel().outputEnabled() ? h.kernel().setpointMicroamps() : 0;
        } while (h.kernel().state() != KernelState.COMPLETE);
        assertEquals(expected, h.kernel().deliveredDoseMicroampMillis());
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void measuredCurrentAboveTheCommandIsCounted() {
        KernelHarness sensorHigh = delivering(4_000);
        sensorHigh.stage().currentOffset(40);
        assertEquals(100 * 4_040, growth(sensorHigh, 100));

        KernelHarness runaway = delivering(4_000);
        runaway.stage().runaway(100);
        assertEquals(100 * 4_100, growth(runaway, 100));
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void measuredCurrentBelowTheCommandDoesNotHideDose() {
        KernelHarness h = delivering(4_000);
        h.stage().currentOffset(-200);
        assertEquals(100 * 4_000, growth(h, 100));
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void chargeIsIntegratedInMicroampMicrosecondsAndReportedRoundedUp() {
        KernelHarness h = delivering(3_001);
        long base = h.kernel().deliveredDoseMicroampMillis();
        h.tickAfter(1_001);
        // 3001 µA × 1001 µs = 3,004,001 µA·µs: reported as 3005 µA·ms.
        assertEquals(base + 3_005, h.kernel().deliveredDoseMicroampMillis());
        h.tickAfter(999);
        // + 3001 µA × 999 µs = 6,002,000 µA·µs in all: nothing was lost to the first rounding.
        assertEquals(base + 6_002, h.kernel().deliveredDoseMicroampMillis());
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void doseKeepsCountingInArmedFaultAndCompleteButNotWithoutCurrent() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.shortDexamethasone("T").build());
        h.runMillis(10);
        assertEquals(0, growth(h, 100));
        h.stage().stuckCurrent(15);
        assertEquals(100 * 15, growth(h, 100));
        assertEquals(KernelState.ARMED, h.kernel().state());
        h.stage().stuckCurrent(null);

        h.confirmContact();
        h.start();
        h.runUntil(KernelState.DELIVERING, 10_002);
        h.stage().flags(StatusFlags.HARDWARE_FAULT);
        assertEquals(4_000, growth(h, 1), "the interval before the fault was at 4 mA");
        assertEquals(KernelState.FAULT, h.kernel().state());
        h.stage().flags(0).stuckCurrent(15);
        assertEquals(100 * 15, growth(h, 100));
        assertEquals(KernelState.FAULT, h.kernel().state());

        KernelHarness complete = delivering(4_000);
        complete.stop();
        complete.runUntil(KernelState.COMPLETE, 11_000);
        assertEquals(0, growth(complete, 100));
        complete.stage().stuckCurrent(15);
        assertEquals(100 * 15, growth(complete, 100));
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void pausedAtZeroDeliversNothing() {
        KernelHarness h = delivering(4_000);
        h.pause();
        h.runUntil(k -> !k.outputEnabled(), "output off", 10_002);
        h.tick();
        assertEquals(0, growth(h, 1_000));
    }
}
