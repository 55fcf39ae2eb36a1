package org.galvani.kernel.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The recovered dose after a crash can only be too high: checkpoint plus the most that could have flowed. */
class RecoveryBoundTest {

    @Test
    @Verifies("SRS-KRN-039")
    void theMarginIsTheMaximumCurrentOverTheIntervalAndTheStageHold() {
        assertEquals(4_000L * (1_000 + 50), RecoveryBound.marginMicroampMillis(4_000, 1_000, 50));
        assertEquals(0L, RecoveryBound.marginMicroampMillis(0, 1_000, 50));
        assertEquals(4_000L * 50, RecoveryBound.marginMicroampMillis(4_000, -5, 50), "a negative interval counts as 0");
        assertEquals(4_000L * 1_000, RecoveryBound.marginMicroampMillis(4_000, 1_000, -5), "a negative hold counts as 0");
        assertEquals(0L, RecoveryBound.marginMicroampMillis(-4_000, 1_000, 50), "a negative current counts as 0");
        assertEquals((long) Integer.MAX_VALUE * (2L * Integer.MAX_VALUE),
                RecoveryBound.marginMicroampMillis(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE),
                "no overflow at the extremes");
    }

    @Test
    @Verifies("SRS-KRN-039")
    void theRecoveredDoseIsTheCheckpointPlusTheMarginAndSaturates() {
        assertEquals(1_500L, RecoveryBound.recoveredMicroampMillis(1_000, 500));
        assertEquals(500L, RecoveryBound.recoveredMicroampMillis(-1, 500), "a negative checkpoint counts as 0");
        assertEquals(1_000L, RecoveryBound.recoveredMicroampMillis(1_000, -1), "a negative margin counts as 0");
        assertEquals(Long.MAX_VALUE, RecoveryBound.recoveredMicroampMillis(Long.MAX_VALUE - 10, 10));
        assertEquals(Long.MAX_VALUE, RecoveryBound.recoveredMicroampMillis(Long.MAX_VALUE - 10, 11));
        assertEquals(Long.MAX_VALUE - 1, RecoveryBound.recoveredMicroampMillis(Long.MAX_VALUE - 10, 9));
    }

    @Test
    @Verifies("SRS-KRN-039")
    void neverUnderCountsWhatCouldHaveFlowedSinceTheCheckpoint() {
        // Whatever flowed after the checkpoint, at most the maximum current for at most the window, is covered.
        qt().forAll(longs().between(0, Long.MAX_VALUE / 4), integers().between(0, 1_000_000),
                        integers().between(1, 3_600_000), integers().between(0, 3_600_000))
                .checkAssert((checkpoint, maxCurrent, interval, hold) -> {
                    long margin = RecoveryBound.marginMicroampMillis(maxCurrent, interval, hold);
                    long recovered = RecoveryBound.recoveredMicroampMillis(checkpoint, margin);
                    long worstFlow = (long) maxCurrent * (interval + hold);
                    assertTrue(recovered >= checkpoint + worstFlow, "recovered " + recovered);
                    assertEquals(checkpoint + worstFlow, recovered, "and not more than that bound");
                });
    }

    @Test
    @Verifies("SRS-KRN-038")
    void onlyDoseCheckpointsAndStateChangesOfATreatmentCarryDose() {
        assertTrue(event(KernelEventType.DOSE_CHECKPOINT, "T-1").carriesDose());
        assertTrue(event(KernelEventType.STATE_CHANGED, "T-1").carriesDose());
        assertFalse(event(KernelEventType.STATE_CHANGED, null).carriesDose());
        assertFalse(event(KernelEventType.REQUEST_ACCEPTED, "T-1").carriesDose());
        assertFalse(event(KernelEventType.REQUEST_REFUSED, "T-1").carriesDose());
    }

    @Test
    @Verifies("SRS-KRN-038")
    void theDefaultRecordWritesTheCheckpointsOfEventsThatCarryDose() {
        InMemoryDoseLedger ledger = new InMemoryDoseLedger();
        ledger.record(new ChannelEvent("ch", new KernelEvent(KernelEventType.REQUEST_ACCEPTED, 1, KernelState.IDLE,
                KernelState.IDLE, Reason.NONE, 1, 900, "T-1"), "nurse", null));
        assertEquals(0L, ledger.deliveredMicroampMillis("T-1"), "an acceptance states no dose");
        ledger.record(event(KernelEventType.DOSE_CHECKPOINT, "T-1"));
        assertEquals(700L, ledger.deliveredMicroampMillis("T-1"));
    }

    private static ChannelEvent event(KernelEventType type, String treatmentId) {
        return new ChannelEvent("ch", new KernelEvent(type, 1, KernelState.DELIVERING, KernelState.DELIVERING,
                Reason.NONE, 0, 700, treatmentId), "kernel", null);
    }
}
