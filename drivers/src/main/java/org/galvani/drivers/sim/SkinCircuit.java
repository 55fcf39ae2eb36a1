package org.galvani.drivers.sim;

import org.galvani.trace.Implements;

/**
 * The electrical state of the electrode-skin circuit driven by a current source with a compliance
 * voltage: a series resistance R<sub>s</sub> (electrodes, gel, leads) and the skin, a resistance
 * R<sub>p</sub> in parallel with a capacitance C. The state is the skin capacitor's voltage v.
 *
 * <p>The source delivers its set current I while I·R<sub>s</sub> + v stays within the compliance
 * voltage V<sub>c</sub> (regulated), and otherwise holds the electrodes at V<sub>c</sub> (compliance,
 * current (V<sub>c</sub> − v)/R<sub>s</sub>). In either regime v relaxes exponentially towards a fixed
 * point, so each step uses the exact solution (stable for any step length) and splits the step where the
 * regime changes, which happens at most once per step because both regimes move v monotonically and
 * towards the same side of the boundary. The charge is the exact integral of the current.
 *
 * <p>SI units (A, V, Ω, F, s) in doubles; the stage converts to the kernel's integers. Not thread-safe.
 */
@Implements({"SRS-DRV-001", "SRS-DRV-006"})
final class SkinCircuit {

    private double capacitorVolts;
    private double currentAmps;
    private double electrodeVolts;
    /** ∫v dt of the last compliance segment (a field, not a return array: a step must not allocate). */
    private double segmentIntegral;

    /**
     * Advances the circuit by {@code seconds} with the source set to {@code sourceAmps} (0 when off or when
     * the electrodes are open) and returns the charge that flowed through the electrodes (A·s).
     */
    double advance(double seconds, double sourceAmps, double seriesOhms, double skinOhms, double farads,
                   double complianceVolts) {
        if (farads <= 0 || skinOhms <= 0) {
            // No capacitor (or one shorted by the skin): purely resistive, no state to integrate.
            settle(sourceAmps, seriesOhms, skinOhms, farads, complianceVolts);
            return seconds > 0 ? currentAmps * seconds : 0;
        }
        double charge = 0;
        double remaining = Math.max(0, seconds);
        // Two segments suffice (see above); a third only absorbs rounding at the boundary.
        for (int segment = 0; segment < 3 && remaining > 0; segment++) {
            double boundary = complianceVolts - sourceAmps * seriesOhms;
            double used;
            if (regulated(sourceAmps, skinOhms, boundary)) {
                used = regulated(remaining, sourceAmps, skinOhms, farads, boundary);
                charge += sourceAmps * used;
            } else {
                double before = capacitorVolts;
                used = compliance(remaining, seriesOhms, skinOhms, farads, complianceVolts, boundary);
                // Kirchhoff at the skin node: what enters is what the skin conducts plus what the capacitor stores.
                charge += segmentIntegral / skinOhms + farads * (capacitorVolts - before);
            }
            remaining -= used;
        }
        settle(sourceAmps, seriesOhms, skinOhms, farads, complianceVolts);
        return charge;
    }

    /**
     * Whether the source regulates: the capacitor below the boundary V<sub>c</sub> − I·R<sub>s</sub>, or on
     * it and not driven beyond it.
     */
    private boolean regulated(double sourceAmps, double skinOhms, double boundary) {
        return capacitorVolts < boundary || (capacitorVolts == boundary && sourceAmps * skinOhms <= boundary);
    }

    /** Regulated: v → I·R<sub>p</sub> with τ = R<sub>p</sub>·C, until the boundary if it lies on the way. */
    private double regulated(double seconds, double amps, double skinOhms, double farads, double boundary) {
        double target = amps * skinOhms;
        double tau = skinOhms * farads;
        if (target > boundary) {
            double toBoundary = tau * Math.log((target - capacitorVolts) / (target - boundary));
            if (toBoundary < seconds) {
                capacitorVolts = boundary;
                return Math.max(0, toBoundary);
            }
        }
        capacitorVolts = target + (capacitorVolts - target) * Math.exp(-seconds / tau);
        return seconds;
    }

    /**
     * Compliance: the electrodes held at V<sub>c</sub>, v → V<sub>c</sub>·R<sub>p</sub>/(R<sub>s</sub>+R<sub>p</sub>)
     * with τ = C·(R<sub>s</sub> ∥ R<sub>p</sub>), until the boundary if it lies on the way; leaves ∫v dt in
     * {@link #segmentIntegral}.
     */
    private double compliance(double seconds, double seriesOhms, double skinOhms, double farads,
                              double complianceVolts, double boundary) {
        double target = complianceVolts * skinOhms / (seriesOhms + skinOhms);
        double tau = farads * seriesOhms * skinOhms / (seriesOhms + skinOhms);
        double start = capacitorVolts;
        double used = seconds;
        boolean crosses = false;
        if (target < boundary && tau > 0) {
            double toBoundary = tau * Math.log((start - target) / (boundary - target));
            if (toBoundary < seconds) {
                used = Math.max(0, toBoundary);
                crosses = true;
            }
        }
        double decay = tau > 0 ? Math.exp(-used / tau) : 0;
        capacitorVolts = crosses ? boundary : target + (start - target) * decay;
        segmentIntegral = target * used + (start - target) * tau * (1 - decay);
        return used;
    }

    /**
     * Sets the current and electrode voltage for the source set to {@code sourceAmps} now: the source
     * responds at once, the capacitor does not (without one, the skin is a plain resistor).
     */
    void settle(double sourceAmps, double seriesOhms, double skinOhms, double farads, double complianceVolts) {
        if (farads <= 0 || skinOhms <= 0) {
            double ohms = seriesOhms + skinOhms;
            currentAmps = ohms > 0 ? Math.min(sourceAmps, complianceVolts / ohms) : sourceAmps;
            capacitorVolts = currentAmps * skinOhms;
            electrodeVolts = currentAmps * ohms;
        } else if (regulated(sourceAmps, skinOhms, complianceVolts - sourceAmps * seriesOhms)) {
            currentAmps = sourceAmps;
            electrodeVolts = sourceAmps * seriesOhms + capacitorVolts;
        } else {
            // At compliance; with no series resistance the capacitor sits at V_c and only the skin conducts.
            currentAmps = seriesOhms > 0 ? Math.max(0, (complianceVolts - capacitorVolts) / seriesOhms)
                    : capacitorVolts / skinOhms;
            electrodeVolts = complianceVolts;
        }
    }

    /** The current through the electrodes now (A). */
    double currentAmps() {
        return currentAmps;
    }

    /** The voltage across the electrodes now (V). */
    double electrodeVolts() {
        return electrodeVolts;
    }

    /** The skin capacitor's voltage now (V). */
    double capacitorVolts() {
        return capacitorVolts;
    }
}
