package org.galvani.kernel;

import static org.galvani.kernel.KernelState.ARMED;
import static org.galvani.kernel.KernelState.COMPLETE;
import static org.galvani.kernel.KernelState.CONTACT_LOST;
import static org.galvani.kernel.KernelState.DELIVERING;
import static org.galvani.kernel.KernelState.FAULT;
import static org.galvani.kernel.KernelState.IDLE;
import static org.galvani.kernel.KernelState.PAUSED;
import static org.galvani.kernel.KernelState.RAMP_DOWN;
import static org.galvani.kernel.KernelState.RAMP_UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The transition table against the table in its documentation and its JML contract, over every pair of states. */
class TransitionTableTest {

    /** The documented table, written out independently of the code. */
    private static final Map<KernelState, Set<KernelState>> DOCUMENTED = new EnumMap<>(KernelState.class);

    static {
        DOCUMENTED.put(IDLE, EnumSet.of(ARMED, FAULT));
        DOCUMENTED.put(ARMED, EnumSet.of(RAMP_UP, IDLE, FAULT));
        DOCUMENTED.put(RAMP_UP, EnumSet.of(DELIVERING, PAUSED, RAMP_DOWN, CONTACT_LOST, FAULT));
        DOCUMENTED.put(DELIVERING, EnumSet.of(PAUSED, RAMP_DOWN, CONTACT_LOST, FAULT));
        DOCUMENTED.put(PAUSED, EnumSet.of(RAMP_UP, RAMP_DOWN, COMPLETE, CONTACT_LOST, FAULT));
        DOCUMENTED.put(RAMP_DOWN, EnumSet.of(COMPLETE, CONTACT_LOST, FAULT));
        DOCUMENTED.put(CONTACT_LOST, EnumSet.of(RAMP_UP, COMPLETE, FAULT));
        DOCUMENTED.put(COMPLETE, EnumSet.of(ARMED, FAULT));
        DOCUMENTED.put(FAULT, EnumSet.of(IDLE));
    }

    @Test
    @Verifies(value = "SRS-KRN-023", version = 1)
    void allowedTransitionsAreExactlyTheDocumentedTable() {
        for (KernelState from : KernelState.values()) {
            for (KernelState to : KernelState.values()) {
                assertEquals(DOCUMENTED.get(from).contains(to), TransitionTable.allowed(from, to), from + " -> " + to);
            }
        }
    }

    @Test
    @Verifies(value = {"SRS-KRN-022", "SRS-KRN-023"}, version = 1)
    void contractHoldsForEveryPairOfStates() {
        for (KernelState from : KernelState.values()) {
            for (KernelState to : KernelState.values()) {
                boolean result = TransitionTable.allowed(from, to);
                String pair = from + " -> " + to;
                if (to == FAULT && from != FAULT) {
                    assertTrue(result, pair);
                }
                if (from == FAULT) {
                    assertEquals(to == IDLE, result, pair);
                }
                if (from == IDLE || from == COMPLETE) {
                    assertEquals(to == ARMED || to == FAULT, result, pair);
                }
                if (to == DELIVERING) {
                    assertEquals(from == RAMP_UP, result, pair);
                }
                if (to == RAMP_UP) {
                    assertEquals(from == ARMED || from == PAUSED || from == CONTACT_LOST, result, pair);
                }
                assertTrue(!result || from != to, pair);
            }
        }
    }

    @Test
    @Verifies(value = "SRS-KRN-011", version = 1)
    void outputMayBeEnergizedOnlyWhileRampingDeliveringOrPaused() {
        Set<KernelState> energized = EnumSet.of(RAMP_UP, DELIVERING, PAUSED, RAMP_DOWN);
        for (KernelState state : KernelState.values()) {
            assertEquals(energized.contains(state), TransitionTable.energized(state), state.name());
        }
    }
}
