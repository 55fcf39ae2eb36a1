package org.galvani.kernel;

/**
 * A kernel decision as a value, for consumers that keep, queue or record events.
 *
 * @param type                    what happened
 * @param timeMicros              the tick time (µs)
 * @param previous                the state before
 * @param current                 the state after
 * @param reason                  the cause, fault or refusal reason
 * @param requestId               the request decided on, or 0
 * @param deliveredMicroampMillis the treatment's delivered dose so far (µA·ms)
 * @param treatmentId             the treatment it belongs to, or null when none was armed
 */
public record KernelEvent(KernelEventType type, long timeMicros, KernelState previous, KernelState current,
                          Reason reason, long requestId, long deliveredMicroampMillis, String treatmentId) {

    /** One line for logs and summaries. */
    public String describe() {
        StringBuilder s = new StringBuilder(type.name());
        if (type == KernelEventType.STATE_CHANGED) {
            s.append(' ').append(previous).append(" -> ").append(current);
        }
        if (requestId != 0) {
            s.append(" request#").append(requestId);
        }
        if (reason != Reason.NONE) {
            s.append(": ").append(reason.text());
        }
        return s.toString();
    }
}
