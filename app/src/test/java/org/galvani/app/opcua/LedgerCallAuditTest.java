package org.galvani.app.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.galvani.app.ledger.LedgerException;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.opcua.CallRecord;
import org.galvani.opcua.DecidedBy;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every gateway call, accepted or refused, lands in the ledger with its user, arguments and reason. */
class LedgerCallAuditTest {

    private static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    @Verifies("SRS-APP-062")
    void acceptedAndRefusedCallsAreKeptWithUserArgumentsAndReason() {
        CallRecord arm = new CallRecord(T0, "dora", "ch0", "Arm",
                List.of("\"dexamethasone-sodium-phosphate\"", "3.0", "40.0", "10.0"), true, "Good", "accepted",
                "opcua-ch0-1", DecidedBy.KERNEL);
        CallRecord refused = new CallRecord(T0.plusMillis(5), "otto", "ch0", "Start", List.of(), false,
                "Bad_InvalidState", "refused: no electrode contact", "opcua-ch0-1", DecidedBy.KERNEL);
        CallRecord elsewhere = new CallRecord(T0.plusMillis(6), "dora", "ch1", "Stop", List.of(), true, "Good",
                "accepted", null, DecidedBy.KERNEL);
        try (SqliteLedger ledger = SqliteLedger.open(dir, Clock.systemUTC())) {
            LedgerCallAudit audit = new LedgerCallAudit(ledger);
            audit.record(arm);
            audit.record(refused);
            audit.record(elsewhere);
        }
        try (SqliteLedger ledger = SqliteLedger.openForReading(dir, Clock.systemUTC())) {
            assertEquals(List.of(arm, refused), ledger.gatewayCalls("ch0", T0, T0.plusSeconds(1)),
                    "read back after reopening, oldest first, one device only");
            assertEquals(List.of(refused), ledger.gatewayCalls("ch0", T0.plusMillis(1), T0.plusSeconds(1)),
                    "only the calls inside the interval");
        }
    }

    @Test
    @Verifies("SRS-APP-062")
    void aLedgerThatCannotBeWrittenIsReportedNotSwallowed() {
        SqliteLedger ledger = SqliteLedger.open(dir, Clock.systemUTC());
        ledger.close();
        LedgerCallAudit audit = new LedgerCallAudit(ledger);
        LedgerException e = assertThrows(LedgerException.class, () -> audit.record(
                new CallRecord(T0, "dora", "ch0", "Stop", List.of(), true, "Good", "accepted", null, DecidedBy.KERNEL)));
        assertTrue(e.getMessage().contains(SqliteLedger.FILE_NAME) && e.getMessage().contains("dora called ch0.Stop"),
                e.getMessage());
    }
}
