package org.galvani.opcua;

/**
 * Receives the record of every method call on the gateway (the app writes them to the session ledger).
 * Called off Milo's service threads' critical path but synchronously with the answer: keep it short; one
 * that throws is logged and does not change the answer.
 */
@FunctionalInterface
public interface CallAuditSink {

    void record(CallRecord call);
}
