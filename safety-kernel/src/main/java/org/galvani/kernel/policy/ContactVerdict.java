package org.galvani.kernel.policy;

/** What the contact monitor concluded from one impedance reading. */
public enum ContactVerdict {
    /** Impedance inside the window and no jump. */
    IN_WINDOW,
    /** Impedance outside the window (open circuit, lifted electrode, or a short), or unknown. */
    OUT_OF_WINDOW,
    /** Impedance changed between consecutive readings by more than the jump limit. */
    JUMP
}
