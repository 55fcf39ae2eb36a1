package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import org.galvani.kernel.testing.Gens;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The JML contract of {@link Plausibility} (tolerance, check, reset, invariants) over generated sequences. */
class PlausibilityContractTest {

    /** Tolerance (µA, %), then overcurrent ticks, leak (µA), settle ticks and not-following ticks. */
    private static final Gen<int[]> CONFIG = Gens.ints(0, 200).zip(Gens.ints(0, 100), Gens.ints(0, 6),
            Gens.ints(0, 50), (tol, pct, over, leak) -> new int[] {tol, pct, over, leak})
            .zip(Gens.ints(0, 6), Gens.ints(0, 6), (a, settle, under) -> new int[] {a[0], a[1], a[2], a[3], settle, under});

    /** One measurement: commanded (µA), enabled, measured (µA, sometimes negative), at compliance. */
    private static final Gen<Object[]> READING = Gens.ints(0, 5_000).zip(SourceDSL.booleans().all(),
            Gens.ints(-5, 10_000), SourceDSL.booleans().all(),
            (commanded, enabled, measured, atCompliance) -> new Object[] {commanded, enabled, measured, atCompliance});

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void everyCheckKeepsTheContractAndTheInvariants() {
        qt().forAll(CONFIG, lists().of(READING).ofSizeBetween(1, 40)).checkAssert((c, readings) -> {
            Plausibility p = new Plausibility(c[0], c[1], c[2], c[3], c[4], c[5]);
            checkCounts(p, c, 0, 0, 0);
            for (Object[] r : readings) {
                int commanded = (Integer) r[0];
                boolean enabled = (Boolean) r[1];
                int measured = (Integer) r[2];
                boolean atCompliance = (Boolean) r[3];
                PlausibilityVerdict verdict = p.check(commanded, enabled, measured, atCompliance);
                assertNotNull(verdict);
                if (measured < 0) {
                    assertEquals(PlausibilityVerdict.INVALID, verdict);
                }
                if (verdict == PlausibilityVerdict.OVERCURRENT) {
                    assertTrue(enabled && count(p, "overCount") > c[2]);
                }
                if (verdict == PlausibilityVerdict.CURRENT_WHILE_DISABLED) {
                    assertTrue(!enabled && count(p, "leakCount") > c[4]);
                }
                if (verdict == PlausibilityVerdict.NOT_FOLLOWING) {
                    assertTrue(enabled && !atCompliance && count(p, "underCount") > c[5]);
                }
                if (enabled && measured >= 0 && measured <= commanded + p.tolerance(commanded)) {
                    assertEquals(0, count(p, "overCount"));
                }
                checkInvariants(p, c);
            }
            p.reset();
            checkCounts(p, c, 0, 0, 0);
        });
    }

    @Test
    @Verifies(value = "SRS-KRN-020", version = 1)
    void toleranceIsAbsolutePlusPercentage() {
        qt().forAll(Gens.ints(0, DoseBudget.MAX_CURRENT), Gens.ints(0, 100), Gens.ints(0, DoseBudget.MAX_CURRENT))
                .checkAssert((tol, pct, commanded) -> {
                    int result = new Plausibility(tol, pct, 0, 0, 0, 0).tolerance(commanded);
                    assertEquals(tol + commanded * pct / 100, result);
                    assertTrue(result >= tol);
                });
    }

    private static void checkInvariants(Plausibility p, int[] c) {
        int over = count(p, "overCount");
        int leak = count(p, "leakCount");
        int under = count(p, "underCount");
        assertTrue(0 <= over && over <= c[2] + 1, "overCount " + over);
        assertTrue(0 <= leak && leak <= c[4] + 1, "leakCount " + leak);
        assertTrue(0 <= under && under <= c[5] + 1, "underCount " + under);
    }

    private static void checkCounts(Plausibility p, int[] c, int over, int leak, int under) {
        assertEquals(over, count(p, "overCount"));
        assertEquals(leak, count(p, "leakCount"));
        assertEquals(under, count(p, "underCount"));
    }

    private static int count(Plausibility p, String name) {
        return SpecFields.intOf(p, name);
    }
}
