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
    private final Reason cause;

    private Request(RequestKind kind, long id, Prescription prescription, long priorDoseMicroampMillis,
                    Reason cause) {
        this.kind = kind;
        this.id = id;
        this.prescription = prescription;
        this.priorDoseMicroampMillis = priorDoseMicroampMillis;
        this.cause = cause;
    }

    /**
     * Arms a prescription. {@code priorDoseMicroampMillis} is the dose the dose ledger already holds for
     * this treatment ID: it counts towards the prescription and the cap. It must come from the ledger,
     * never from a user interface.
     */
    public static Request arm(long id, Prescription prescription, long priorDoseMicroampMillis) {
        return new Request(RequestKind.ARM, id, prescription, priorDoseMicroampMillis, Reason.OPERATOR_REQUEST);
    }

    public static Request start(long id) {
        return new Request(RequestKind.START, id, null, 0L, Reason.OPERATOR_REQUEST);
    }

    public static Request pause(long id) {
        return new Request(RequestKind.PAUSE, id, null, 0L, Reason.OPERATOR_REQUEST);
    }

    public static Request resume(long id) {
        return new Request(RequestKind.RESUME, id, null, 0L, Reason.OPERATOR_REQUEST);
    }

    public static Request stop(long id) {
        return new Request(RequestKind.STOP, id, null, 0L, Reason.OPERATOR_REQUEST);
    }

    public static Request acknowledge(long id) {
        return new Request(RequestKind.ACKNOWLEDGE, id, null, 0L, Reason.OPERATOR_REQUEST);
    }

    /** The runtime ends the treatment with a ramp-down, for {@code cause}. */
    public static Request systemStop(long id, Reason cause) {
        return new Request(RequestKind.SYSTEM_STOP, id, null, 0L, cause);
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

    /** Why the request was made: {@link Reason#OPERATOR_REQUEST}, or the runtime's cause. */
    public Reason cause() {
        return cause;
    }

    @Override
    public String toString() {
        return kind + "#" + id + (prescription == null ? "" : " " + prescription);
    }
}
