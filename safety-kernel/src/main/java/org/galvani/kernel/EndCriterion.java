package org.galvani.kernel;

/** What ends a treatment. */
public enum EndCriterion {
    /** The prescribed dose (drug delivery): the ramp-down begins so that the dose ends at the prescription. */
    DOSE,
    /** The prescribed duration of output (tap-water hyperhidrosis): ramp-down so that output ends on time. */
    TIME
}
