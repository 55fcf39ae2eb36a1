package org.galvani.verification.proofs;

import org.galvani.trace.Implements;

/**
 * How KeY's automatic mode searches for one proof: the two settings that differ between the kernel's
 * contracts and the hint lemmas. Everything else is fixed in {@link KeyProver} and the same for every
 * proof, in particular Java integer semantics (overflow is modelled).
 *
 * @param maxSteps            the most rule applications auto mode makes before it gives up (the proof stays open)
 * @param nonLinearArithmetic how auto mode treats multiplication and division of non-constant terms
 */
public record ProverSettings(int maxSteps, NonLinearArithmetic nonLinearArithmetic) {

    /**
     * For the kernel's contracts (and the canary, which must be proved exactly like them). 100,000 steps
     * leave room above the largest proofs (TransitionTable.allowed ~69,000 rule applications,
     * Plausibility.check ~29,000).
     */
    @Implements("SRS-VER-001")
    public static final ProverSettings KERNEL = new ProverSettings(100_000, NonLinearArithmetic.DEFINED_OPERATIONS);

    /** For the hint lemmas: small pure arithmetic facts that need non-linear model search (each < 3,000 steps). */
    @Implements("SRS-VER-003")
    public static final ProverSettings LEMMAS = new ProverSettings(20_000, NonLinearArithmetic.MODEL_SEARCH);

    public ProverSettings {
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive, was " + maxSteps);
        }
        if (nonLinearArithmetic == null) {
            throw new IllegalArgumentException("nonLinearArithmetic is required");
        }
    }

    /** KeY's options for non-linear integer arithmetic (the "Arithmetic treatment" of its strategy). */
    public enum NonLinearArithmetic {
        /**
         * Division and modulo are expanded by their definitions, products are not multiplied out into
         * inequalities. Predictable on large proofs; needs product bounds stated as hints.
         */
        DEFINED_OPERATIONS,
        /** Also searches for products of inequalities (KeY's "model search"): proves the hints, slow on large proofs. */
        MODEL_SEARCH
    }
}
