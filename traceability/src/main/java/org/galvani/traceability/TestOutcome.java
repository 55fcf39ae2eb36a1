package org.galvani.traceability;

/** The latest result of a verifying test, over all its cases in the reports. */
public enum TestOutcome {
    /** At least one case passed and none failed (cases skipped by an assumption are counted, not hidden). */
    PASSED,
    /** A case failed or threw. */
    FAILED,
    /** Every case was skipped. */
    SKIPPED,
    /** No case in any report: the test never ran. */
    NOT_RUN
}
