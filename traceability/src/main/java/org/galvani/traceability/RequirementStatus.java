package org.galvani.traceability;

/** Where a requirement stands in the matrix. */
public enum RequirementStatus {
    /** Implemented, every verifying test ran and passed, no gap. */
    VERIFIED,
    /** As VERIFIED, but at least one link is suspect (the requirement changed since the test was written). */
    SUSPECT,
    /** At least one gap other than a suspect link. */
    GAP
}
