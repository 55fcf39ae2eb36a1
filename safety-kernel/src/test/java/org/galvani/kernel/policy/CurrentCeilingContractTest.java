package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.galvani.kernel.testing.Gens;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The JML {@code ensures} clauses of {@link CurrentCeiling}, over inputs that satisfy its {@code requires}. */
class CurrentCeilingContractTest {

    @Test
    @Verifies(value = "SRS-KRN-004", version = 1)
    void densityLimitIsTheLargestCurrentWithinTheCeiling() {
        qt().forAll(Gens.ints(0, CurrentCeiling.MAX_DENSITY), Gens.ints(0, CurrentCeiling.MAX_AREA))
                .checkAssert((density, area) -> {
                    long result = CurrentCeiling.densityLimitMicroamps(density, area);
                    long limit = (long) density * area;
                    assertTrue(result >= 0);
                    assertTrue(result * CurrentCeiling.MM2_PER_CM2 <= limit);
                    assertTrue((result + 1) * CurrentCeiling.MM2_PER_CM2 > limit);
                });
    }

    @Test
    @Verifies(value = "SRS-KRN-004", version = 1)
    void densityCheckIsTheExactIntegerComparison() {
        qt().forAll(Gens.ints(0, CurrentCeiling.MAX_DENSITY * 10), Gens.ints(0, CurrentCeiling.MAX_DENSITY),
                Gens.ints(0, CurrentCeiling.MAX_AREA))
                .checkAssert((target, density, area) -> assertEquals(
                        (long) target * CurrentCeiling.MM2_PER_CM2 <= (long) density * area,
                        CurrentCeiling.densityWithinCeiling(target, density, area)));
    }

    @Test
    @Verifies(value = "SRS-KRN-011", version = 1)
    void ceilingIsOneOfItsInputsAndAtMostEach() {
        qt().forAll(Gens.ints(0, Integer.MAX_VALUE), Gens.ints(0, Integer.MAX_VALUE), Gens.ints(0, Integer.MAX_VALUE))
                .checkAssert((max, density, target) -> {
                    int result = CurrentCeiling.ceiling(max, density, target);
                    assertTrue(result >= 0);
                    assertTrue(result <= max && result <= density && result <= target);
                    assertTrue(result == max || result == density || result == target);
                });
    }

    @Test
    @Verifies(value = "SRS-KRN-011", version = 1)
    void clampStaysWithinZeroAndTheCeiling() {
        qt().forAll(Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE), Gens.ints(0, Integer.MAX_VALUE))
                .checkAssert((requested, ceiling) -> {
                    int result = CurrentCeiling.clamp(requested, ceiling);
                    assertTrue(0 <= result && result <= ceiling);
                    if (0 <= requested && requested <= ceiling) {
                        assertEquals((int) requested, result);
                    }
                    if (requested > ceiling) {
                        assertEquals((int) ceiling, result);
                    }
                    if (requested < 0) {
                        assertEquals(0, result);
                    }
                });
    }
}
