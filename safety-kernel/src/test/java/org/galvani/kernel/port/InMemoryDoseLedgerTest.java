package org.galvani.kernel.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The in-memory ledger knows which treatments completed, from the events it records. */
class InMemoryDoseLedgerTest {

    private static ChannelEvent change(KernelState from, KernelState to, String treatmentId) {
        return new ChannelEvent("ch", new KernelEvent(KernelEventType.STATE_CHANGED, 1, from, to, Reason.OUTPUT_AT_ZERO,
                0, 900, treatmentId), "kernel", null);
    }

    @Test
    @Verifies("SRS-KRN-041")
    void aTreatmentSeenInStateCompleteIsCompletedAndOthersAreNot() {
        InMemoryDoseLedger ledger = new InMemoryDoseLedger();
        ledger.record(change(KernelState.RAMP_UP, KernelState.FAULT, "T-1"));
        ledger.record(change(KernelState.FAULT, KernelState.IDLE, "T-1"));
        assertFalse(ledger.completed("T-1"), "a fault does not complete a treatment");
        assertEquals(900L, ledger.deliveredMicroampMillis("T-1"));

        ledger.record(change(KernelState.RAMP_DOWN, KernelState.COMPLETE, "T-2"));
        assertTrue(ledger.completed("T-2"));
        assertFalse(ledger.completed("T-1"));
        assertFalse(ledger.completed("T-3"), "unknown");
        assertFalse(ledger.completed(null));

        ledger.record(change(KernelState.RAMP_DOWN, KernelState.COMPLETE, null));
        assertFalse(ledger.completed(null), "an event of no treatment completes none");
    }
}
