package org.galvani.hazard;

/** The checks of a register and its links, each with the weight of what it finds. */
public enum Check {
    /** An ID that is not of its form: HAZ-NNN, RC-NNN, SRS-AREA-NNN. */
    MALFORMED_ID(FindingLevel.ERROR),
    /** Two hazards, two controls or two requirements with one ID, or one control named twice by a hazard. */
    DUPLICATE_ID(FindingLevel.ERROR),
    /** A reference to a control, a requirement or a scale level that is not declared. */
    UNKNOWN_ID(FindingLevel.ERROR),
    /** An unacceptable risk before control with no control. */
    UNCONTROLLED_UNACCEPTABLE_RISK(FindingLevel.ERROR),
    /** A software control that no requirement implements. */
    CONTROL_WITHOUT_REQUIREMENT(FindingLevel.ERROR),
    /** A product team's control that no requirement implements yet: open until the product team closes it. */
    PRODUCT_TEAM_CONTROL_OPEN(FindingLevel.WARNING),
    /** A residual risk still unacceptable with no documented benefit-risk rationale. */
    UNACCEPTABLE_RESIDUAL_WITHOUT_RATIONALE(FindingLevel.ERROR),
    /** A residual severity or probability above the initial one. */
    RESIDUAL_ABOVE_INITIAL(FindingLevel.ERROR),
    /** A residual risk lower than the initial one with no control to lower it. */
    REDUCED_WITHOUT_CONTROL(FindingLevel.ERROR),
    /** A control that no hazard names. */
    UNUSED_CONTROL(FindingLevel.WARNING),
    /** A hazard's controls not listed in the priority order of ISO 14971 (reports show them in order). */
    CONTROLS_OUT_OF_PRIORITY_ORDER(FindingLevel.NOTE);

    private final FindingLevel level;

    Check(FindingLevel level) {
        this.level = level;
    }

    public FindingLevel level() {
        return level;
    }
}
