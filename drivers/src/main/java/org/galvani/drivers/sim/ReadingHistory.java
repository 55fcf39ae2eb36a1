package org.galvani.drivers.sim;

import org.galvani.kernel.Measurement;

/**
 * The stage's recent readings, for a late measurement: a ring of preallocated slots (recording allocates
 * nothing), the newest overwriting the oldest. Not thread-safe.
 */
final class ReadingHistory {

    private final long[] times;
    private final int[] currents;
    private final int[] millivolts;
    private final int[] ohms;
    private final int[] flags;
    private int next;
    private int size;

    /** A history of the newest {@code capacity} readings. */
    ReadingHistory(int capacity) {
        times = new long[capacity];
        currents = new int[capacity];
        millivolts = new int[capacity];
        ohms = new int[capacity];
        flags = new int[capacity];
    }

    void record(Measurement reading) {
        times[next] = reading.sampledAtMicros();
        currents[next] = reading.currentMicroamps();
        millivolts[next] = reading.electrodeMillivolts();
        ohms[next] = reading.impedanceOhms();
        flags[next] = reading.statusFlags();
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    /**
     * Fills {@code into} with the newest reading taken at or before {@code timeMicros} and returns true,
     * or returns false when none is held.
     */
    boolean newestAtOrBefore(long timeMicros, Measurement into) {
        for (int i = 1; i <= size; i++) {
            int slot = Math.floorMod(next - i, times.length);
            if (times[slot] <= timeMicros) {
                into.set(times[slot], currents[slot], millivolts[slot], ohms[slot], flags[slot]);
                return true;
            }
        }
        return false;
    }
}
