package org.galvani.kernel.policy;

import org.galvani.trace.Implements;

/**
 * The slew limit: the setpoint moves towards its goal along a straight line in time, never faster than
 * the ramp rate. A ramp is described by where it started (origin, µA), when it started, and its rate
 * (µA per second); the setpoint at any later time is computed from these, so rounding never accumulates
 * and a late tick never makes a step larger than the time since the ramp began allows.
 *
 * <p>Only a cut to zero (detach, fault, dose cap) bypasses this policy, and the state machine does that
 * explicitly.
 *
 * <p>Preconditions that bound a product or a quotient (such as {@code 0 <= a * b && a * b <= A * B}, or
 * {@code 0 <= n / d && n / d <= n} for {@code n >= 0, d >= 1}) follow from the other preconditions and
 * restrict no caller. They are proof hints for KeY, whose automatic mode (non-linear arithmetic: defined
 * operations) does not multiply inequalities and so could not otherwise bound the products and quotients
 * in the code, to show that they do not overflow.
 */
@Implements({"SRS-KRN-009", "SRS-KRN-010"})
public final class SlewLimiter {

    /** Microseconds per second. */
    public static final long MICROS_PER_SECOND = 1000000L;

    /** Largest current the contracts are written for (µA, i.e. one ampere). */
    public static final int MAX_CURRENT = 1000000;

    /** Largest rate the contracts are written for (µA/s). */
    public static final int MAX_RATE = 1000000;

    /**
     * Ramp times are clamped to this many microseconds (about 11.6 days): at the smallest rate (1 µA/s)
     * a ramp this long already covers {@link #MAX_CURRENT}, so the clamp never changes a result.
     */
    public static final long MAX_ELAPSED = 1000000000000L;

    private SlewLimiter() {
    }

    /**
     * The ramp rate (µA/s) that takes a setpoint from zero to {@code targetMicroamps} in
     * {@code rampMillis}. Rounded down (a ramp never faster than prescribed), at least 1 µA/s and at most
     * {@link #MAX_RATE}: a prescription asking for a faster ramp gets a slower one (a faster rate would
     * overflow {@link #rampToward}'s arithmetic on long ramps).
     */
    /*@ public normal_behavior
      @ requires 0 <= targetMicroamps && targetMicroamps <= MAX_CURRENT;
      @ requires 1 <= rampMillis;
      @ requires 0 <= (long) targetMicroamps * 1000 / rampMillis
      @     && (long) targetMicroamps * 1000 / rampMillis <= (long) targetMicroamps * 1000;
      @ requires (long) targetMicroamps * 1000 / rampMillis <= MAX_RATE
      @     || (long) MAX_RATE * rampMillis <= (long) targetMicroamps * 1000;
      @ ensures 1 <= \result && \result <= MAX_RATE;
      @ ensures \result == 1 || (long) \result * rampMillis <= (long) targetMicroamps * 1000;
      @ assignable \nothing;
      @*/
    public static int rateFor(int targetMicroamps, int rampMillis) {
        long rate = (long) targetMicroamps * 1000L / (long) rampMillis;
        if (rate < 1L) {
            return 1;
        }
        if (rate > MAX_RATE) {
            return MAX_RATE;
        }
        return (int) rate;
    }

    /**
     * The setpoint {@code elapsedMicros} after a ramp began at {@code originMicroamps}, moving towards
     * {@code goalMicroamps} at {@code ratePerSecond}; it stops at the goal.
     */
    /*@ public normal_behavior
      @ requires 0 <= originMicroamps && originMicroamps <= MAX_CURRENT;
      @ requires 0 <= goalMicroamps && goalMicroamps <= MAX_CURRENT;
      @ requires 1 <= ratePerSecond && ratePerSecond <= MAX_RATE;
      @ requires 0 <= elapsedMicros;
      @ requires 0 <= (long) ratePerSecond * elapsedMicros;
      @ requires elapsedMicros <= MAX_ELAPSED ==> (long) ratePerSecond * elapsedMicros <= (long) MAX_RATE * MAX_ELAPSED;
      @ ensures goalMicroamps >= originMicroamps ==> (originMicroamps <= \result && \result <= goalMicroamps);
      @ ensures goalMicroamps < originMicroamps ==> (goalMicroamps <= \result && \result <= originMicroamps);
      @ ensures elapsedMicros <= MAX_ELAPSED ==>
      @     ((long) (\result - originMicroamps) * MICROS_PER_SECOND <= (long) ratePerSecond * elapsedMicros
      @   && (long) (originMicroamps - \result) * MICROS_PER_SECOND <= (long) ratePerSecond * elapsedMicros);
      @ assignable \nothing;
      @*/
    public static int rampToward(int originMicroamps, int goalMicroamps, int ratePerSecond, long elapsedMicros) {
        long elapsed = elapsedMicros;
        if (elapsed > MAX_ELAPSED) {
            elapsed = MAX_ELAPSED;
        }
        long travel = (long) ratePerSecond * elapsed / MICROS_PER_SECOND;
        if (goalMicroamps >= originMicroamps) {
            long up = (long) originMicroamps + travel;
            if (up >= (long) goalMicroamps) {
                return goalMicroamps;
            }
            return (int) up;
        }
        long down = (long) originMicroamps - travel;
        if (down <= (long) goalMicroamps) {
            return goalMicroamps;
        }
        return (int) down;
    }

    /**
     * How long (µs) a ramp from {@code fromMicroamps} down to zero takes at {@code ratePerSecond}, rounded up.
     */
    /*@ public normal_behavior
      @ requires 0 <= fromMicroamps && fromMicroamps <= MAX_CURRENT;
      @ requires 1 <= ratePerSecond && ratePerSecond <= MAX_RATE;
      @ requires 0 <= ((long) fromMicroamps * MICROS_PER_SECOND + ratePerSecond - 1) / ratePerSecond
      @     && ((long) fromMicroamps * MICROS_PER_SECOND + ratePerSecond - 1) / ratePerSecond
      @         <= (long) fromMicroamps * MICROS_PER_SECOND + ratePerSecond;
      @ ensures \result >= 0;
      @ ensures \result * ratePerSecond >= (long) fromMicroamps * MICROS_PER_SECOND;
      @ assignable \nothing;
      @*/
    public static long rampDurationMicros(int fromMicroamps, int ratePerSecond) {
        long scaled = (long) fromMicroamps * MICROS_PER_SECOND;
        return (scaled + ratePerSecond - 1L) / ratePerSecond;
    }
}
