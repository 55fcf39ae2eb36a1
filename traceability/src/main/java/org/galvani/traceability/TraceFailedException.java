package org.galvani.traceability;

/** The policy failed: the message lists every gap that fails the build (kind, requirement, what, where). */
public final class TraceFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public TraceFailedException(Verdict verdict) {
        super("traceability policy failed (" + verdict.policy() + "): " + verdict.failures().size()
                + " gap(s) fail the build:\n" + verdict.failureList());
    }
}
