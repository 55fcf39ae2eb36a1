package org.galvani.kernel.policy;

/** What the plausibility check concluded from one measurement against the command in force. */
public enum PlausibilityVerdict {
    /** The measured current agrees with the command. */
    OK,
    /** A negative current reading: the driver broke its contract (readings are magnitudes). */
    INVALID,
    /** Measured above commanded plus tolerance for more than the allowed number of ticks. */
    OVERCURRENT,
    /** Current flows while the output is disabled, beyond the settling time. */
    CURRENT_WHILE_DISABLED,
    /** Measured below commanded minus tolerance for too long while the stage is not at compliance. */
    NOT_FOLLOWING
}
