package org.galvani.app.run;

import java.nio.file.Path;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.port.InMemoryDoseLedger;
import org.galvani.trace.Implements;

/**
 * The seam between {@code galvani run} and the dose ledger it records into: the one place that opens
 * (and closes) the ledger in the data directory.
 */
@Implements("SRS-APP-050")
final class RunLedger implements AutoCloseable {

    private final DoseLedger ledger;
    private final String description;

    private RunLedger(DoseLedger ledger, String description) {
        this.ledger = ledger;
        this.description = description;
    }

    /** Opens the ledger kept in {@code dataDir}. */
    static RunLedger open(Path dataDir) {
        return new RunLedger(new InMemoryDoseLedger(), "in memory (" + dataDir + " not used yet)");
    }

    DoseLedger doseLedger() {
        return ledger;
    }

    String describe() {
        return description;
    }

    @Override
    public void close() {
        // Nothing held open.
    }
}
