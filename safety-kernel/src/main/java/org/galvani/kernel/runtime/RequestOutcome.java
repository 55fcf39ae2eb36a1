package org.galvani.kernel.runtime;

import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;

/**
 * The kernel's answer to a request.
 *
 * @param requestId  the request
 * @param accepted   whether the kernel accepted it
 * @param reason     {@link Reason#NONE} when accepted, else why it was refused
 * @param stateAtDecision the kernel state when it decided; the transition an accepted request causes is
 *                   the next event (read {@link Channel#snapshot()} for the state after it)
 */
public record RequestOutcome(long requestId, boolean accepted, Reason reason, KernelState stateAtDecision) {

    /** "accepted" or "refused: reason text". */
    public String describe() {
        return accepted ? "accepted" : "refused: " + reason.text();
    }
}
