package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Regression tests for the ramp rate, found while proving the JML contracts with KeY. */
class SlewLimiterTest {

    @Test
    void rateIsTargetOverRampTime() {
        assertEquals(400, SlewLimiter.rateFor(4_000, 10_000));
        assertEquals(1, SlewLimiter.rateFor(1, 60_000));
    }

    @Test
    void aRampFasterThanTheMaximumRateIsSlowedToIt() {
        // 1 A in 1 ms asked for 10^9 uA/s: above MAX_RATE, which rampToward, rampDurationMicros and
        // DoseBudget.rampDownCharge require, and large enough for rate * elapsed to overflow a long
        // after about 2.6 hours of ramping or delivering.
        assertEquals(SlewLimiter.MAX_RATE, SlewLimiter.rateFor(SlewLimiter.MAX_CURRENT, 1));
        assertEquals(SlewLimiter.MAX_RATE, SlewLimiter.rateFor(2_000, 1));
        assertEquals(SlewLimiter.MAX_RATE, SlewLimiter.rateFor(1_000_000, 1_000));
    }

    @Test
    void aLongRampAtTheMaximumRateStaysAtTheGoal() {
        int rate = SlewLimiter.rateFor(SlewLimiter.MAX_CURRENT, 1);
        long tenHours = 10L * 3_600L * SlewLimiter.MICROS_PER_SECOND;
        assertEquals(500_000, SlewLimiter.rampToward(0, 500_000, rate, tenHours));
        assertTrue(SlewLimiter.rampToward(0, 500_000, rate, 1_000L) <= 1_000);
    }
}
