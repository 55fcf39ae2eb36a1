package org.galvani.kernel.policy;

import org.galvani.trace.Implements;

/**
 * The dose budget: integrates delivered charge, decides when the ramp-down must begin so that the dose
 * ends at the prescription, and when the hard cap would be reached.
 *
 * <p>Internally charge is counted in µA·µs (picocoulombs) so that integration is exact; the kernel's
 * public unit is µA·ms (nanocoulombs), converted by {@link #toMicroampMillis(long)}, which rounds up:
 * a reported dose may over-count by less than 1 nC but never under-count.
 *
 * <p>The counted current is the larger of the commanded and the measured current, so that a sensor that
 * reads low can never hide delivered dose, and a stage that runs away is charged in full.
 *
 * <p>Preconditions that bound a product or a quotient (such as {@code 0 <= a * b && a * b <= A * B}, or
 * {@code 0 <= n / d && n / d <= n} for {@code n >= 0, d >= 1}) follow from the other preconditions and
 * restrict no caller. They are proof hints for KeY, whose automatic mode (non-linear arithmetic: defined
 * operations) does not multiply inequalities and so could not otherwise bound the products and quotients
 * in the code, to show that they do not overflow.
 */
@Implements({"SRS-KRN-012", "SRS-KRN-013", "SRS-KRN-014"})
public final class DoseBudget {

    /** Largest current the contracts are written for (µA). */
    public static final int MAX_CURRENT = 1000000;

    /** Longest interval integrated in one tick (µs); the kernel clamps longer gaps (they fault anyway). */
    public static final long MAX_INTERVAL = 1000000000L;

    /** Charge saturates here (µA·µs, a million coulombs): unreachable, but it keeps the sums in range. */
    public static final long MAX_CHARGE = 1000000000000000000L;

    /** µA·µs per µA·ms. */
    public static final long MICROS_PER_MILLI = 1000L;

    private DoseBudget() {
    }

    /** The magnitude of a measured current, saturated at {@link #MAX_CURRENT}. */
    /*@ public normal_behavior
      @ ensures 0 <= \result && \result <= MAX_CURRENT;
      @ ensures (0 <= measuredMicroamps && measuredMicroamps <= MAX_CURRENT) ==> \result == measuredMicroamps;
      @ ensures (-MAX_CURRENT <= measuredMicroamps && measuredMicroamps < 0) ==> \result == -measuredMicroamps;
      @ ensures (measuredMicroamps < -MAX_CURRENT || measuredMicroamps > MAX_CURRENT) ==> \result == MAX_CURRENT;
      @ assignable \nothing;
      @*/
    public static /*@ pure @*/ int magnitude(int measuredMicroamps) {
        if (measuredMicroamps > MAX_CURRENT || measuredMicroamps < -MAX_CURRENT) {
            return MAX_CURRENT;
        }
        if (measuredMicroamps < 0) {
            return -measuredMicroamps;
        }
        return measuredMicroamps;
    }

    /** The current charged for an interval: the larger of commanded and measured magnitude. */
    /*@ public normal_behavior
      @ requires 0 <= commandedMicroamps && commandedMicroamps <= MAX_CURRENT;
      @ ensures \result >= commandedMicroamps && \result >= magnitude(measuredMicroamps);
      @ ensures \result == commandedMicroamps || \result == magnitude(measuredMicroamps);
      @ ensures \result <= MAX_CURRENT;
      @ assignable \nothing;
      @*/
    public static int countedCurrent(int commandedMicroamps, int measuredMicroamps) {
        int measured = magnitude(measuredMicroamps);
        if (measured > commandedMicroamps) {
            return measured;
        }
        return commandedMicroamps;
    }

    /** Adds {@code currentMicroamps} flowing for {@code intervalMicros} to {@code deliveredCharge}. */
    /*@ public normal_behavior
      @ requires 0 <= deliveredCharge && deliveredCharge <= MAX_CHARGE;
      @ requires 0 <= currentMicroamps && currentMicroamps <= MAX_CURRENT;
      @ requires 0 <= intervalMicros && intervalMicros <= MAX_INTERVAL;
      @ requires 0 <= (long) currentMicroamps * intervalMicros
      @     && (long) currentMicroamps * intervalMicros <= MAX_CURRENT * MAX_INTERVAL;
      @ ensures deliveredCharge <= \result && \result <= MAX_CHARGE;
      @ ensures deliveredCharge + (long) currentMicroamps * intervalMicros <= MAX_CHARGE
      @     ==> \result == deliveredCharge + (long) currentMicroamps * intervalMicros;
      @ assignable \nothing;
      @*/
    public static long accumulate(long deliveredCharge, int currentMicroamps, long intervalMicros) {
        long sum = deliveredCharge + (long) currentMicroamps * intervalMicros;
        if (sum > MAX_CHARGE) {
            return MAX_CHARGE;
        }
        return sum;
    }

