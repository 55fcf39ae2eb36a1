package org.galvani.kernel.policy;

import org.galvani.trace.Implements;

/**
 * Plausibility of the measured current against the command in force during the interval it measures.
 * Each disagreement must persist for a number of consecutive ticks before it is a fault, so that one
 * noisy sample or the stage's own settling does not stop a treatment; the counts are small so that a
 * real runaway is caught within milliseconds.
 *
 * <p>Tolerance = absolute + relative·command/100. A stage at its compliance voltage cannot follow the
 * command by design, so "not following" is not judged then (the high-resistance policy owns that case).
 *
 * <p>Preconditions that bound a product (such as {@code 0 <= a * b && a * b <= A * B}) follow from the
 * bounds on the factors stated next to them and restrict no caller. They are proof hints for KeY, whose
 * automatic mode (non-linear arithmetic: defined operations) does not multiply inequalities and so could
 * not otherwise show that the products in the code do not overflow.
 */
@Implements("SRS-KRN-020")
public final class Plausibility {

    private /*@ spec_public @*/ final int toleranceMicroamps;
    private /*@ spec_public @*/ final int tolerancePercent;
    private /*@ spec_public @*/ final int overcurrentTicks;
    private /*@ spec_public @*/ final int leakMicroamps;
    private /*@ spec_public @*/ final int settleTicks;
    private /*@ spec_public @*/ final int notFollowingTicks;

    private /*@ spec_public @*/ int overCount;
    private /*@ spec_public @*/ int leakCount;
    private /*@ spec_public @*/ int underCount;

    /*@ public invariant toleranceMicroamps >= 0 && 0 <= tolerancePercent && tolerancePercent <= 100;
      @ public invariant overcurrentTicks >= 0 && leakMicroamps >= 0 && settleTicks >= 0 && notFollowingTicks >= 0;
      @ public invariant overcurrentTicks < Integer.MAX_VALUE && settleTicks < Integer.MAX_VALUE
      @     && notFollowingTicks < Integer.MAX_VALUE;
      @ public invariant 0 <= overCount && overCount <= overcurrentTicks + 1;
      @ public invariant 0 <= leakCount && leakCount <= settleTicks + 1;
      @ public invariant 0 <= underCount && underCount <= notFollowingTicks + 1;
      @*/

    /** A check with all counters at zero. */
    /*@ public normal_behavior
      @ requires toleranceMicroamps >= 0 && 0 <= tolerancePercent && tolerancePercent <= 100;
      @ requires overcurrentTicks >= 0 && leakMicroamps >= 0 && settleTicks >= 0 && notFollowingTicks >= 0;
      @ requires overcurrentTicks < Integer.MAX_VALUE && settleTicks < Integer.MAX_VALUE
      @     && notFollowingTicks < Integer.MAX_VALUE;
      @ ensures overCount == 0 && leakCount == 0 && underCount == 0;
      @*/
    public Plausibility(int toleranceMicroamps, int tolerancePercent, int overcurrentTicks,
                        int leakMicroamps, int settleTicks, int notFollowingTicks) {
        this.toleranceMicroamps = toleranceMicroamps;
        this.tolerancePercent = tolerancePercent;
        this.overcurrentTicks = overcurrentTicks;
        this.leakMicroamps = leakMicroamps;
        this.settleTicks = settleTicks;
        this.notFollowingTicks = notFollowingTicks;
        this.overCount = 0;
        this.leakCount = 0;
        this.underCount = 0;
    }

    /** The allowed deviation (µA) around a command. */
    /*@ public normal_behavior
      @ requires 0 <= commandedMicroamps && commandedMicroamps <= DoseBudget.MAX_CURRENT;
      @ requires toleranceMicroamps <= DoseBudget.MAX_CURRENT;
      @ requires 0 <= commandedMicroamps * tolerancePercent
      @     && commandedMicroamps * tolerancePercent <= DoseBudget.MAX_CURRENT * 100;
      @ ensures \result == toleranceMicroamps + commandedMicroamps * tolerancePercent / 100;
      @ ensures \result >= toleranceMicroamps;
      @ assignable \nothing;
      @*/
    public /*@ pure @*/ int tolerance(int commandedMicroamps) {
        return toleranceMicroamps + commandedMicroamps * tolerancePercent / 100;
    }

