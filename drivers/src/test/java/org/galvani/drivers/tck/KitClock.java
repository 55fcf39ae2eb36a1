package org.galvani.drivers.tck;

import java.util.concurrent.locks.LockSupport;

/**
 * The kit's time (µs), which it passes as {@code nowMicros}: simulated and advanced by the kit, or real
 * and monotonic. It starts at {@link #START_MICROS}, not 0, so that a reading stamped 0 is seen as stale.
 * Used by one thread at a time.
 */
final class KitClock {

    static final long START_MICROS = 1_000_000L;

    private final ClockPolicy policy;
    private final long originNanos = System.nanoTime();
    private long simulatedMicros = START_MICROS;

    KitClock(ClockPolicy policy) {
        this.policy = policy;
    }

    long now() {
        if (policy == ClockPolicy.SIMULATED) {
            return simulatedMicros;
        }
        return START_MICROS + (System.nanoTime() - originNanos) / 1_000L;
    }

    /** Moves (simulated) or waits (real time) until the time is at least {@code micros}; returns the time. */
    long advanceTo(long micros) {
        if (policy == ClockPolicy.SIMULATED) {
            simulatedMicros = Math.max(simulatedMicros, micros);
            return simulatedMicros;
        }
        long now = now();
        while (now < micros) {
            LockSupport.parkNanos((micros - now) * 1_000L);
            now = now();
        }
        return now;
    }
}
