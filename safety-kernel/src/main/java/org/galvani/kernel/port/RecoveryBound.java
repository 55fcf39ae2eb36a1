package org.galvani.kernel.port;

import org.galvani.trace.Implements;

/**
 * The dose a treatment interrupted by a crash is counted with: the last durable checkpoint plus the
 * most that could have flowed since, which is the stage's maximum current for one checkpoint interval
 * (the next checkpoint would have been written by then) plus the time the stage keeps driving after the
 * host goes silent (until its own watchdog disables it). The count can only be too high, never too low.
 */
@Implements("SRS-KRN-039")
public final class RecoveryBound {

    private RecoveryBound() {
    }

    /**
     * The most dose (µA·ms) that can flow unrecorded: {@code maxCurrentMicroamps × (checkpointIntervalMillis
     * + stageHoldMillis)}. Negative inputs are treated as zero; the result saturates at {@link Long#MAX_VALUE}.
     */
    public static long marginMicroampMillis(int maxCurrentMicroamps, int checkpointIntervalMillis, int stageHoldMillis) {
        long window = (long) Math.max(0, checkpointIntervalMillis) + Math.max(0, stageHoldMillis);
        // Both factors fit in 32 bits unsigned, so the product fits in a long.
        return Math.max(0, maxCurrentMicroamps) * window;
    }

    /** The dose to count after a crash: {@code lastCheckpoint + margin}, saturating instead of overflowing. */
    public static long recoveredMicroampMillis(long lastCheckpointMicroampMillis, long marginMicroampMillis) {
        long checkpoint = Math.max(0L, lastCheckpointMicroampMillis);
        long margin = Math.max(0L, marginMicroampMillis);
        return margin > Long.MAX_VALUE - checkpoint ? Long.MAX_VALUE : checkpoint + margin;
    }
}
