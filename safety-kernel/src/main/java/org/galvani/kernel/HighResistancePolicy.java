package org.galvani.kernel;

/**
 * What the kernel does when the output stage sits at its compliance voltage (the load's resistance is
 * too high to drive the commanded current).
 *
 * <p>The default is {@link #REDUCE_AND_EXTEND}: lowering the current brings the stage back into
 * regulation, so that the slew limit and the plausibility checks govern the current again (a saturated
 * stage lets the current jump up as soon as the resistance falls); it also lowers the current density,
 * which is the mechanism of electrode burns; and a dose-based treatment still ends on its prescribed
 * dose, only later. If the reduction would fall below the profile's floor, the kernel pauses instead,
 * because a resistance that high suggests an electrode problem that a person should look at.
 */
public enum HighResistancePolicy {
    /** Ramp the current down to what the load can take with headroom; the treatment lasts longer. */
    REDUCE_AND_EXTEND,
    /** Ramp down and pause; an operator checks the electrodes and resumes. */
    PAUSE
}
