package org.galvani.traceability;

/** The outcome of one test case in a Surefire or Failsafe report. */
public enum TestStatus {
    PASSED,
    /** An assertion failed ({@code <failure>}). */
    FAILED,
    /** The test threw ({@code <error>}). */
    ERROR,
    /** Skipped, disabled or aborted by an assumption ({@code <skipped>}). */
    SKIPPED
}
