package org.galvani.kernel;

import org.galvani.trace.Implements;

/**
 * The kernel's transition table: which state may follow which, and in which states output may be
 * enabled. The state machine checks every transition against it; a transition the table does not allow
 * is an internal error and latches {@link KernelState#FAULT} (which every state may enter).
 *
 * <pre>
 * IDLE         -> ARMED, FAULT
 * ARMED        -> RAMP_UP, IDLE, FAULT
 * RAMP_UP      -> DELIVERING, PAUSED, RAMP_DOWN, CONTACT_LOST, FAULT
 * DELIVERING   -> PAUSED, RAMP_DOWN, CONTACT_LOST, FAULT
 * PAUSED       -> RAMP_UP, RAMP_DOWN, COMPLETE, CONTACT_LOST, FAULT
 * RAMP_DOWN    -> COMPLETE, CONTACT_LOST, FAULT
 * CONTACT_LOST -> RAMP_UP, COMPLETE, FAULT
 * COMPLETE     -> ARMED, FAULT
 * FAULT        -> IDLE
 * </pre>
 */
@Implements("SRS-KRN-023")
public final class TransitionTable {

    private TransitionTable() {
    }

    /** Whether the state machine may go from {@code from} to {@code to}. */
    /*@ public normal_behavior
      @ requires from != null && to != null;
      @ requires \static_invariant_for(KernelState);
      @ ensures (to == KernelState.FAULT && from != KernelState.FAULT) ==> \result;
      @ ensures from == KernelState.FAULT ==> (\result <==> to == KernelState.IDLE);
      @ ensures from == KernelState.IDLE ==> (\result <==> (to == KernelState.ARMED || to == KernelState.FAULT));
      @ ensures from == KernelState.COMPLETE ==> (\result <==> (to == KernelState.ARMED || to == KernelState.FAULT));
      @ ensures (to == KernelState.DELIVERING) ==> (\result <==> from == KernelState.RAMP_UP);
      @ ensures (to == KernelState.RAMP_UP) ==> (\result <==> (from == KernelState.ARMED
      @     || from == KernelState.PAUSED || from == KernelState.CONTACT_LOST));
      @ ensures \result ==> from != to;
      @ assignable \nothing;
      @*/
    public static boolean allowed(KernelState from, KernelState to) {
        if (from == to) {
            return false;
        }
        if (to == KernelState.FAULT) {
            return from != KernelState.FAULT;
        }
        switch (from) {
            case IDLE:
                return to == KernelState.ARMED;
            case ARMED:
                return to == KernelState.RAMP_UP || to == KernelState.IDLE;
            case RAMP_UP:
                return to == KernelState.DELIVERING || to == KernelState.PAUSED || to == KernelState.RAMP_DOWN
                        || to == KernelState.CONTACT_LOST;
            case DELIVERING:
                return to == KernelState.PAUSED || to == KernelState.RAMP_DOWN || to == KernelState.CONTACT_LOST;
            case PAUSED:
                return to == KernelState.RAMP_UP || to == KernelState.RAMP_DOWN || to == KernelState.COMPLETE
                        || to == KernelState.CONTACT_LOST;
            case RAMP_DOWN:
                return to == KernelState.COMPLETE || to == KernelState.CONTACT_LOST;
            case CONTACT_LOST:
                return to == KernelState.RAMP_UP || to == KernelState.COMPLETE;
            case COMPLETE:
                return to == KernelState.ARMED;
            case FAULT:
                return to == KernelState.IDLE;
            default:
                return false;
        }
    }

    /** Whether output may be enabled in {@code state} (in PAUSED only while still ramping down). */
    /*@ public normal_behavior
      @ requires state != null;
      @ ensures \result <==> (state == KernelState.RAMP_UP || state == KernelState.DELIVERING
      @     || state == KernelState.PAUSED || state == KernelState.RAMP_DOWN);
      @ assignable \nothing;
      @*/
    public static boolean energized(KernelState state) {
        return state == KernelState.RAMP_UP || state == KernelState.DELIVERING || state == KernelState.PAUSED
                || state == KernelState.RAMP_DOWN;
    }
}
