package org.galvani.kernel.policy;

import org.galvani.trace.Implements;

/**
 * The high-resistance (compliance) monitor. When the electrode voltage stays within the headroom of the
 * output stage's compliance voltage, the stage can no longer regulate the current: the load takes what
 * the voltage allows. The monitor reports that after a number of consecutive ticks, and computes the
 * reduced current that brings the stage back into regulation.
 *
 * <p>Preconditions that bound a product (such as {@code 0 <= a * b && a * b <= A * B}) follow from the
 * bounds on the factors stated next to them and restrict no caller. They are proof hints for KeY, whose
 * automatic mode (non-linear arithmetic: defined operations) does not multiply inequalities and so could
 * not otherwise show that the products in the code do not overflow.
 */
@Implements("SRS-KRN-018")
public final class ComplianceMonitor {

    private /*@ spec_public @*/ final int thresholdMillivolts;
    private /*@ spec_public @*/ final int debounceTicks;
    private /*@ spec_public @*/ int count;

    /*@ public invariant 0 <= debounceTicks && debounceTicks < Integer.MAX_VALUE;
      @ public invariant 0 <= count && count <= debounceTicks;
      @*/

    /** A monitor that reports saturation at or above {@code thresholdMillivolts}. */
    /*@ public normal_behavior
      @ requires 0 <= debounceTicks && debounceTicks < Integer.MAX_VALUE;
      @ ensures this.thresholdMillivolts == thresholdMillivolts && this.debounceTicks == debounceTicks && count == 0;
      @*/
    public ComplianceMonitor(int thresholdMillivolts, int debounceTicks) {
        this.thresholdMillivolts = thresholdMillivolts;
        this.debounceTicks = debounceTicks;
        this.count = 0;
    }

    /** Whether one reading is at compliance (no debounce). */
    /*@ public normal_behavior
      @ ensures \result <==> electrodeMillivolts >= thresholdMillivolts;
      @ assignable \nothing;
      @*/
    public /*@ pure @*/ boolean atCompliance(int electrodeMillivolts) {
        return electrodeMillivolts >= thresholdMillivolts;
    }

    /**
     * Takes one reading; true when the stage has been at compliance for {@code debounceTicks}
     * consecutive readings (the count then starts again, so a persisting condition reports periodically).
     */
    /*@ public normal_behavior
      @ ensures !atCompliance(electrodeMillivolts) ==> (!\result && count == 0);
      @ ensures \result ==> (atCompliance(electrodeMillivolts) && count == 0);
      @ assignable count;
      @*/
    public boolean update(int electrodeMillivolts) {
        if (!atCompliance(electrodeMillivolts)) {
            count = 0;
            return false;
        }
        if (count + 1 > debounceTicks) {
            count = 0;
            return true;
        }
        count = count + 1;
        return false;
    }

    /** Clears the debounce count. */
    /*@ public normal_behavior
      @ ensures count == 0;
      @ assignable count;
      @*/
    public void reset() {
        count = 0;
    }

    /**
     * The reduced goal: {@code keepPercent} of what the load actually takes, never above the present goal.
     */
    /*@ public normal_behavior
      @ requires 0 <= measuredMicroamps && measuredMicroamps <= DoseBudget.MAX_CURRENT;
      @ requires 0 <= goalMicroamps && 0 <= keepPercent && keepPercent <= 100;
      @ requires 0 <= measuredMicroamps * keepPercent && measuredMicroamps * keepPercent <= measuredMicroamps * 100;
      @ ensures 0 <= \result && \result <= goalMicroamps;
      @ ensures \result <= measuredMicroamps;
      @ assignable \nothing;
      @*/
    public static int reducedGoal(int measuredMicroamps, int goalMicroamps, int keepPercent) {
        int reduced = measuredMicroamps * keepPercent / 100;
        if (reduced > goalMicroamps) {
            return goalMicroamps;
        }
        return reduced;
    }

    /** Whether a reduced goal has fallen below {@code floorPercent} of the prescribed target. */
    /*@ public normal_behavior
      @ requires 0 <= goalMicroamps && goalMicroamps <= DoseBudget.MAX_CURRENT;
      @ requires 0 <= targetMicroamps && targetMicroamps <= DoseBudget.MAX_CURRENT;
      @ requires 0 <= floorPercent && floorPercent <= 100;
      @ requires 0 <= (long) targetMicroamps * floorPercent
      @     && (long) targetMicroamps * floorPercent <= (long) DoseBudget.MAX_CURRENT * 100;
      @ ensures \result <==> (long) goalMicroamps * 100 < (long) targetMicroamps * floorPercent;
      @ assignable \nothing;
      @*/
    public static boolean belowFloor(int goalMicroamps, int targetMicroamps, int floorPercent) {
        return (long) goalMicroamps * 100L < (long) targetMicroamps * floorPercent;
    }
}
