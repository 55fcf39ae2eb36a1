package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * SRS-KRN-020: implausible currents latch a fault. The drug-delivery defaults: tolerance 50 µA + 5 %
 * (250 µA at 4 mA), overcurrent after 5 ticks, leak 20 µA for 10 ticks, not following for 50 ticks.
 */
class PlausibilityFaultTest {

    private static KernelHarness delivering() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
        return h;
    }

    private static KernelHarness armed() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.shortDexamethasone("T").build());
        h.runMillis(10);
        return h;
    }

    /** Ticks {@code allowed} times without a fault, then once more into {@code fault}. */
    private static void faultsAfter(KernelHarness h, int allowed, Reason fault) {
        KernelState state = h.kernel().state();
        for (int i = 1; i <= allowed; i++) {
            h.tick();
            assertEquals(state, h.kernel().state(), "tick " + i);
        }
        h.tick();
        assertEquals(KernelState.FAULT, h.kernel().state());
        assertEquals(fault, h.kernel().faultReason());
        assertEquals(0, h.kernel().setpointMicroamps());
        assertFalse(h.stage().outputEnabled());
    }

    private static void neverFaults(KernelHarness h) {
        KernelState state = h.kernel().state();
        h.runMillis(1_000);
        assertEquals(state, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void negativeReadingIsInvalidAtOnce() {
        KernelHarness h = delivering();
        h.stage().stuckCurrent(-1);
        faultsAfter(h, 0, Reason.MEASUREMENT_INVALID);
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void currentAboveCommandPlusToleranceLatchesAfterTheOvercurrentCount() {
        KernelHarness atTolerance = delivering();
        atTolerance.stage().runaway(250);
        neverFaults(atTolerance);

        KernelHarness above = delivering();
        above.stage().runaway(251);
        faultsAfter(above, 5, Reason.OVERCURRENT);
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void currentWithTheOutputDisabledLatchesAfterTheSettleTicks() {
        KernelHarness atLeak = armed();
        atLeak.stage().runaway(20);
        neverFaults(atLeak);

        KernelHarness above = armed();
        above.stage().runaway(21);
        faultsAfter(above, 10, Reason.CURRENT_WHILE_DISABLED);
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void deadStageLatchesOutputNotFollowingAfterTheCount() {
        KernelHarness h = delivering();
        h.stage().dead(true);
        faultsAfter(h, 50, Reason.OUTPUT_NOT_FOLLOWING);
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void currentBelowCommandMinusToleranceLatchesOutputNotFollowing() {
        KernelHarness atTolerance = delivering();
        atTolerance.stage().currentOffset(-250);
        neverFaults(atTolerance);

        KernelHarness below = delivering();
        below.stage().currentOffset(-251);
        faultsAfter(below, 50, Reason.OUTPUT_NOT_FOLLOWING);
    }
}
