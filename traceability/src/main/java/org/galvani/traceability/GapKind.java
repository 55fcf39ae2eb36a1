package org.galvani.traceability;

/** The kinds of gap the matrix reports; {@link TracePolicy} decides per safety class which fail a build. */
public enum GapKind {
    /** A requirement that no {@code @Implements} and no {@code implementedIn} file implements. */
    NOT_IMPLEMENTED("requirement without an implementation"),
    /** A requirement that no {@code @Verifies} names. */
    NOT_VERIFIED("requirement without a verifying test"),
    /** A verifying test with a failing or erroring case. */
    TEST_FAILED("verifying test failed"),
    /** A verifying test all of whose cases were skipped (disabled, or aborted by an assumption). */
    TEST_SKIPPED("verifying test skipped"),
    /** A verifying test with no result in any Surefire or Failsafe report: it never ran. */
    TEST_NOT_RUN("verifying test has no result"),
    /** An {@code @Implements} or {@code @Verifies} naming an ID that no requirements file declares. */
    UNKNOWN_REQUIREMENT("link to an unknown requirement"),
    /** An {@code implementedIn} entry whose file does not exist or does not name the requirement. */
    BROKEN_IMPLEMENTED_IN("implementedIn file missing or not naming the requirement"),
    /** A software risk control none of whose requirements is implemented and verified by passing tests. */
    CONTROL_NOT_VERIFIED("risk control without a verified requirement"),
    /** An error-level finding of the hazard analysis (hazard-analysis's own checks). */
    HAZARD_ANALYSIS("hazard analysis finding"),
    /** A {@code @Verifies} written against another version of the requirement: suspect until reviewed. */
    SUSPECT_LINK("suspect link (requirement changed since the test was written)");

    private final String description;

    GapKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
