package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.galvani.kernel.KernelActions.Action;
import org.galvani.trace.Verifies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.QuickTheory;

/**
 * Random sequences of requests, electrode and stage events and time steps, applied to a kernel on the
 * test stage. After every tick the harness checks the kernel's invariants (see KernelInvariants: the
 * ceiling, the slew bound, the dose cap, the cut-off in the same tick as a detach or fault and its
 * latch until an operator's request, contact confirmation, the transition table, the polarity), and
 * the session checks that an honest stage never takes the dose past the cap, nor, with regular ticks, a
 * dose-based treatment past its prescription.
 *
 * <p>On failure QuickTheories prints the smallest failing sequence and the seed ("Seed was ..."); replay
 * it with {@code qt().withFixedSeed(seed)} here, or {@code -DQT_SEED=seed} on the Maven command line.
 */
class KernelStatefulPropertyTest {

    /** About a second per policy; raise it for a soak run with -Dgalvani.stateful.sequences=100000. */
    private static final int SEQUENCES = Integer.getInteger("galvani.stateful.sequences", 1_000);
    private static final int MAX_LENGTH = 40;

    /**
     * The seed of the reach check. Whether a random draw of sequences reaches every state and cause is
     * itself a draw (with PIT's 100 sequences, fresh seeds missed DRIVER_FAULT or MEASUREMENT_STALE in 2 of
     * 300 runs per policy), so the check that the property is not vacuous runs on fixed sequences and always
     * means the same thing; the invariants are checked on fresh random ones.
     */
    private static final long REACH_SEED = 20_261_124L;

    @ParameterizedTest
    @EnumSource(HighResistancePolicy.class)
    @Verifies(value = {"SRS-KRN-008", "SRS-KRN-009", "SRS-KRN-010", "SRS-KRN-011", "SRS-KRN-013", "SRS-KRN-014",
            "SRS-KRN-016", "SRS-KRN-017", "SRS-KRN-019", "SRS-KRN-020", "SRS-KRN-021", "SRS-KRN-022", "SRS-KRN-023",
            "SRS-KRN-025"}, version = 1)
    void invariantsHoldAfterEveryTickOfAnySequence(HighResistancePolicy policy) {
        explore(qt(), policy);
    }

    /** The property says little unless its sequences reach every state and the interesting causes. */
    @ParameterizedTest
    @EnumSource(HighResistancePolicy.class)
    void theSequencesReachEveryStateAndTheInterestingCauses(HighResistancePolicy policy) {
        Reach reach = explore(qt().withFixedSeed(REACH_SEED), policy);
        assertEquals(EnumSet.allOf(KernelState.class), reach.states());
        assertTrue(reach.reasons().containsAll(List.of(Reason.CONTACT_OUT_OF_WINDOW, Reason.CONTACT_JUMP,
                Reason.DOSE_REACHED, Reason.TIME_REACHED, Reason.DRIVER_FAULT, Reason.OUTPUT_NOT_SAFE,
                Reason.CONTACT_NOT_CONFIRMED, Reason.INVALID_PRESCRIPTION, Reason.TIME_BACKWARDS,
                Reason.MEASUREMENT_STALE)), "reasons seen: " + reach.reasons());
    }

    /** Runs {@link #SEQUENCES} sequences, each on a fresh kernel checking its invariants; returns what they reached. */
    private static Reach explore(QuickTheory theory, HighResistancePolicy policy) {
        DeviceProfile profile = KernelActions.profile(policy);
        Reach reach = new Reach(EnumSet.noneOf(KernelState.class), EnumSet.noneOf(Reason.class));
        theory.withExamples(SEQUENCES).forAll(KernelActions.sequences(MAX_LENGTH)).checkAssert(actions -> {
            KernelSession session = new KernelSession(profile);
            for (Action action : actions) {
                action.applyTo(session);
            }
            session.harness().events().forEach(e -> {
                reach.states().add(e.current());
                reach.reasons().add(e.reason());
            });
        });
        return reach;
    }

    private record Reach(Set<KernelState> states, Set<Reason> reasons) {
    }
}
