package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The electrode-skin circuit against its closed-form solutions. SI units. */
class SkinCircuitTest {

    private static final double RS = 300;
    private static final double RP = 6_000;
    private static final double C = 1e-6;       // τ = Rp·C = 6 ms
    private static final double VC = 80;

    @Test
    @Verifies("SRS-DRV-006")
    void aRegulatedCurrentChargesTheSkinWithItsTimeConstant() {
        SkinCircuit circuit = new SkinCircuit();
        double charge = circuit.advance(0.006, 0.002, RS, RP, C, VC);
        // v(τ) = I·Rp·(1 − 1/e)
        assertEquals(12 * (1 - Math.exp(-1)), circuit.capacitorVolts(), 1e-9);
        assertEquals(0.002 * 0.006, charge, 1e-15);
        assertEquals(0.002, circuit.currentAmps(), 1e-15);
        assertEquals(0.6 + circuit.capacitorVolts(), circuit.electrodeVolts(), 1e-12);
        circuit.advance(1.0, 0.002, RS, RP, C, VC);
        assertEquals(12.0, circuit.capacitorVolts(), 1e-9, "steady state I·Rp");
    }

    @Test
    @Verifies("SRS-DRV-006")
    void withoutCurrentTheSkinDischargesThroughItsResistance() {
        SkinCircuit circuit = new SkinCircuit();
        circuit.advance(1.0, 0.002, RS, RP, C, VC);
        double charge = circuit.advance(0.006, 0, RS, RP, C, VC);
        assertEquals(0, charge, 0);
        assertEquals(12 * Math.exp(-1), circuit.capacitorVolts(), 1e-9);
        assertEquals(0, circuit.currentAmps(), 0);
    }

    @Test
    @Verifies(value = "SRS-DRV-001", version = 2)
    @Verifies("SRS-DRV-006")
    void theComplianceVoltageLimitsTheCurrentOnceTheSkinHasCharged() {
        SkinCircuit circuit = new SkinCircuit();
        // 20 mA would need 126 V across 6.3 kΩ; the stage has 80 V.
        circuit.advance(0.0001, 0.020, RS, RP, C, VC);
        assertEquals(0.020, circuit.currentAmps(), 1e-12, "an uncharged skin takes the full current at first");
        circuit.advance(1.0, 0.020, RS, RP, C, VC);
        assertEquals(80 / (RS + RP), circuit.currentAmps(), 1e-9, "then min(setpoint, compliance / load)");
        assertEquals(VC, circuit.electrodeVolts(), 1e-12);
    }

    @Test
    @Verifies("SRS-DRV-006")
    void theChargeInComplianceIsTheIntegralOfTheCurrent() {
        SkinCircuit circuit = new SkinCircuit();
        double steps = 0;
        SkinCircuit fine = new SkinCircuit();
        double charge = circuit.advance(0.05, 0.020, RS, RP, C, VC);
        for (int i = 0; i < 500_000; i++) {
            steps += fine.advance(1e-7, 0.020, RS, RP, C, VC);
        }
        assertEquals(steps, charge, steps * 1e-6);
        assertEquals(fine.capacitorVolts(), circuit.capacitorVolts(), 1e-6);
    }

    @Test
    @Verifies("SRS-DRV-006")
    void theStateDoesNotDependOnTheStepLengthFrom100MicrosecondsToOneSecond() {
        qt().forAll(integers().between(100, 1_000_000), integers().between(0, 25_000)).checkAssert((stepMicros, microamps) -> {
            SkinCircuit coarse = new SkinCircuit();
            SkinCircuit fine = new SkinCircuit();
            double amps = microamps * 1e-6;
            double coarseCharge = 0;
            double fineCharge = 0;
            long horizon = 2_000_000L;
            for (long t = 0; t < horizon; t += stepMicros) {
                coarseCharge += coarse.advance(Math.min(stepMicros, horizon - t) * 1e-6, amps, RS, RP, C, VC);
            }
            for (long t = 0; t < horizon; t += 100) {
                fineCharge += fine.advance(100e-6, amps, RS, RP, C, VC);
            }
            assertEquals(fine.capacitorVolts(), coarse.capacitorVolts(), 1e-6, "step " + stepMicros + " us");
            assertEquals(fineCharge, coarseCharge, Math.max(1e-12, fineCharge * 1e-6), "step " + stepMicros + " us");
            assertTrue(coarse.electrodeVolts() <= VC + 1e-9, "above compliance: " + coarse.electrodeVolts());
        });
    }

    @Test
    @Verifies("SRS-DRV-006")
    void withoutSeriesResistanceOrCapacitanceTheCircuitStaysFinite() {
        SkinCircuit noSeries = new SkinCircuit();
        double charge = noSeries.advance(1.0, 0.020, 0, RP, C, VC);
        assertEquals(VC / RP, noSeries.currentAmps(), 1e-9);
        assertTrue(Double.isFinite(charge) && charge > 0, "charge " + charge);
        SkinCircuit resistive = new SkinCircuit();
        assertEquals(0.002 * 0.001, resistive.advance(0.001, 0.002, RS, RP, 0, VC), 1e-15);
        assertEquals(0.002 * (RS + RP), resistive.electrodeVolts(), 1e-9);
    }
}
