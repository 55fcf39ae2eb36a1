package org.galvani.app.session;

import java.time.Instant;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;

/**
 * One recorded kernel event of a treatment.
 *
 * @param timeMicros  the tick time on the runtime clock (µs); restarts begin a new clock, see {@code run}
 * @param run         which run of the treatment (1 for the first, 2 after the first restart, ...)
 * @param recordedAt  when the ledger wrote it (wall clock)
 * @param type        what happened
 * @param previous    the state before
 * @param current     the state after
 * @param reason      the cause, fault or refusal reason
 * @param origin      who made the request it answers ("kernel" for the kernel's own decisions)
 * @param request     the request it answers, or null
 * @param deliveredMicroampMillis the dose delivered at that moment
 * @param text        the one-line description
 */
public record SessionEvent(long timeMicros, int run, Instant recordedAt, KernelEventType type, KernelState previous,
                           KernelState current, Reason reason, String origin, RequestKind request,
                           long deliveredMicroampMillis, String text) {
}
