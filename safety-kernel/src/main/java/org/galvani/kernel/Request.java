package org.galvani.kernel;

/**
 * A request to the kernel. The kernel decides on it inside its next tick, with that tick's measurement,
 * and reports the decision as a {@link KernelEventType#REQUEST_ACCEPTED} or
 * {@link KernelEventType#REQUEST_REFUSED} event carrying the request's ID.
 */
public final class Request {

    private final RequestKind kind;
    private final long id;
    private final Prescription prescription;
    private final long priorDoseMicroampMillis;
    private final boolean priorCompleted;
    private final Reason cause;

    private Request(RequestKind kind, long id, Prescription prescription, long priorDoseMicroampMillis,
                    boolean priorCompleted, Reason cause) {
        this.kind = kind;
        this.id = id;
        this.prescription = prescription;
        this.priorDoseMicroampMillis = priorDoseMicroampMillis;
        this.priorCompleted = priorCompleted;
        this.cause = cause;
    }

    /**
     * Arms a prescription of a treatment that the dose ledger has never seen completed.
     * {@code priorDoseMicroampMillis} is the dose the dose ledger already holds for this treatment ID: it
     * counts towards the prescription and the cap. It must come from the ledger, never from a user interface.
     */
    public static Request arm(long id, Prescription prescription, long priorDoseMicroampMillis) {
        return arm(id, prescription, priorDoseMicroampMillis, false);
    }

    /**
     * Arms a prescription, with what the dose ledger holds for its treatment ID: the dose already delivered
     * ({@code priorDoseMicroampMillis}, counted towards the prescription and the cap) and whether a run of it
     * already ended in {@link KernelState#COMPLETE} ({@code priorCompleted}: the kernel then refuses it). Both
     * must come from the ledger, never from a user interface.
     */
    public static Request arm(long id, Prescription prescription, long priorDoseMicroampMillis, boolean priorCompleted) {
        return new Request(RequestKind.ARM, id, prescription, priorDoseMicroampMillis, priorCompleted,
                Reason.OPERATOR_REQUEST);
    }

    public static Request start(long id) {
        return new Request(RequestKind.START, id, null, 0L, false, Reason.OPERATOR_REQUEST);
    }

    public static Request pause(long id) {
        return new Request(RequestKind.PAUSE, id, null, 0L, false, Reason.OPERATOR_REQUEST);
    }

    public static Request resume(long id) {
        return new Request(RequestKind.RESUME, id, null, 0L, false, Reason.OPERATOR_REQUEST);
    }

    public static Request stop(long id) {
        return new Request(RequestKind.STOP, id, null, 0L, false, Reason.OPERATOR_REQUEST);
    }

    public static Request acknowledge(long id) {
        return new Request(RequestKind.ACKNOWLEDGE, id, null, 0L, false, Reason.OPERATOR_REQUEST);
    }

    /** The runtime ends the treatment with a ramp-down, for {@code cause}. */
    public static Request systemStop(long id, Reason cause) {
        return new Request(RequestKind.SYSTEM_STOP, id, null, 0L, false, cause);
    }

    public RequestKind kind() {
        return kind;
    }

    public long id() {
        return id;
    }

    /** The prescription of an {@link RequestKind#ARM} request; null otherwise. */
    public Prescription prescription() {
        return prescription;
    }

    public long priorDoseMicroampMillis() {
        return priorDoseMicroampMillis;
    }

    /** Whether the dose ledger holds that this ARM's treatment already completed (false for other requests). */
    public boolean priorCompleted() {
        return priorCompleted;
    }

    /** Why the request was made: {@link Reason#OPERATOR_REQUEST}, or the runtime's cause. */
    public Reason cause() {
        return cause;
    }

    @Override
    public String toString() {
        return kind + "#" + id + (prescription == null ? "" : " " + prescription);
    }
}
