package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class ComplianceMonitorTest {

    /** 80 V compliance less the default 2 V headroom, debounced over 20 ticks. */
    private final ComplianceMonitor monitor = new ComplianceMonitor(78_000, 20);

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void thresholdIsInclusive() {
        assertTrue(monitor.atCompliance(78_000));
        assertTrue(monitor.atCompliance(80_000));
        assertFalse(monitor.atCompliance(77_999));
    }

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void reportsOnTheReadingAfterTheDebounceCountAndThenCountsAgain() {
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 20; i++) {
                assertFalse(monitor.update(78_000), "round " + round + ", reading " + i);
            }
            assertTrue(monitor.update(78_000), "round " + round);
        }
    }

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void aReadingBelowTheThresholdRestartsTheCount() {
        for (int i = 1; i <= 20; i++) {
            monitor.update(79_000);
        }
        assertFalse(monitor.update(77_999));
        for (int i = 1; i <= 20; i++) {
            assertFalse(monitor.update(79_000), "reading " + i);
        }
        assertTrue(monitor.update(79_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void resetRestartsTheCount() {
        for (int i = 1; i <= 20; i++) {
            monitor.update(79_000);
        }
        monitor.reset();
        assertFalse(monitor.update(79_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void withoutDebounceEveryReadingAtComplianceReports() {
        ComplianceMonitor immediate = new ComplianceMonitor(78_000, 0);
        assertTrue(immediate.update(78_000));
        assertTrue(immediate.update(78_000));
        assertFalse(immediate.update(77_999));
    }

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void reducedGoalKeepsThePercentageOfTheMeasuredCurrentButNeverRaisesTheGoal() {
        assertEquals(2_880, ComplianceMonitor.reducedGoal(3_200, 4_000, 90));
        assertEquals(999, ComplianceMonitor.reducedGoal(1_111, 4_000, 90));
        assertEquals(4_000, ComplianceMonitor.reducedGoal(5_000, 4_000, 90));
        assertEquals(0, ComplianceMonitor.reducedGoal(0, 4_000, 90));
        assertEquals(0, ComplianceMonitor.reducedGoal(3_200, 0, 90));
    }

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void goalExactlyAtTheFloorIsNotBelowIt() {
        assertFalse(ComplianceMonitor.belowFloor(1_000, 4_000, 25));
        assertTrue(ComplianceMonitor.belowFloor(999, 4_000, 25));
        assertFalse(ComplianceMonitor.belowFloor(0, 4_000, 0));
        assertFalse(ComplianceMonitor.belowFloor(4_000, 4_000, 100));
        assertTrue(ComplianceMonitor.belowFloor(3_999, 4_000, 100));
    }
}
