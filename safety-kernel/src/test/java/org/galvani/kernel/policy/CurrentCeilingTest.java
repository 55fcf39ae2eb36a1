package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class CurrentCeilingTest {

    @Test
    @Verifies(value = "SRS-KRN-004", version = 1)
    void densityLimitIsRoundedDownTowardsSafety() {
        assertEquals(5_000, CurrentCeiling.densityLimitMicroamps(500, 1_000));
        // 500 µA/cm² over 3.33 cm² is 1665 µA exactly; over 3.33 cm² + 1 mm² it is 1670.
        assertEquals(1_665, CurrentCeiling.densityLimitMicroamps(500, 333));
        // 250 µA/cm² over 0.03 cm² is 7.5 µA: rounded down to 7.
        assertEquals(7, CurrentCeiling.densityLimitMicroamps(250, 3));
        assertEquals(0, CurrentCeiling.densityLimitMicroamps(500, 0));
        assertEquals(0, CurrentCeiling.densityLimitMicroamps(0, 1_000));
        assertEquals(1_000_000_000, CurrentCeiling.densityLimitMicroamps(CurrentCeiling.MAX_DENSITY,
                CurrentCeiling.MAX_AREA));
    }

    @Test
    @Verifies(value = "SRS-KRN-004", version = 1)
    void targetExactlyAtTheDensityCeilingIsWithinItAndOneMicroampAboveIsNot() {
        assertTrue(CurrentCeiling.densityWithinCeiling(3_500, 500, 700));
        assertFalse(CurrentCeiling.densityWithinCeiling(3_501, 500, 700));
        // Compared exactly, without rounding: 7 µA over 3 mm² at 250 µA/cm² is 233 µA/cm²; 8 µA is 266.
        assertTrue(CurrentCeiling.densityWithinCeiling(7, 250, 3));
        assertFalse(CurrentCeiling.densityWithinCeiling(8, 250, 3));
        assertTrue(CurrentCeiling.densityWithinCeiling(0, 0, 0));
        assertFalse(CurrentCeiling.densityWithinCeiling(1, 500, 0));
    }

    @Test
    @Verifies(value = "SRS-KRN-011", version = 1)
    void ceilingIsTheSmallestOfDeviceMaximumDensityLimitAndTarget() {
        assertEquals(3_000, CurrentCeiling.ceiling(4_000, 5_000, 3_000));
        assertEquals(2_000, CurrentCeiling.ceiling(4_000, 2_000, 3_000));
        assertEquals(1_000, CurrentCeiling.ceiling(1_000, 2_000, 3_000));
        assertEquals(4_000, CurrentCeiling.ceiling(4_000, 4_000, 4_000));
        assertEquals(0, CurrentCeiling.ceiling(4_000, 0, 3_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-011", version = 1)
    void clampKeepsTheSetpointBetweenZeroAndTheCeiling() {
        assertEquals(0, CurrentCeiling.clamp(-1, 3_000));
        assertEquals(0, CurrentCeiling.clamp(Integer.MIN_VALUE, 3_000));
        assertEquals(0, CurrentCeiling.clamp(0, 3_000));
        assertEquals(2_999, CurrentCeiling.clamp(2_999, 3_000));
        assertEquals(3_000, CurrentCeiling.clamp(3_000, 3_000));
        assertEquals(3_000, CurrentCeiling.clamp(3_001, 3_000));
        assertEquals(3_000, CurrentCeiling.clamp(Integer.MAX_VALUE, 3_000));
        assertEquals(0, CurrentCeiling.clamp(1, 0));
    }
}
