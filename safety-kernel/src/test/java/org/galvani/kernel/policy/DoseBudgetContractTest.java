package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import org.galvani.kernel.testing.Gens;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The JML {@code ensures} clauses of {@link DoseBudget}, over inputs that satisfy its {@code requires}.
 * Products that could overflow a long are computed exactly, as the contract means them.
 */
class DoseBudgetContractTest {

    private static final int MAX = DoseBudget.MAX_CURRENT;
    private static final Gen<Integer> CURRENT = Gens.ints(0, MAX);
    private static final Gen<Integer> RATE = Gens.ints(1, MAX);
    private static final Gen<Long> CHARGE = Gens.longs(0, DoseBudget.MAX_CHARGE);
    private static final Gen<Long> INTERVAL = Gens.longs(0, DoseBudget.MAX_INTERVAL);

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void magnitudeIsBoundedAndExactInRange() {
        qt().forAll(Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).mix(Gens.ints(-MAX - 1, MAX + 1), 50))
                .checkAssert(measured -> {
                    int result = DoseBudget.magnitude(measured);
                    assertTrue(0 <= result && result <= MAX);
                    if (0 <= measured && measured <= MAX) {
                        assertEquals((int) measured, result);
                    }
                    if (-MAX <= measured && measured < 0) {
                        assertEquals(-measured, result);
                    }
                });
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void countedCurrentIsTheLargerOfTheTwo() {
        qt().forAll(CURRENT, Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).mix(Gens.ints(-MAX - 1, MAX + 1), 50))
                .checkAssert((commanded, measured) -> {
                    int result = DoseBudget.countedCurrent(commanded, measured);
                    int magnitude = DoseBudget.magnitude(measured);
                    assertTrue(result >= commanded && result >= magnitude);
                    assertTrue(result == commanded || result == magnitude);
                    assertTrue(result <= MAX);
                });
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void accumulationNeverLosesChargeAndIsExactBelowSaturation() {
        qt().forAll(CHARGE, CURRENT, INTERVAL).checkAssert((delivered, current, interval) -> {
            long result = DoseBudget.accumulate(delivered, current, interval);
            assertTrue(delivered <= result && result <= DoseBudget.MAX_CHARGE);
            BigInteger exact = big(delivered).add(big(current).multiply(big(interval)));
            if (exact.compareTo(big(DoseBudget.MAX_CHARGE)) <= 0) {
                assertEquals(exact.longValueExact(), result);
            }
        });
    }

    @Test
    @Verifies(value = "SRS-KRN-013", version = 1)
    void rampDownChargeBoundsTheLineAndTheRounding() {
        qt().forAll(CURRENT, RATE).checkAssert((setpoint, rate) -> {
            long result = DoseBudget.rampDownCharge(setpoint, rate);
            assertTrue(result >= 0);
            BigInteger lhs = big(result).multiply(big(2L * rate));
            BigInteger rhs = big(setpoint).multiply(big(setpoint)).multiply(big(1_000_000L))
                    .add(big(setpoint).multiply(big(2_000_000L)));
            assertTrue(lhs.compareTo(rhs) >= 0, "too small: " + result);
        });
    }

    @Test
    @Verifies(value = "SRS-KRN-013", version = 1)
    void rampDownDecisionIsTheProjectionReachingThePrescription() {
        Gen<long[]> budget = CHARGE.zip(CHARGE, INTERVAL, (delivered, prescribed, margin) ->
                new long[] {delivered, prescribed, margin});
        qt().forAll(budget, CURRENT, RATE).checkAssert((b, current, rate) -> {
            long delivered = b[0];
            long prescribed = b[1];
            long margin = b[2];
            BigInteger projected = big(delivered).add(big(DoseBudget.rampDownCharge(current, rate)))
                    .add(big(current).multiply(big(margin)));
            assertEquals(projected.compareTo(big(prescribed)) >= 0,
                    DoseBudget.mustBeginRampDown(delivered, current, rate, margin, prescribed));
        });
    }

    @Test
    @Verifies(value = "SRS-KRN-014", version = 1)
    void capDecisionIsTheHorizonReachingTheCap() {
        qt().forAll(CHARGE, CURRENT, INTERVAL, CHARGE).checkAssert((delivered, bound, horizon, cap) -> {
            BigInteger reach = big(delivered).add(big(bound).multiply(big(horizon)));
            assertEquals(reach.compareTo(big(cap)) >= 0, DoseBudget.capReached(delivered, bound, horizon, cap));
        });
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void reportedDoseIsTheSmallestWholeMicroampMillisecondAtOrAboveTheCharge() {
        qt().forAll(CHARGE).checkAssert(charge -> {
            long result = DoseBudget.toMicroampMillis(charge);
            assertTrue(result * DoseBudget.MICROS_PER_MILLI >= charge);
            assertTrue((result - 1) * DoseBudget.MICROS_PER_MILLI < charge || result == 0);
        });
    }

    @Test
    @Verifies(value = "SRS-KRN-012", version = 1)
    void doseConversionIsBoundedAndExactInRange() {
        qt().forAll(Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE)
                        .mix(Gens.longs(-1, DoseBudget.MAX_CHARGE / DoseBudget.MICROS_PER_MILLI + 1), 50))
                .checkAssert(dose -> {
                    long result = DoseBudget.fromMicroampMillis(dose);
                    assertTrue(0 <= result && result <= DoseBudget.MAX_CHARGE);
                    if (0 <= dose && dose <= DoseBudget.MAX_CHARGE / DoseBudget.MICROS_PER_MILLI) {
                        assertEquals(dose * DoseBudget.MICROS_PER_MILLI, result);
                    }
                });
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
