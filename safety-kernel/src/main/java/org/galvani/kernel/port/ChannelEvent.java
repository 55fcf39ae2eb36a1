package org.galvani.kernel.port;

import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.RequestKind;

/**
 * A kernel event as the runtime records it: which channel, the event, and who asked for what it answers.
 *
 * @param channelId the channel
 * @param event     the kernel's event
 * @param origin    who made the request it answers (a user or component name), "runtime" for the
 *                  runtime's own system stop, "kernel" for the kernel's own decisions
 * @param request   the kind of request it answers, or null for the kernel's own decisions
 */
public record ChannelEvent(String channelId, KernelEvent event, String origin, RequestKind request) {

    /** One line for logs and audit trails, for example "START refused: electrode contact is not confirmed". */
    public String describe() {
        if (request != null && event.type() == KernelEventType.REQUEST_ACCEPTED) {
            return request + " accepted (request#" + event.requestId() + ")";
        }
        if (request != null && event.type() == KernelEventType.REQUEST_REFUSED) {
            return request + " refused (request#" + event.requestId() + "): " + event.reason().text();
        }
        return event.describe();
    }

    /** Whether the event states a treatment's dose for the ledger: a dose checkpoint or a state change of a treatment. */
    public boolean carriesDose() {
        return event.treatmentId() != null
                && (event.type() == KernelEventType.DOSE_CHECKPOINT || event.type() == KernelEventType.STATE_CHANGED);
    }
}
