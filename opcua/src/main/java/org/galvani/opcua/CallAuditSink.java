package org.galvani.opcua;

/**
 * Receives the record of every method call on the gateway (the app writes them to the session ledger).
 * Called on the gateway's service thread before the answer is sent: keep it short. One that throws is
 * logged and does not change the answer.
 */
@FunctionalInterface
public interface CallAuditSink {

    void record(CallRecord call);
}
