package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    /** The defaults: measurements at most 5 ms old, ticks at most 10 ms apart. */
    private final Watchdog watchdog = new Watchdog(5_000, 10_000);

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void freshTicksOnTimeAreOk() {
        assertEquals(WatchdogVerdict.OK, watchdog.check(1_000, 1_000));
        assertEquals(WatchdogVerdict.OK, watchdog.check(2_000, 1_900));
        // Equal times are not backwards.
        assertEquals(WatchdogVerdict.OK, watchdog.check(2_000, 1_900));
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void gapExactlyAtTheLimitIsOkAndOneMicrosecondMoreIsAnOverrun() {
        watchdog.check(1_000, 1_000);
        assertEquals(WatchdogVerdict.OK, watchdog.check(11_000, 11_000));
        assertEquals(WatchdogVerdict.TICK_GAP, watchdog.check(21_001, 21_001));
        // The overrun tick is remembered: the next one on time is fine again.
        assertEquals(WatchdogVerdict.OK, watchdog.check(22_001, 22_001));
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void ageExactlyAtTheLimitIsOkAndOneMicrosecondMoreIsStale() {
        assertEquals(WatchdogVerdict.OK, watchdog.check(6_000, 1_000));
        assertEquals(WatchdogVerdict.STALE, watchdog.check(6_001, 1_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void firstTickIsJudgedOnItsAgeOnly() {
        assertEquals(WatchdogVerdict.STALE, new Watchdog(5_000, 10_000).check(50_000, 44_999));
        assertEquals(WatchdogVerdict.OK, new Watchdog(5_000, 10_000).check(50_000_000, 49_995_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void anOverrunTakesPrecedenceOverAStaleReading() {
        watchdog.check(1_000, 1_000);
        assertEquals(WatchdogVerdict.TICK_GAP, watchdog.check(20_000, 1_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void tickTimeGoingBackwardsIsDetectedAndNotRemembered() {
        watchdog.check(10_000, 10_000);
        assertEquals(WatchdogVerdict.TIME_BACKWARDS, watchdog.check(9_999, 9_999));
        // Still measured from 10,000, not from the backwards tick.
        assertEquals(WatchdogVerdict.TICK_GAP, watchdog.check(20_001, 20_001));
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void measurementTimeGoingBackwardsIsDetected() {
        watchdog.check(10_000, 9_500);
        assertEquals(WatchdogVerdict.TIME_BACKWARDS, watchdog.check(11_000, 9_499));
        assertEquals(WatchdogVerdict.OK, watchdog.check(12_000, 9_500));
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void measurementFromTheFutureIsDetected() {
        assertEquals(WatchdogVerdict.TIME_BACKWARDS, watchdog.check(10_000, 10_001));
        assertEquals(WatchdogVerdict.OK, watchdog.check(10_000, 10_000));
    }
}
