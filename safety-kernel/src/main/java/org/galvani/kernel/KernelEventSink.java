package org.galvani.kernel;

/**
 * Receives every decision of a kernel, on the thread that ticks it. Implementations must return quickly
 * and must not block or throw (the control runtime's implementation hands events to a bounded queue).
 *
 * <p>The arguments are primitives and enum constants so that reporting allocates nothing inside the
 * kernel's tick; {@link KernelEvent} is the value form for consumers that keep events.
 */
@FunctionalInterface
public interface KernelEventSink {

    /** A sink that drops everything. */
    KernelEventSink NONE = (type, time, previous, current, reason, requestId, dose) -> { };

    /**
     * One decision.
     *
     * @param type                    what happened
     * @param timeMicros              the tick time it happened in
     * @param previous                the state before (equal to {@code current} unless the state changed)
     * @param current                 the state after
     * @param reason                  the cause, fault or refusal reason
     * @param requestId               the request decided on, or 0
     * @param deliveredMicroampMillis the delivered dose of the treatment so far (µA·ms, rounded up)
     */
    void onEvent(KernelEventType type, long timeMicros, KernelState previous, KernelState current, Reason reason,
                 long requestId, long deliveredMicroampMillis);
}