    /**
     * An upper bound of the charge (µA·µs) that the ramp from {@code setpointMicroamps} down to zero at
     * {@code ratePerSecond} delivers: the straight line's s² / (2·rate), plus 1 µA for the whole ramp
     * duration s / rate, because the slew limiter rounds each setpoint of a falling ramp up to the µA.
     */
    /*@ public normal_behavior
      @ requires 0 <= setpointMicroamps && setpointMicroamps <= MAX_CURRENT;
      @ requires 1 <= ratePerSecond && ratePerSecond <= MAX_CURRENT;
      @ requires 0 <= (long) setpointMicroamps * setpointMicroamps
      @     && (long) setpointMicroamps * setpointMicroamps <= (long) MAX_CURRENT * MAX_CURRENT;
      @ requires 0 <= ((long) setpointMicroamps * setpointMicroamps * 1000000L + 2L * ratePerSecond - 1L)
      @         / (2L * ratePerSecond)
      @     && 2 * (((long) setpointMicroamps * setpointMicroamps * 1000000L + 2L * ratePerSecond - 1L)
      @         / (2L * ratePerSecond)) <= (long) setpointMicroamps * setpointMicroamps * 1000000L + 2L * ratePerSecond;
      @ requires 0 <= ((long) setpointMicroamps * 1000000L + ratePerSecond - 1L) / ratePerSecond
      @     && ((long) setpointMicroamps * 1000000L + ratePerSecond - 1L) / ratePerSecond
      @         <= (long) setpointMicroamps * 1000000L + ratePerSecond;
      @ ensures \result == ((long) setpointMicroamps * setpointMicroamps * 1000000L + 2L * ratePerSecond - 1L)
      @         / (2L * ratePerSecond)
      @     + ((long) setpointMicroamps * 1000000L + ratePerSecond - 1L) / ratePerSecond;
      @ ensures \result >= 0;
      @ ensures \result <= MAX_CHARGE;
      @ ensures \result * 2 * ratePerSecond >= (long) setpointMicroamps * setpointMicroamps * 1000000L
      @     + (long) setpointMicroamps * 2000000L;
      @ assignable \nothing;
      @*/
    public static /*@ pure @*/ long rampDownCharge(int setpointMicroamps, int ratePerSecond) {
        long denominator = 2L * ratePerSecond;
        long line = ((long) setpointMicroamps * (long) setpointMicroamps * 1000000L + denominator - 1L) / denominator;
        long rounding = ((long) setpointMicroamps * 1000000L + ratePerSecond - 1L) / ratePerSecond;
        return line + rounding;
    }

