package org.galvani.kernel;

/**
 * The states of one output channel. Output can be enabled only in {@link #RAMP_UP}, {@link #DELIVERING},
 * {@link #RAMP_DOWN} and, while it is still ramping down to zero, {@link #PAUSED}. The allowed
 * transitions are listed in {@link TransitionTable}.
 */
public enum KernelState {
    /** No treatment. Output disabled. */
    IDLE,
    /** A prescription has been validated and accepted; waiting for start. Output disabled. */
    ARMED,
    /** Current rising along the ramp towards the target. */
    RAMP_UP,
    /** At the target (or a reduced goal), integrating dose. */
    DELIVERING,
    /** An operator paused: the current ramps down to zero and stays there until resumed. */
    PAUSED,
    /** The treatment is ending (stop, dose or time reached): the current ramps down to zero. */
    RAMP_DOWN,
    /** The electrodes lost contact: output cut to zero at once; only an operator may resume. */
    CONTACT_LOST,
    /** The treatment has ended with the output at zero. Output disabled. */
    COMPLETE,
    /** A fault is latched: output disabled until acknowledged with the stage reporting safe. */
    FAULT;

    /*
     * Java guarantees that enum constants are distinct and non-null (JLS 8.9). KeY 2.12 does not know it
     * (KeYProject/key issues 1522 and 3670), so the fact is stated here and contracts that compare
     * KernelState constants require \static_invariant_for(KernelState). KeY does not verify static
     * initialisation: this invariant is an assumption, justified by the language, not a proof result.
     */
    /*@ public static invariant
      @     IDLE != null && ARMED != null && RAMP_UP != null && DELIVERING != null && PAUSED != null &&
      @     RAMP_DOWN != null && CONTACT_LOST != null && COMPLETE != null && FAULT != null && IDLE != ARMED &&
      @     IDLE != RAMP_UP && IDLE != DELIVERING && IDLE != PAUSED && IDLE != RAMP_DOWN &&
      @     IDLE != CONTACT_LOST && IDLE != COMPLETE && IDLE != FAULT && ARMED != RAMP_UP &&
      @     ARMED != DELIVERING && ARMED != PAUSED && ARMED != RAMP_DOWN && ARMED != CONTACT_LOST &&
      @     ARMED != COMPLETE && ARMED != FAULT && RAMP_UP != DELIVERING && RAMP_UP != PAUSED &&
      @     RAMP_UP != RAMP_DOWN && RAMP_UP != CONTACT_LOST && RAMP_UP != COMPLETE && RAMP_UP != FAULT &&
      @     DELIVERING != PAUSED && DELIVERING != RAMP_DOWN && DELIVERING != CONTACT_LOST &&
      @     DELIVERING != COMPLETE && DELIVERING != FAULT && PAUSED != RAMP_DOWN && PAUSED != CONTACT_LOST &&
      @     PAUSED != COMPLETE && PAUSED != FAULT && RAMP_DOWN != CONTACT_LOST && RAMP_DOWN != COMPLETE &&
      @     RAMP_DOWN != FAULT && CONTACT_LOST != COMPLETE && CONTACT_LOST != FAULT && COMPLETE != FAULT;
      @*/
}
