package org.galvani.kernel.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.galvani.trace.Implements;

/**
 * Period-deviation histogram and overrun counters of one control loop. Deviations up to ten periods are
 * counted in 1 µs buckets; longer ones, which a loaded machine produces and which are what a jitter
 * comparison is about, in buckets one period wide up to {@value #COARSE_PERIODS} periods (one second at
 * 1 kHz). A percentile that falls in a coarse bucket is reported as the bucket's upper edge (never below
 * what was measured), capped by the exact maximum; one beyond the coarse buckets as the maximum. Written by the loop thread only (no allocation, no
 * locks); read from any thread.
 */
@Implements("SRS-KRN-029")
public final class TickStatistics {

    /** The coarse buckets reach this many periods; longer deviations share the last one. */
    static final int COARSE_PERIODS = 1_000;
    private static final int FINE_PERIODS = 10;

    private final long periodMicros;
    /** 1 µs buckets: deviations 0 to {@code fineLimit}. */
    private final AtomicLongArray histogram;
    /** One-period buckets above the fine ones; bucket i holds deviations in (fineLimit + i·period, fineLimit + (i+1)·period]. */
    private final AtomicLongArray coarse;
    private final long fineLimit;
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong maxWork = new AtomicLong();

    /** Deviations up to ten periods are resolved to the microsecond, larger ones to the period. */
    public TickStatistics(long periodMicros) {
        if (periodMicros <= 0) {
            throw new IllegalArgumentException("the period must be positive, was " + periodMicros + " us");
        }
        this.periodMicros = periodMicros;
        this.histogram = new AtomicLongArray((int) Math.min(periodMicros * FINE_PERIODS + 1, 1_000_001));
        this.fineLimit = histogram.length() - 1;
        this.coarse = new AtomicLongArray(COARSE_PERIODS - FINE_PERIODS);
    }

    /** Records the time between the starts of two consecutive ticks. */
    void recordPeriod(long actualMicros) {
        long deviation = Math.abs(actualMicros - periodMicros);
        if (deviation <= fineLimit) {
            int bucket = (int) deviation;
            histogram.lazySet(bucket, histogram.get(bucket) + 1);
        } else {
            int bucket = (int) Math.min((deviation - fineLimit - 1) / periodMicros, coarse.length() - 1);
            coarse.lazySet(bucket, coarse.get(bucket) + 1);
        }
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
        return report(counts(), new Counts(new long[histogram.length()], new long[coarse.length()], 0, 0));
    }

    /** Marks now, for a report of only what is recorded after it ({@link #reportSince}). */
    public Mark mark() {
        return new Mark(this, counts());
    }

    /**
     * A report of the periods recorded since {@code mark}: a measurement window that leaves out a start-up.
     * Its maximum is the largest deviation's bucket (exact up to ten periods, else as percentiles are);
     * its longest tick is the loop's whole life's, which a window cannot separate.
     */
    public JitterReport reportSince(Mark mark) {
        if (mark.statistics != this) {
            throw new IllegalArgumentException("the mark was made on another loop's statistics");
        }
        return report(counts(), mark.counts);
    }

    private Counts counts() {
        long[] fine = new long[histogram.length()];
        long[] wide = new long[coarse.length()];
        for (int i = 0; i < fine.length; i++) {
            fine[i] = histogram.get(i);
        }
        for (int i = 0; i < wide.length; i++) {
            wide[i] = coarse.get(i);
        }
        return new Counts(fine, wide, overruns.get(), missed.get());
    }

    private JitterReport report(Counts now, Counts before) {
        long[] fine = new long[now.fine.length];
        long[] wide = new long[now.wide.length];
        long total = 0;
        long windowMax = 0;
        long maximum = max.get();
        for (int i = 0; i < fine.length; i++) {
            fine[i] = now.fine[i] - before.fine[i];
            total += fine[i];
            if (fine[i] > 0) {
                windowMax = i;
            }
        }
        for (int i = 0; i < wide.length; i++) {
            wide[i] = now.wide[i] - before.wide[i];
            total += wide[i];
            if (wide[i] > 0) {
                windowMax = coarseEdge(i, wide.length, maximum);
            }
        }
        return new JitterReport(total, periodMicros, percentile(fine, wide, total, 0.50, windowMax),
                percentile(fine, wide, total, 0.99, windowMax), percentile(fine, wide, total, 0.999, windowMax),
                windowMax, now.overruns - before.overruns, now.missed - before.missed, maxWork.get());
    }

    private long percentile(long[] fine, long[] wide, long total, double quantile, long maximum) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < fine.length; i++) {
            seen += fine[i];
            if (seen >= rank) {
                return i;
            }
        }
        for (int i = 0; i < wide.length; i++) {
            seen += wide[i];
            if (seen >= rank) {
                return coarseEdge(i, wide.length, maximum);
            }
        }
        return maximum;
    }

    /** A coarse bucket's upper edge capped by the maximum; the last bucket has no edge, so the maximum (never an under-report). */
    private long coarseEdge(int bucket, int buckets, long maximum) {
        return bucket == buckets - 1 ? maximum : Math.min(fineLimit + (bucket + 1) * periodMicros, maximum);
    }

    /** The counts at one moment, kept by a {@link Mark}. */
    private record Counts(long[] fine, long[] wide, long overruns, long missed) {
    }

    /** A moment in one loop's statistics; see {@link #reportSince}. */
    public static final class Mark {
        private final TickStatistics statistics;
        private final Counts counts;

        private Mark(TickStatistics statistics, Counts counts) {
            this.statistics = statistics;
            this.counts = counts;
        }
    }
}