    /**
     * Judges one measurement. {@code commandedMicroamps} and {@code outputEnabled} are the command that
     * was in force while the measurement was taken.
     */
    /*@ public normal_behavior
      @ requires 0 <= commandedMicroamps && commandedMicroamps <= DoseBudget.MAX_CURRENT;
      @ requires toleranceMicroamps <= DoseBudget.MAX_CURRENT;
      @ requires 0 <= commandedMicroamps * tolerancePercent
      @     && commandedMicroamps * tolerancePercent <= DoseBudget.MAX_CURRENT * 100;
      @ requires \static_invariant_for(PlausibilityVerdict);
      @ ensures measuredMicroamps < 0 ==> \result == PlausibilityVerdict.INVALID;
      @ ensures \result == PlausibilityVerdict.OVERCURRENT ==> (outputEnabled && overCount > overcurrentTicks);
      @ ensures \result == PlausibilityVerdict.CURRENT_WHILE_DISABLED ==> (!outputEnabled && leakCount > settleTicks);
      @ ensures \result == PlausibilityVerdict.NOT_FOLLOWING
      @     ==> (outputEnabled && !atCompliance && underCount > notFollowingTicks);
      @ ensures (outputEnabled && measuredMicroamps >= 0
      @     && measuredMicroamps <= commandedMicroamps + tolerance(commandedMicroamps)) ==> overCount == 0;
      @ ensures \result != null;
      @ assignable overCount, leakCount, underCount;
      @*/
    public PlausibilityVerdict check(int commandedMicroamps, boolean outputEnabled, int measuredMicroamps,
                                     boolean atCompliance) {
        if (measuredMicroamps < 0) {
            return PlausibilityVerdict.INVALID;
        }
        if (!outputEnabled) {
            overCount = 0;
            underCount = 0;
            if (measuredMicroamps > leakMicroamps) {
                leakCount = saturatingIncrement(leakCount, settleTicks);
                if (leakCount > settleTicks) {
                    return PlausibilityVerdict.CURRENT_WHILE_DISABLED;
                }
            } else {
                leakCount = 0;
            }
            return PlausibilityVerdict.OK;
        }
        leakCount = 0;
        int tolerance = tolerance(commandedMicroamps);
        if (measuredMicroamps > commandedMicroamps + tolerance) {
            overCount = saturatingIncrement(overCount, overcurrentTicks);
            if (overCount > overcurrentTicks) {
                return PlausibilityVerdict.OVERCURRENT;
            }
        } else {
            overCount = 0;
        }
        if (!atCompliance && measuredMicroamps < commandedMicroamps - tolerance) {
            underCount = saturatingIncrement(underCount, notFollowingTicks);
            if (underCount > notFollowingTicks) {
                return PlausibilityVerdict.NOT_FOLLOWING;
            }
        } else {
            underCount = 0;
        }
        return PlausibilityVerdict.OK;
    }

    /** Clears all counters (after the output stage has been confirmed safe). */
    /*@ public normal_behavior
      @ ensures overCount == 0 && leakCount == 0 && underCount == 0;
      @ assignable overCount, leakCount, underCount;
      @*/
    public void reset() {
        overCount = 0;
        leakCount = 0;
        underCount = 0;
    }

    /*@ private normal_behavior
      @ requires 0 <= count && count <= limit + 1 && limit >= 0 && limit < Integer.MAX_VALUE;
      @ ensures \result == (count <= limit ? count + 1 : count);
      @ assignable \nothing;
      @*/
    private static int saturatingIncrement(int count, int limit) {
        if (count > limit) {
            return count;
        }
        return count + 1;
    }
}
