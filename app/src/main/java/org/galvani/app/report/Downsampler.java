package org.galvani.app.report;

import java.util.Arrays;
import java.util.TreeSet;
import org.galvani.trace.Implements;

/**
 * Thins a long series for plotting while keeping what a reader must see: the series is cut into equal buckets
 * of consecutive points and each bucket keeps its first and last point, its minimum and maximum, and its first
 * gap (NaN) so that a gap still breaks the line. A series at or under the limit is kept whole.
 */
@Implements("SRS-APP-045")
final class Downsampler {

    /** Points a bucket can keep at most: first, last, minimum, maximum, first gap. */
    static final int POINTS_PER_BUCKET = 5;

    private Downsampler() {
    }

    /** x and y of a series, the same length. */
    record Series(double[] x, double[] y) {

        int size() {
            return x.length;
        }
    }

    /** The series with at most {@code maxPoints} points (maxPoints ≥ {@value #POINTS_PER_BUCKET}). */
    static Series thin(double[] x, double[] y, int maxPoints) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points and y " + y.length);
        }
        if (maxPoints < POINTS_PER_BUCKET) {
            throw new IllegalArgumentException("maxPoints must be at least " + POINTS_PER_BUCKET + ", was " + maxPoints);
        }
        int n = x.length;
        if (n <= maxPoints) {
            return new Series(x, y);
        }
        int buckets = maxPoints / POINTS_PER_BUCKET;
        TreeSet<Integer> keep = new TreeSet<>();
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets);
            int to = (int) ((long) n * (b + 1) / buckets);
            keep.add(from);
            keep.add(to - 1);
            int min = -1;
            int max = -1;
            int gap = -1;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(y[i])) {
                    gap = gap < 0 ? i : gap;
                } else {
                    min = min < 0 || y[i] < y[min] ? i : min;
                    max = max < 0 || y[i] > y[max] ? i : max;
                }
            }
            for (int i : new int[] {min, max, gap}) {
                if (i >= 0) {
                    keep.add(i);
                }
            }
        }
        int[] indices = keep.stream().mapToInt(Integer::intValue).toArray();
        return new Series(Arrays.stream(indices).mapToDouble(i -> x[i]).toArray(),
                Arrays.stream(indices).mapToDouble(i -> y[i]).toArray());
    }
}
