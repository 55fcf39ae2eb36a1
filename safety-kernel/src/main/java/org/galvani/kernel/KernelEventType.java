package org.galvani.kernel;

/** The kinds of decision the kernel reports. */
public enum KernelEventType {
    /** A request was accepted (its ID is in the event). */
    REQUEST_ACCEPTED,
    /** A request was refused (its ID and the reason are in the event). */
    REQUEST_REFUSED,
    /** The state changed (previous and current state, and the cause, are in the event). */
    STATE_CHANGED,
    /** The current goal was lowered by the high-resistance policy. */
    CURRENT_REDUCED,
    /** A periodic record of the delivered dose, so that a restart never forgets it. */
    DOSE_CHECKPOINT
}
