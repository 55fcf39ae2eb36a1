package org.galvani.app.run;

import java.nio.file.Path;
import java.time.Clock;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.app.opcua.LedgerCallAudit;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.opcua.CallAuditSink;
import org.galvani.trace.Implements;

/**
 * The seam between {@code galvani run} and the dose ledger it records into: the one place that opens the
 * SQLite ledger in the data directory (which recovers treatments a crash interrupted, counting each at
 * its last checkpoint plus the most that can have flowed since), feeds it samples and closes it.
 */
@Implements({"SRS-APP-050", "SRS-APP-055"})
final class RunLedger implements AutoCloseable {

    private final SqliteLedger ledger;

    private RunLedger(SqliteLedger ledger) {
        this.ledger = ledger;
    }

    /** Opens the ledger kept in {@code dataDir}; throws naming the file when it cannot. */
    static RunLedger open(Path dataDir) {
        return new RunLedger(SqliteLedger.open(dataDir, Clock.systemUTC()));
    }

    /** The OPC UA gateway's audit trail: every call into this ledger. */
    CallAuditSink gatewayAudit() {
        return new LedgerCallAudit(ledger);
    }

    DoseLedger doseLedger() {
        return ledger;
    }

    /** A sample of the channel for the session record (the ledger keeps one every 100 ms at most). */
    void sample(KernelSnapshot snapshot) {
        ledger.sample(snapshot);
    }

    /** The file, and what it recovered on opening. */
    String describe() {
        return ledger.file() + (ledger.recoveredOnOpen().isEmpty() ? ""
                : " (recovered after a crash: " + String.join("; ", ledger.recoveredOnOpen()) + ")");
    }

    @Override
    public void close() {
        ledger.close();
    }
}
