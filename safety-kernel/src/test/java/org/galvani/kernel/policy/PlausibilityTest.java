package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class PlausibilityTest {

    /** The defaults: 50 µA + 5 %, overcurrent after 5 ticks, leak 20 µA after 10, not following after 50. */
    private final Plausibility plausibility = new Plausibility(50, 5, 5, 20, 10, 50);

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void toleranceIsAbsolutePlusPercentageOfTheCommandRoundedDown() {
        assertEquals(50, plausibility.tolerance(0));
        assertEquals(200, plausibility.tolerance(3_000));
        assertEquals(149, plausibility.tolerance(1_999));
        assertEquals(50 + 50_000, plausibility.tolerance(DoseBudget.MAX_CURRENT));
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void negativeReadingIsInvalidAtOnceEnabledOrNot() {
        assertEquals(PlausibilityVerdict.INVALID, plausibility.check(3_000, true, -1, false));
        assertEquals(PlausibilityVerdict.INVALID, plausibility.check(0, false, Integer.MIN_VALUE, false));
        assertEquals(PlausibilityVerdict.OK, plausibility.check(0, false, 0, false));
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void overcurrentLatchesOnTheTickAfterTheAllowedCount() {
        // Exactly command + tolerance is never an overcurrent.
        for (int i = 0; i < 100; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 3_200, false));
        }
        for (int i = 1; i <= 5; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 3_201, false), "tick " + i);
        }
        assertEquals(PlausibilityVerdict.OVERCURRENT, plausibility.check(3_000, true, 3_201, false));
        // It keeps reporting while it persists.
        assertEquals(PlausibilityVerdict.OVERCURRENT, plausibility.check(3_000, true, 9_000, false));
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void aReadingWithinToleranceRestartsTheOvercurrentCount() {
        for (int i = 1; i <= 5; i++) {
            plausibility.check(3_000, true, 3_500, false);
        }
        assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 3_000, false));
        for (int i = 1; i <= 5; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 3_500, false), "tick " + i);
        }
        assertEquals(PlausibilityVerdict.OVERCURRENT, plausibility.check(3_000, true, 3_500, false));
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void zeroAllowedTicksLatchesOnTheFirstOvercurrent() {
        Plausibility strict = new Plausibility(50, 5, 0, 20, 0, 0);
        assertEquals(PlausibilityVerdict.OVERCURRENT, strict.check(1_000, true, 1_101, false));
        assertEquals(PlausibilityVerdict.CURRENT_WHILE_DISABLED, strict.check(0, false, 21, false));
        assertEquals(PlausibilityVerdict.NOT_FOLLOWING, strict.check(1_000, true, 899, false));
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void currentWhileDisabledLatchesAfterTheSettleTicks() {
        // Exactly the leak limit is allowed for ever.
        for (int i = 0; i < 100; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(0, false, 20, false));
        }
        for (int i = 1; i <= 10; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(0, false, 21, false), "tick " + i);
        }
        assertEquals(PlausibilityVerdict.CURRENT_WHILE_DISABLED, plausibility.check(0, false, 21, false));
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void enablingTheOutputRestartsTheLeakCount() {
        for (int i = 1; i <= 10; i++) {
            plausibility.check(0, false, 500, false);
        }
        assertEquals(PlausibilityVerdict.OK, plausibility.check(500, true, 500, false));
        for (int i = 1; i <= 10; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(0, false, 500, false), "tick " + i);
        }
        assertEquals(PlausibilityVerdict.CURRENT_WHILE_DISABLED, plausibility.check(0, false, 500, false));
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void outputNotFollowingLatchesAfterTheAllowedCount() {
        // Exactly command − tolerance is following.
        for (int i = 0; i < 100; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 2_800, false));
        }
        for (int i = 1; i <= 50; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 2_799, false), "tick " + i);
        }
        assertEquals(PlausibilityVerdict.NOT_FOLLOWING, plausibility.check(3_000, true, 2_799, false));
    }

    @Test
    @Verifies(value = {"SRS-KRN-018", "SRS-KRN-020"}, version = 1)
    void aStageAtComplianceIsNotJudgedForFollowing() {
        for (int i = 1; i <= 50; i++) {
            plausibility.check(3_000, true, 0, false);
        }
        // At compliance: not counted, and the count restarts.
        for (int i = 0; i < 100; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 0, true));
        }
        for (int i = 1; i <= 50; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 0, false), "tick " + i);
        }
        assertEquals(PlausibilityVerdict.NOT_FOLLOWING, plausibility.check(3_000, true, 0, false));
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void disablingTheOutputRestartsTheOvercurrentAndFollowingCounts() {
        for (int i = 1; i <= 5; i++) {
            plausibility.check(3_000, true, 3_500, false);
        }
        plausibility.check(0, false, 0, false);
        assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 3_500, false));
        for (int i = 1; i <= 49; i++) {
            plausibility.check(3_000, true, 0, false);
        }
        plausibility.check(0, false, 0, false);
        assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 0, false));
    }

    @Test
    @Verifies(value = {"SRS-KRN-020", "SRS-KRN-022"}, version = 1)
    void resetClearsEveryCount() {
        for (int i = 1; i <= 5; i++) {
            plausibility.check(3_000, true, 3_500, false);
        }
        plausibility.reset();
        for (int i = 1; i <= 5; i++) {
            assertEquals(PlausibilityVerdict.OK, plausibility.check(3_000, true, 3_500, false), "tick " + i);
        }
        assertEquals(PlausibilityVerdict.OVERCURRENT, plausibility.check(3_000, true, 3_500, false));
    }
}
