package org.galvani.kernel.runtime;

/**
 * Timing of the control loop: how far each tick period deviated from the nominal one, and how often a
 * tick's work overran its period.
 *
 * @param ticks          ticks measured
 * @param periodMicros   the nominal period
 * @param p50Micros      median absolute period deviation
 * @param p99Micros      99th percentile
 * @param p999Micros     99.9th percentile
 * @param maxMicros      largest deviation
 * @param overruns       ticks whose work took longer than the period
 * @param missedTicks    scheduled ticks skipped because the loop was late by a whole period or more
 * @param maxWorkMicros  the longest time the work of one tick took
 */
public record JitterReport(long ticks, long periodMicros, long p50Micros, long p99Micros, long p999Micros,
                           long maxMicros, long overruns, long missedTicks, long maxWorkMicros) {

    /** One line for logs. */
    public String describe() {
        return String.format("%d ticks at %d us: period deviation p50 %d us, p99 %d us, p99.9 %d us, max %d us;"
                        + " %d overruns, %d missed, longest tick %d us",
                ticks, periodMicros, p50Micros, p99Micros, p999Micros, maxMicros, overruns, missedTicks, maxWorkMicros);
    }
}
