package org.galvani.app.opcua;

import java.util.Objects;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.opcua.CallAuditSink;
import org.galvani.opcua.CallRecord;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's audit trail in the dose ledger: every method call, accepted or refused, with user, time,
 * method, arguments, status and the reason the client was given. Runs on the gateway's service thread
 * (never the control loop). Each call is also logged, so that a ledger that cannot be written loses no
 * call silently: the failure is logged with the call and rethrown (the gateway logs it and answers as
 * the kernel decided).
 */
@Implements("SRS-APP-062")
public final class LedgerCallAudit implements CallAuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCallAudit.class);

    private final SqliteLedger ledger;

    public LedgerCallAudit(SqliteLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public void record(CallRecord call) {
        LOG.info("OPC UA call: {}", call.describe());
        try {
            ledger.recordGatewayCall(call);
        } catch (RuntimeException e) {
            LOG.error("OPC UA call not recorded in the ledger ({}): {}", e.getMessage(), call.describe());
            throw e;
        }
    }
}