    /**
     * Whether the ramp-down must begin now so that the delivered dose ends at (not above) the
     * prescription: the dose so far, plus the ramp-down's own charge, plus {@code marginMicros} of the
     * present current (the next interval and the longest tick gap the watchdog tolerates) reaches it.
     * The postcondition spells out rampDownCharge(currentMicroamps, ratePerSecond) by its contract (the
     * two rounded-up quotients), because KeY cannot relate a query of it to the value of the call.
     */
    /*@ public normal_behavior
      @ requires 0 <= deliveredCharge && deliveredCharge <= MAX_CHARGE;
      @ requires 0 <= currentMicroamps && currentMicroamps <= MAX_CURRENT;
      @ requires 1 <= ratePerSecond && ratePerSecond <= MAX_CURRENT;
      @ requires 0 <= marginMicros && marginMicros <= MAX_INTERVAL;
      @ requires 0 <= prescribedCharge && prescribedCharge <= MAX_CHARGE;
      @ requires 0 <= (long) currentMicroamps * marginMicros
      @     && (long) currentMicroamps * marginMicros <= MAX_CURRENT * MAX_INTERVAL;
      @ requires 0 <= (long) currentMicroamps * currentMicroamps
      @     && (long) currentMicroamps * currentMicroamps <= (long) MAX_CURRENT * MAX_CURRENT;
      @ requires 0 <= ((long) currentMicroamps * currentMicroamps * 1000000L + 2L * ratePerSecond - 1L)
      @         / (2L * ratePerSecond)
      @     && 2 * (((long) currentMicroamps * currentMicroamps * 1000000L + 2L * ratePerSecond - 1L)
      @         / (2L * ratePerSecond)) <= (long) currentMicroamps * currentMicroamps * 1000000L + 2L * ratePerSecond;
      @ requires 0 <= ((long) currentMicroamps * 1000000L + ratePerSecond - 1L) / ratePerSecond
      @     && ((long) currentMicroamps * 1000000L + ratePerSecond - 1L) / ratePerSecond
      @         <= (long) currentMicroamps * 1000000L + ratePerSecond;
      @ ensures \result <==> deliveredCharge
      @     + ((long) currentMicroamps * currentMicroamps * 1000000L + 2L * ratePerSecond - 1L) / (2L * ratePerSecond)
      @     + ((long) currentMicroamps * 1000000L + ratePerSecond - 1L) / ratePerSecond
      @     + (long) currentMicroamps * marginMicros >= prescribedCharge;
      @ assignable \nothing;
      @*/
    public static boolean mustBeginRampDown(long deliveredCharge, int currentMicroamps, int ratePerSecond,
                                            long marginMicros, long prescribedCharge) {
        long projected = deliveredCharge + rampDownCharge(currentMicroamps, ratePerSecond)
                + (long) currentMicroamps * marginMicros;
        return projected >= prescribedCharge;
    }

    /**
     * Whether the hard cap is reached: the dose so far plus the most that {@code boundMicroamps} could
     * add before the next decision ({@code horizonMicros}) reaches the cap. Output must then stop at once.
     */
    /*@ public normal_behavior
      @ requires 0 <= deliveredCharge && deliveredCharge <= MAX_CHARGE;
      @ requires 0 <= boundMicroamps && boundMicroamps <= MAX_CURRENT;
      @ requires 0 <= horizonMicros && horizonMicros <= MAX_INTERVAL;
      @ requires 0 <= capCharge && capCharge <= MAX_CHARGE;
      @ requires 0 <= (long) boundMicroamps * horizonMicros
      @     && (long) boundMicroamps * horizonMicros <= MAX_CURRENT * MAX_INTERVAL;
      @ ensures \result <==> deliveredCharge + (long) boundMicroamps * horizonMicros >= capCharge;
      @ assignable \nothing;
      @*/
    public static boolean capReached(long deliveredCharge, int boundMicroamps, long horizonMicros, long capCharge) {
        return deliveredCharge + (long) boundMicroamps * horizonMicros >= capCharge;
    }

    /** Charge in µA·µs to the kernel's public unit µA·ms, rounded up (over-counts, never under-counts). */
    /*@ public normal_behavior
      @ requires 0 <= charge && charge <= MAX_CHARGE;
      @ ensures \result * MICROS_PER_MILLI >= charge;
      @ ensures (\result - 1) * MICROS_PER_MILLI < charge || \result == 0;
      @ assignable \nothing;
      @*/
    public static long toMicroampMillis(long charge) {
        return (charge + MICROS_PER_MILLI - 1L) / MICROS_PER_MILLI;
    }

    /** A dose in µA·ms to µA·µs; saturates at {@link #MAX_CHARGE}, negative counts as zero. */
    /*@ public normal_behavior
      @ ensures 0 <= \result && \result <= MAX_CHARGE;
      @ ensures (0 <= microampMillis && microampMillis <= MAX_CHARGE / MICROS_PER_MILLI)
      @     ==> \result == microampMillis * MICROS_PER_MILLI;
      @ assignable \nothing;
      @*/
    public static long fromMicroampMillis(long microampMillis) {
        if (microampMillis <= 0L) {
            return 0L;
        }
        if (microampMillis > MAX_CHARGE / MICROS_PER_MILLI) {
            return MAX_CHARGE;
        }
        return microampMillis * MICROS_PER_MILLI;
    }
}
