package org.galvani.kernel.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.galvani.trace.Implements;

/**
 * Period-deviation histogram and overrun counters of one control loop, in 1 µs buckets. Written by the
 * loop thread only (no allocation, no locks); read from any thread.
 */
@Implements("SRS-KRN-029")
public final class TickStatistics {

    private final long periodMicros;
    private final AtomicLongArray histogram;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong maxWork = new AtomicLong();

    /** Deviations up to ten periods are resolved to the microsecond; larger ones fall in the last bucket. */
    public TickStatistics(long periodMicros) {
        this.periodMicros = periodMicros;
        this.histogram = new AtomicLongArray((int) Math.min(periodMicros * 10 + 1, 1_000_001));
    }

    /** Records the time between the starts of two consecutive ticks. */
    void recordPeriod(long actualMicros) {
        long deviation = Math.abs(actualMicros - periodMicros);
        int bucket = (int) Math.min(deviation, histogram.length() - 1);
        histogram.lazySet(bucket, histogram.get(bucket) + 1);
        ticks.lazySet(ticks.get() + 1);
        if (deviation > max.get()) {
            max.lazySet(deviation);
        }
    }

    /** Records how long one tick's work took; longer than the period is an overrun. */
    void recordWork(long workMicros) {
        if (workMicros > periodMicros) {
            overruns.lazySet(overruns.get() + 1);
        }
        if (workMicros > maxWork.get()) {
            maxWork.lazySet(workMicros);
        }
    }

    /** Records scheduled ticks that were skipped. */
    void recordMissed(long count) {
        missed.lazySet(missed.get() + count);
    }

    /** Ticks whose work overran the period so far. */
    public long overruns() {
        return overruns.get();
    }

    /** A report of everything recorded so far. */
    public JitterReport report() {
        int length = histogram.length();
        long[] counts = new long[length];
        long total = 0;
        for (int i = 0; i < length; i++) {
            counts[i] = histogram.get(i);
            total += counts[i];
        }
        return new JitterReport(total, periodMicros, percentile(counts, total, 0.50), percentile(counts, total, 0.99),
                percentile(counts, total, 0.999), max.get(), overruns.get(), missed.get(), maxWork.get());
    }

    private static long percentile(long[] counts, long total, double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i;
            }
        }
        return counts.length - 1;
    }
}
