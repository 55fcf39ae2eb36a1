package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-005 and 014: a dose exactly at the cap completes; the cap itself cuts the output. */
class DoseCapTest {

    private static final long CAP = Units.microampMillis(80.0);
    /** The tick-gap limit (ms): how far ahead the cap looks. */
    private static final long HORIZON_MILLIS = 10;

    @Test
    @Verifies(value = {"SRS-KRN-005", "SRS-KRN-013", "SRS-KRN-014"}, version = 1)
    void doseExactlyAtTheCapIsDeliveredAndCompletesWithoutAFault() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.shortDexamethasone("T").doseMicroampMillis(CAP).build());
        h.runUntil(KernelState.COMPLETE, 21 * 60_000L);
        assertTrue(h.events(KernelEventType.STATE_CHANGED).stream().noneMatch(e -> e.current() == KernelState.FAULT));
        long delivered = h.kernel().deliveredDoseMicroampMillis();
        assertTrue(delivered <= CAP, "delivered " + delivered);
        assertTrue(delivered >= CAP - (4_000 * 11 + 10_000 + 1), "delivered " + delivered);
    }

    @Test
    @Verifies(value = "SRS-KRN-014", version = 1)
    void currentFlowingWhileArmedNearTheCapLatchesTheCapInTheTickItCouldReachIt() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.shortDexamethasone("T").doseMicroampMillis(CAP).build(), CAP - 50_000);
        h.tick();
        assertEquals(KernelState.ARMED, h.kernel().state());
        // A stage leaking 4 mA with its output disabled: +4000 µA·ms per tick, and 10 ms ahead is 40,000.
        h.stage().runaway(4_000);
        h.tick();
        assertEquals(CAP - 46_000, h.kernel().deliveredDoseMicroampMillis());
        assertEquals(KernelState.ARMED, h.kernel().state());
        h.tick();
        assertEquals(CAP - 42_000, h.kernel().deliveredDoseMicroampMillis());
        assertEquals(KernelState.ARMED, h.kernel().state());
        h.tick();
        assertEquals(CAP - 38_000, h.kernel().deliveredDoseMicroampMillis());
        assertEquals(KernelState.FAULT, h.kernel().state(), "before the leak would be judged (after 10 ticks)");
        assertEquals(Reason.DOSE_CAP_REACHED, h.kernel().faultReason());
    }

    @Test
    @Verifies(value = {"SRS-KRN-010", "SRS-KRN-014"}, version = 1)
    void stageDrivingMoreThanCommandedDuringTheRampDownIsCutAtTheCap() {
        // A device team's tighter cap of 1 mA·min, and a prescription of exactly that.
        long cap = Units.microampMillis(1.0);
        DeviceProfile tight = DeviceProfile.drugDeliveryPatch().toBuilder().name("tight-cap").hardCapMicroampMillis(cap)
                .build();
        KernelHarness h = KernelHarness.create(tight);
        h.armAndStart(Prescriptions.shortDexamethasone("T").doseMicroampMillis(cap).build());
        h.runUntil(KernelState.RAMP_DOWN, 20_000);
        // 45 µA more than commanded: inside the plausibility tolerance (50 µA + 5 %), so only the cap stops it.
        h.stage().runaway(45);
        long previousDose;
        long previousBound;
        int previousSetpoint;
        do {
            previousDose = h.kernel().deliveredDoseMicroampMillis();
            previousSetpoint = h.kernel().setpointMicroamps();
            previousBound = Math.max(h.kernel().setpointMicroamps(), h.lastMeasurement().currentMicroamps());
            assertTrue(previousDose + previousBound * HORIZON_MILLIS < cap, "the cap should already have cut");
            h.tick();
        } while (h.kernel().state() == KernelState.RAMP_DOWN);
        h.stage().runaway(0);

        assertEquals(KernelState.FAULT, h.kernel().state());
        assertEquals(Reason.DOSE_CAP_REACHED, h.kernel().faultReason());
        // At 400 µA/s a ramp moves at most 1 µA per tick: this is a cut.
        assertTrue(previousSetpoint > 1, "cut from " + previousSetpoint + " uA, not ramped to zero");
        assertEquals(0, h.kernel().setpointMicroamps());
        assertFalse(h.stage().outputEnabled());
        long dose = h.kernel().deliveredDoseMicroampMillis();
        assertTrue(dose + h.lastMeasurement().currentMicroamps() * HORIZON_MILLIS >= cap);
        assertTrue(dose <= cap, "dose " + dose + " above the cap");
        h.runMillis(1_000);
        assertTrue(h.kernel().deliveredDoseMicroampMillis() <= cap);
    }
}
