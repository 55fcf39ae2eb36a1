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
    NOT_FOLLOWING;

    /*
     * Java guarantees that enum constants are distinct and non-null (JLS 8.9). KeY 2.12 does not know it
     * (KeYProject/key issues 1522 and 3670), so the fact is stated here and contracts that compare
     * PlausibilityVerdict constants require \static_invariant_for(PlausibilityVerdict). KeY does not verify static
     * initialisation: this invariant is an assumption, justified by the language, not a proof result.
     */
    /*@ public static invariant
      @     OK != null && INVALID != null && OVERCURRENT != null && CURRENT_WHILE_DISABLED != null &&
      @     NOT_FOLLOWING != null && OK != INVALID && OK != OVERCURRENT && OK != CURRENT_WHILE_DISABLED &&
      @     OK != NOT_FOLLOWING && INVALID != OVERCURRENT && INVALID != CURRENT_WHILE_DISABLED &&
      @     INVALID != NOT_FOLLOWING && OVERCURRENT != CURRENT_WHILE_DISABLED && OVERCURRENT != NOT_FOLLOWING &&
      @     CURRENT_WHILE_DISABLED != NOT_FOLLOWING;
      @*/
}
