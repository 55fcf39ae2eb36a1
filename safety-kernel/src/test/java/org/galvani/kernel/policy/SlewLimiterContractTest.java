package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.galvani.kernel.testing.Gens;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The JML {@code ensures} clauses of {@link SlewLimiter}, over inputs that satisfy its {@code requires}. */
class SlewLimiterContractTest {

    private static final Gen<Integer> CURRENT = Gens.ints(0, SlewLimiter.MAX_CURRENT);
    private static final Gen<Integer> RATE = Gens.ints(1, SlewLimiter.MAX_RATE);
    /** Mostly ramp-sized times, sometimes anything up to and past the clamp. */
    private static final Gen<Long> ELAPSED = Gens.longs(0, 100_000_000L)
            .mix(Gens.longs(SlewLimiter.MAX_ELAPSED - 2, SlewLimiter.MAX_ELAPSED + 2), 10)
            .mix(Gens.longs(0, Long.MAX_VALUE), 20);

    @Test
    @Verifies(value = "SRS-KRN-007", version = 1)
    void rateIsPositiveBoundedAndNeverFasterThanPrescribed() {
        qt().forAll(CURRENT, Gens.ints(1, Integer.MAX_VALUE)).checkAssert((target, rampMillis) -> {
            int rate = SlewLimiter.rateFor(target, rampMillis);
            assertTrue(1 <= rate && rate <= SlewLimiter.MAX_RATE, "rate " + rate);
            assertTrue(rate == 1 || (long) rate * rampMillis <= (long) target * 1000, "rate " + rate);
        });
    }

    @Test
    @Verifies(value = {"SRS-KRN-009", "SRS-KRN-010"}, version = 1)
    void rampStaysBetweenOriginAndGoalAndWithinTheRate() {
        qt().forAll(CURRENT, CURRENT, RATE, ELAPSED).checkAssert((origin, goal, rate, elapsed) -> {
            int result = SlewLimiter.rampToward(origin, goal, rate, elapsed);
            if (goal >= origin) {
                assertTrue(origin <= result && result <= goal, "result " + result);
            } else {
                assertTrue(goal <= result && result <= origin, "result " + result);
            }
            if (elapsed <= SlewLimiter.MAX_ELAPSED) {
                long travel = (long) rate * elapsed;
                assertTrue((long) (result - origin) * SlewLimiter.MICROS_PER_SECOND <= travel, "up too fast");
                assertTrue((long) (origin - result) * SlewLimiter.MICROS_PER_SECOND <= travel, "down too fast");
            }
        });
    }

    /** SRS-KRN-009's per-tick bound, which follows from the contract: between any two ticks of one ramp. */
    @Test
    @Verifies(value = {"SRS-KRN-009", "SRS-KRN-010"}, version = 1)
    void stepBetweenTwoTicksIsAtMostTheRateTimesTheGapRoundedUp() {
        qt().forAll(CURRENT, CURRENT, RATE, Gens.longs(0, 100_000_000L).zip(Gens.longs(0, 20_000L), (t, dt) -> new long[] {t, dt}))
                .checkAssert((origin, goal, rate, times) -> {
                    long t1 = times[0];
                    long dt = times[1];
                    int first = SlewLimiter.rampToward(origin, goal, rate, t1);
                    int second = SlewLimiter.rampToward(origin, goal, rate, t1 + dt);
                    long bound = ((long) rate * dt + SlewLimiter.MICROS_PER_SECOND - 1) / SlewLimiter.MICROS_PER_SECOND;
                    assertTrue(Math.abs((long) second - first) <= bound, first + " -> " + second + " bound " + bound);
                });
    }

    @Test
    @Verifies(value = {"SRS-KRN-013", "SRS-KRN-015"}, version = 1)
    void rampDurationCoversTheWholeRampAndIsRoundedUp() {
        qt().forAll(CURRENT, RATE).checkAssert((from, rate) -> {
            long result = SlewLimiter.rampDurationMicros(from, rate);
            long needed = (long) from * SlewLimiter.MICROS_PER_SECOND;
            assertTrue(result >= 0);
            assertTrue(result * rate >= needed);
            assertTrue(result == 0 || (result - 1) * rate < needed, "not the smallest duration: " + result);
        });
    }
}
