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
    FAULT
}
