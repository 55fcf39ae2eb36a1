package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class SlewLimiterTest {

    @Test
    @Verifies(value = "SRS-KRN-007", version = 1)
    void rateIsTargetOverRampDurationRoundedDownAndAtLeastOne() {
        assertEquals(400, SlewLimiter.rateFor(4_000, 10_000));
        assertEquals(2_000, SlewLimiter.rateFor(20_000, 10_000));
        // 1000 µA over 30 s is 33.3 µA/s: rounded down, so the ramp is never faster than prescribed.
        assertEquals(33, SlewLimiter.rateFor(1_000, 30_000));
        // 5 µA over 10 s is 0.5 µA/s: at least 1 µA/s, or the ramp would never move.
        assertEquals(1, SlewLimiter.rateFor(5, 10_000));
        assertEquals(1, SlewLimiter.rateFor(0, 1));
    }

    @Test
    @Verifies(value = "SRS-KRN-007", version = 1)
    void rateIsCappedSoThatRampArithmeticCannotOverflow() {
        // 1 A in 1 ms would be 10^9 µA/s; rampToward's rate × elapsed overflows a long for such a rate
        // after about 2.6 hours of delivery (its contract requires rate <= MAX_RATE).
        assertEquals(SlewLimiter.MAX_RATE, SlewLimiter.rateFor(SlewLimiter.MAX_CURRENT, 1));
        assertEquals(SlewLimiter.MAX_RATE, SlewLimiter.rateFor(25_000, 1));
        assertEquals(SlewLimiter.MAX_RATE, SlewLimiter.rateFor(1_000, 1));
        assertEquals(999_000, SlewLimiter.rateFor(999, 1));
    }

    @Test
    @Verifies(value = "SRS-KRN-009", version = 1)
    void rampUpStopsExactlyAtTheGoal() {
        assertEquals(0, SlewLimiter.rampToward(0, 4_000, 400, 0));
        assertEquals(0, SlewLimiter.rampToward(0, 4_000, 400, 2_499));
        assertEquals(1, SlewLimiter.rampToward(0, 4_000, 400, 2_500));
        assertEquals(3_999, SlewLimiter.rampToward(0, 4_000, 400, 9_999_999));
        assertEquals(4_000, SlewLimiter.rampToward(0, 4_000, 400, 10_000_000));
        assertEquals(4_000, SlewLimiter.rampToward(0, 4_000, 400, 10_000_001));
        assertEquals(4_000, SlewLimiter.rampToward(0, 4_000, 400, 3_600_000_000L));
        // From a non-zero origin (a resume from a part-paused ramp).
        assertEquals(3_040, SlewLimiter.rampToward(3_000, 4_000, 400, 100_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-010", version = 1)
    void rampDownRoundsUpAndStopsExactlyAtTheGoal() {
        // A falling ramp rounds each setpoint up to the µA: after 1 ms at 0.4 µA/ms it is still 4000.
        assertEquals(4_000, SlewLimiter.rampToward(4_000, 0, 400, 1_000));
        assertEquals(3_999, SlewLimiter.rampToward(4_000, 0, 400, 2_500));
        assertEquals(1, SlewLimiter.rampToward(4_000, 0, 400, 9_999_999));
        assertEquals(0, SlewLimiter.rampToward(4_000, 0, 400, 10_000_000));
        assertEquals(0, SlewLimiter.rampToward(4_000, 0, 400, 20_000_000));
        // Down to a reduced goal, not past it.
        assertEquals(3_000, SlewLimiter.rampToward(3_200, 2_880, 400, 500_000));
        assertEquals(2_880, SlewLimiter.rampToward(3_200, 2_880, 400, 800_000));
        assertEquals(2_880, SlewLimiter.rampToward(3_200, 2_880, 400, 5_000_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-009", version = 1)
    void aRampAtItsGoalStaysThere() {
        assertEquals(2_500, SlewLimiter.rampToward(2_500, 2_500, 400, 0));
        assertEquals(2_500, SlewLimiter.rampToward(2_500, 2_500, 400, Long.MAX_VALUE));
        assertEquals(0, SlewLimiter.rampToward(0, 0, 1, 1_000_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-009", version = 1)
    void elapsedTimeIsClampedWithoutChangingAnyResult() {
        int max = SlewLimiter.MAX_CURRENT;
        // At the slowest rate the clamp is exactly long enough to cover the largest current.
        assertEquals(max - 1, SlewLimiter.rampToward(0, max, 1, SlewLimiter.MAX_ELAPSED - 1));
        assertEquals(max, SlewLimiter.rampToward(0, max, 1, SlewLimiter.MAX_ELAPSED));
        assertEquals(max, SlewLimiter.rampToward(0, max, 1, Long.MAX_VALUE));
        assertEquals(0, SlewLimiter.rampToward(max, 0, 1, Long.MAX_VALUE));
        // At the fastest rate, a huge elapsed time does not overflow.
        assertEquals(max, SlewLimiter.rampToward(0, max, SlewLimiter.MAX_RATE, Long.MAX_VALUE));
        assertEquals(0, SlewLimiter.rampToward(max, 0, SlewLimiter.MAX_RATE, Long.MAX_VALUE));
    }

    @Test
    @Verifies(value = {"SRS-KRN-013", "SRS-KRN-015"}, version = 1)
    void rampDownDurationIsRoundedUp() {
        assertEquals(10_000_000L, SlewLimiter.rampDurationMicros(4_000, 400));
        // 4000 µA at 133 µA/s: 30,075,187.97 µs, rounded up.
        assertEquals(30_075_188L, SlewLimiter.rampDurationMicros(4_000, 133));
        assertEquals(333_334L, SlewLimiter.rampDurationMicros(1, 3));
        assertEquals(0L, SlewLimiter.rampDurationMicros(0, 400));
        assertEquals(1_000_000_000_000L, SlewLimiter.rampDurationMicros(SlewLimiter.MAX_CURRENT, 1));
    }

    @Test
    @Verifies(value = "SRS-KRN-009", version = 1)
    void aLongRampAtTheMaximumRateStaysAtTheGoal() {
        int rate = SlewLimiter.rateFor(SlewLimiter.MAX_CURRENT, 1);
        long tenHours = 10L * 3_600L * SlewLimiter.MICROS_PER_SECOND;
        assertEquals(500_000, SlewLimiter.rampToward(0, 500_000, rate, tenHours));
        assertTrue(SlewLimiter.rampToward(0, 500_000, rate, 1_000L) <= 1_000);
    }
}
