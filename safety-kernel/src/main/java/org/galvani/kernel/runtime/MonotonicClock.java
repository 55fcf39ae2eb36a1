package org.galvani.kernel.runtime;

/**
 * The runtime's time source in microseconds. Monotonic: never goes backwards. The kernel never reads a
 * clock; the runtime reads this one and passes the time in.
 */
@FunctionalInterface
public interface MonotonicClock {

    /** Microseconds since an arbitrary, fixed origin. */
    long nowMicros();

    /** The JVM's monotonic clock ({@link System#nanoTime()}), starting near zero. */
    static MonotonicClock system() {
        long origin = System.nanoTime();
        return () -> (System.nanoTime() - origin) / 1_000L;
    }
}
