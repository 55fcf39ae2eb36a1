package org.galvani.app.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.galvani.app.ledger.SqliteLedger;

/** Reads the ledger of a data directory from outside the process that writes it, as a restart would. */
final class LedgerProbe {

    private LedgerProbe() {
    }

    /**
     * The dose counted for {@code treatment} (µA·ms), 0 before any ledger exists. Opening the ledger (no
     * process holds it after a kill) recovers the treatments a crash interrupted; a ledger that does not
     * open cleanly throws.
     */
    static long delivered(Path data, String treatment) {
        if (!Files.exists(data.resolve(SqliteLedger.FILE_NAME))) {
            return 0L;
        }
        try (SqliteLedger ledger = SqliteLedger.open(data, Clock.systemUTC())) {
            return ledger.deliveredMicroampMillis(treatment);
        }
    }
}
