package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import org.galvani.kernel.testing.Gens;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The JML contract of {@link ComplianceMonitor} over generated thresholds and reading sequences. */
class ComplianceMonitorContractTest {

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void everyUpdateKeepsTheContractAndTheInvariant() {
        qt().forAll(Gens.ints(0, 100_000), Gens.ints(0, 8), lists().of(Gens.ints(0, 100_000)).ofSizeBetween(1, 40))
                .checkAssert((threshold, debounce, readings) -> {
                    ComplianceMonitor monitor = new ComplianceMonitor(threshold, debounce);
                    assertEquals(0, count(monitor));
                    for (int millivolts : readings) {
                        boolean result = monitor.update(millivolts);
                        if (!monitor.atCompliance(millivolts)) {
                            assertFalse(result);
                            assertEquals(0, count(monitor));
                        }
                        if (result) {
                            assertTrue(monitor.atCompliance(millivolts));
                            assertEquals(0, count(monitor));
                        }
                        assertTrue(0 <= count(monitor) && count(monitor) <= debounce, "count " + count(monitor));
                        assertEquals(millivolts >= threshold, monitor.atCompliance(millivolts));
                    }
                    monitor.reset();
                    assertEquals(0, count(monitor));
                });
    }

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void reducedGoalIsNeverAboveTheGoalOrTheMeasuredCurrent() {
        qt().forAll(Gens.ints(0, DoseBudget.MAX_CURRENT), Gens.ints(0, Integer.MAX_VALUE).mix(Gens.ints(0, 5_000), 50),
                Gens.ints(0, 100)).checkAssert((measured, goal, keep) -> {
                    int result = ComplianceMonitor.reducedGoal(measured, goal, keep);
                    assertTrue(0 <= result && result <= goal);
                    assertTrue(result <= measured);
                });
    }

    @Test
    @Verifies(value = "SRS-KRN-018", version = 1)
    void belowFloorIsTheExactComparison() {
        qt().forAll(Gens.ints(0, DoseBudget.MAX_CURRENT), Gens.ints(0, DoseBudget.MAX_CURRENT), Gens.ints(0, 100))
                .checkAssert((goal, target, floor) -> assertEquals((long) goal * 100 < (long) target * floor,
                        ComplianceMonitor.belowFloor(goal, target, floor)));
    }

    private static int count(ComplianceMonitor monitor) {
        return SpecFields.intOf(monitor, "count");
    }
}
