package org.galvani.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The runtime's default time source. */
class MonotonicClockTest {

    @Test
    @Verifies("SRS-KRN-029")
    void theSystemClockStartsNearZeroAndNeverGoesBackwards() {
        MonotonicClock clock = MonotonicClock.system();
        long previous = clock.nowMicros();
        assertTrue(previous >= 0 && previous < 1_000_000L, "starts near zero: " + previous);
        for (int i = 0; i < 100_000; i++) {
            long now = clock.nowMicros();
            assertTrue(now >= previous, previous + " then " + now);
            previous = now;
        }
    }
}
