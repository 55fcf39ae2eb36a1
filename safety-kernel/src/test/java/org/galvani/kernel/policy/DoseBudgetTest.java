package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class DoseBudgetTest {

    private static final int MAX = DoseBudget.MAX_CURRENT;
    private static final long MAX_CHARGE = DoseBudget.MAX_CHARGE;

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void magnitudeIsTheAbsoluteValueSaturatedAtTheLargestCurrent() {
        assertEquals(0, DoseBudget.magnitude(0));
        assertEquals(5, DoseBudget.magnitude(5));
        assertEquals(5, DoseBudget.magnitude(-5));
        assertEquals(MAX, DoseBudget.magnitude(MAX));
        assertEquals(MAX, DoseBudget.magnitude(-MAX));
        assertEquals(MAX, DoseBudget.magnitude(MAX + 1));
        assertEquals(MAX, DoseBudget.magnitude(-MAX - 1));
        assertEquals(MAX, DoseBudget.magnitude(Integer.MAX_VALUE));
        assertEquals(MAX, DoseBudget.magnitude(Integer.MIN_VALUE));
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void countedCurrentIsTheLargerOfCommandedAndMeasured() {
        assertEquals(3_000, DoseBudget.countedCurrent(3_000, 2_990));
        assertEquals(3_010, DoseBudget.countedCurrent(3_000, 3_010));
        assertEquals(3_000, DoseBudget.countedCurrent(3_000, 3_000));
        assertEquals(3_500, DoseBudget.countedCurrent(3_000, -3_500));
        assertEquals(15, DoseBudget.countedCurrent(0, 15));
        assertEquals(MAX, DoseBudget.countedCurrent(0, Integer.MIN_VALUE));
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void accumulationIsExactAndSaturates() {
        assertEquals(3_000_000L, DoseBudget.accumulate(0, 3_000, 1_000));
        assertEquals(7L, DoseBudget.accumulate(7, 0, 1_000));
        assertEquals(7L, DoseBudget.accumulate(7, 3_000, 0));
        assertEquals(MAX_CHARGE, DoseBudget.accumulate(MAX_CHARGE - 1_000, 1, 1_000));
        assertEquals(MAX_CHARGE, DoseBudget.accumulate(MAX_CHARGE - 10, MAX, DoseBudget.MAX_INTERVAL));
        assertEquals(MAX_CHARGE, DoseBudget.accumulate(MAX_CHARGE, MAX, DoseBudget.MAX_INTERVAL));
    }

    @Test
    @Verifies(value = "SRS-KRN-013", version = 1)
    void rampDownChargeIsTheStraightLinePlusOneMicroampOverTheRamp() {
        // 4 mA at 400 µA/s: 10 s; the line is 4000² / 800 = 20,000 µA·s, the rounding 1 µA × 10 s.
        assertEquals(20_000_000_000L + 10_000_000L, DoseBudget.rampDownCharge(4_000, 400));
        assertEquals(45_000_000_000L + 30_000_000L, DoseBudget.rampDownCharge(3_000, 100));
        // Both parts are rounded up: 1 µA at 3 µA/s is 166,666.7 + 333,333.3 µA·µs.
        assertEquals(166_667L + 333_334L, DoseBudget.rampDownCharge(1, 3));
        assertEquals(0L, DoseBudget.rampDownCharge(0, 400));
    }

    @Test
    @Verifies(value = "SRS-KRN-013", version = 1)
    void rampDownBeginsExactlyWhenTheProjectionReachesThePrescription() {
        long delivered = 1_000_000_000L;
        long projected = delivered + DoseBudget.rampDownCharge(4_000, 400) + 4_000L * 11_000L;
        assertEquals(21_054_000_000L, projected);
        assertTrue(DoseBudget.mustBeginRampDown(delivered, 4_000, 400, 11_000, projected));
        assertTrue(DoseBudget.mustBeginRampDown(delivered, 4_000, 400, 11_000, projected - 1));
        assertFalse(DoseBudget.mustBeginRampDown(delivered, 4_000, 400, 11_000, projected + 1));
        // With nothing flowing the projection is the dose itself.
        assertTrue(DoseBudget.mustBeginRampDown(500, 0, 1, 11_000, 500));
        assertFalse(DoseBudget.mustBeginRampDown(499, 0, 1, 11_000, 500));
    }

    @Test
    @Verifies(value = "SRS-KRN-014", version = 1)
    void capIsReachedWhenTheNextHorizonCouldReachIt() {
        long cap = 4_800_000_000_000L;
        long delivered = cap - 4_000L * 10_000L;
        assertTrue(DoseBudget.capReached(delivered, 4_000, 10_000, cap));
        assertFalse(DoseBudget.capReached(delivered - 1, 4_000, 10_000, cap));
        assertFalse(DoseBudget.capReached(delivered, 3_999, 10_000, cap));
        assertTrue(DoseBudget.capReached(cap, 0, 10_000, cap));
        assertFalse(DoseBudget.capReached(cap - 1, 0, 10_000, cap));
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void reportedDoseIsRoundedUpToTheMicroampMillisecond() {
        assertEquals(0L, DoseBudget.toMicroampMillis(0));
        assertEquals(1L, DoseBudget.toMicroampMillis(1));
        assertEquals(1L, DoseBudget.toMicroampMillis(999));
        assertEquals(1L, DoseBudget.toMicroampMillis(1_000));
        assertEquals(2L, DoseBudget.toMicroampMillis(1_001));
        assertEquals(MAX_CHARGE / 1_000, DoseBudget.toMicroampMillis(MAX_CHARGE));
    }

    @Test
    @Verifies(value = {"SRS-KRN-005", "SRS-KRN-012"}, version = 1)
    void doseInMicroampMillisIsConvertedExactlySaturatingAndNeverNegative() {
        assertEquals(0L, DoseBudget.fromMicroampMillis(Long.MIN_VALUE));
        assertEquals(0L, DoseBudget.fromMicroampMillis(-1));
        assertEquals(0L, DoseBudget.fromMicroampMillis(0));
        assertEquals(1_000L, DoseBudget.fromMicroampMillis(1));
        assertEquals(MAX_CHARGE, DoseBudget.fromMicroampMillis(MAX_CHARGE / 1_000));
        assertEquals(MAX_CHARGE, DoseBudget.fromMicroampMillis(MAX_CHARGE / 1_000 + 1));
        assertEquals(MAX_CHARGE, DoseBudget.fromMicroampMillis(Long.MAX_VALUE));
    }
}
