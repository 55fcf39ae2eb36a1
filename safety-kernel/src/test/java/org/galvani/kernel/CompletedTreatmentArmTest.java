package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * SRS-KRN-041: a treatment that completed (its output ramped down to zero at its end: the prescription's
 * dose or time, or an operator's stop) is never armed again under its ID, whether the ledger or the kernel's
 * own record knows it; one ended by a fault, or armed and stopped before it started, may be armed again.
 */
class CompletedTreatmentArmTest {

    private static Prescription shortDose(String id) {
        return Prescriptions.shortDexamethasone(id).build();
    }

    /** Arms with what a ledger would say and returns the kernel's decision. */
    private static Reason arm(KernelHarness h, Prescription rx, long prior, boolean completed) {
        long id = h.submit(Request.arm(h.nextRequestId(), rx, prior, completed));
        h.tick();
        return h.lastOutcomeOf(id).reason();
    }

    /** Delivers {@code rx} to its prescribed dose: the kernel ends in COMPLETE, a little below the dose. */
    private static long complete(KernelHarness h, Prescription rx) {
        h.deliverAtTarget(rx);
        h.runUntil(KernelState.COMPLETE, 30_000);
        long delivered = h.kernel().deliveredDoseMicroampMillis();
        assertTrue(delivered < rx.doseMicroampMillis(), "completed short of its dose: " + delivered);
        return delivered;
    }

    @Test
    @Verifies("SRS-KRN-041")
    void aTreatmentTheLedgerHoldsCompletedIsRefusedAndNothingChanges() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        int before = h.events().size();
        assertEquals(Reason.TREATMENT_ALREADY_COMPLETED, arm(h, shortDose("T1"), 0, true));
        assertEquals(KernelState.IDLE, h.kernel().state());
        assertNull(h.kernel().prescription());
        assertEquals(0, h.kernel().deliveredDoseMicroampMillis());
        List<KernelEvent> after = h.events().subList(before, h.events().size());
        assertEquals(1, after.size(), "only the refusal: " + after);
        assertEquals(KernelEventType.REQUEST_REFUSED, after.get(0).type());
        assertEquals(Reason.Kind.REFUSED_STATE, Reason.TREATMENT_ALREADY_COMPLETED.kind());

        // Whatever else the new prescription says (a top-up below its dose, a value above a limit):
        assertEquals(Reason.TREATMENT_ALREADY_COMPLETED,
                arm(h, Prescriptions.shortDexamethasone("T1").doseMicroampMillis(Units.microampMillis(2.0)).build(),
                        Units.microampMillis(0.9), true));
        assertEquals(Reason.TREATMENT_ALREADY_COMPLETED,
                arm(h, Prescriptions.shortDexamethasone("T1").targetMicroamps(4_001).build(), 0, true));
        // ... but a malformed one is refused as such: it names no treatment to look up.
        assertEquals(Reason.INVALID_PRESCRIPTION, arm(h, null, 0, true));
        // Not completed: the same prescription is armed.
        assertEquals(Reason.NONE, arm(h, shortDose("T1"), 0, false));
    }

    @Test
    @Verifies("SRS-KRN-041")
    void theKernelRemembersThatItsLastTreatmentCompletedWhenTheLedgerDoesNot() {
        KernelHarness h = KernelHarness.drugDelivery();
        long delivered = complete(h, shortDose("T1"));

        // The ledger knows nothing (no dose, not completed): the dose left would top the treatment up.
        assertEquals(Reason.TREATMENT_ALREADY_COMPLETED, arm(h, shortDose("T1"), 0, false));
        assertEquals(KernelState.COMPLETE, h.kernel().state(), "refused: the completed treatment stays as it ended");
        assertEquals("T1", h.kernel().treatmentId());
        assertEquals(delivered, h.kernel().deliveredDoseMicroampMillis());

        // Another treatment may be armed; the completion belonged to T1, not to the next one.
        assertEquals(Reason.NONE, arm(h, shortDose("T2"), 0, false));
        h.stop();
        h.tick();
        assertEquals(KernelState.IDLE, h.kernel().state());
        assertEquals(Reason.NONE, arm(h, shortDose("T2"), 0, false), "armed and stopped before it started: not completed");
    }

    @Test
    @Verifies("SRS-KRN-041")
    void anOperatorsStopCompletesTheTreatment() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(shortDose("T1"));
        h.stop();
        h.tick();
        assertEquals(KernelState.RAMP_DOWN, h.kernel().state());
        h.runUntil(KernelState.COMPLETE, 15_000);
        assertEquals(Reason.TREATMENT_ALREADY_COMPLETED, arm(h, shortDose("T1"), 0, false));
    }

    @Test
    @Verifies("SRS-KRN-041")
    void aTreatmentEndedByAFaultMayBeArmedAgain() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(shortDose("T1"));
        h.faultAndAcknowledge();
        assertEquals(KernelState.IDLE, h.kernel().state());
        long delivered = h.kernel().deliveredDoseMicroampMillis();

        assertEquals(Reason.NONE, arm(h, shortDose("T1"), 0, false), "resumed: the fault did not complete it");
        assertEquals(delivered, h.kernel().deliveredDoseMicroampMillis(), "from the dose it had");
    }
}
