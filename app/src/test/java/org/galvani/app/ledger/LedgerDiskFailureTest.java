package org.galvani.app.ledger;

import static org.galvani.app.ledger.LedgerTreatment.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fails under a running treatment: the database turns read-only ({@code query_only}, writes
 * fail with SQLITE_READONLY) or may not grow any further ({@code max_page_count}: SQLITE_FULL, as a full
 * disk). The kernel ends the treatment with a ramp-down, the failure is reported, and no new treatment
 * starts until the ledger writes again.
 */
class LedgerDiskFailureTest {

    @TempDir
    Path dir;

    @Test
    @Verifies({"SRS-APP-036", "SRS-KRN-038"})
    void aReadOnlyDatabaseEndsTheRunningTreatmentWithARampDownAndRefusesNewOnes() throws SQLException {
        try (SqliteLedger ledger = SqliteLedger.open(dir, new TickingClock());
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            treatment.deliver(dexamethasone("T-1", 1_200_000_000L));
            pragma(ledger, "query_only = 1");

            KernelSnapshot stopping = treatment.tickUntil(s -> s.lastReason() == Reason.RECORDING_FAILED, 3_000,
                    "the next write fails");
            assertEquals(KernelState.RAMP_DOWN, stopping.state(), "ended safely");
            assertTrue(stopping.outputEnabled() && stopping.setpointMicroamps() > 0, "a ramp-down, not a cut");
            KernelSnapshot ended = treatment.tickUntil(s -> s.state() == KernelState.COMPLETE, 5_000, "ramped down");
            assertFalse(ended.outputEnabled());

            RequestOutcome refused = treatment.arm(dexamethasone("T-2", 60_000_000L));
            assertEquals(Reason.LEDGER_UNAVAILABLE, refused.reason(), "no treatment starts unrecorded");
            LedgerException failure = assertThrows(LedgerException.class, () -> ledger.checkpoint("ch0", "T-1", 0, 1));
            assertTrue(failure.getMessage().startsWith(dir.resolve(SqliteLedger.FILE_NAME)
                    + ": cannot record a dose checkpoint of treatment T-1: "), "names the file: " + failure.getMessage());

            pragma(ledger, "query_only = 0");
            RequestOutcome accepted = treatment.arm(dexamethasone("T-2", 60_000_000L));
            assertTrue(accepted.accepted(), "the ledger writes again: " + accepted.describe());
            assertTrue(ledger.session("T-2").isPresent());
        }
    }

    @Test
    @Verifies({"SRS-APP-036", "SRS-KRN-038"})
    void aFullDiskEndsTheRunningTreatmentWithARampDown() throws SQLException {
        try (SqliteLedger ledger = SqliteLedger.open(dir, new TickingClock());
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            treatment.deliver(dexamethasone("T-1", 1_200_000_000L));
            long pages;
            try (Statement s = ledger.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            // The database may not grow: the first write that needs a new page fails with SQLITE_FULL.
            pragma(ledger, "max_page_count = " + pages);

            KernelSnapshot stopping = treatment.tickUntil(s -> s.lastReason() == Reason.RECORDING_FAILED, 300_000,
                    "a write that needs a page fails");
            assertEquals(KernelState.RAMP_DOWN, stopping.state(), "ended safely");
            assertTrue(stopping.outputEnabled() && stopping.setpointMicroamps() > 0, "a ramp-down, not a cut");
            assertFalse(treatment.tickUntil(s -> s.state() == KernelState.COMPLETE, 5_000, "ramped down").outputEnabled());
        }
    }

    @Test
    @Verifies("SRS-APP-033")
    void samplesThatCannotBeWrittenAreCountedAndDroppedWithoutStoppingAnything() throws SQLException {
        try (SqliteLedger ledger = SqliteLedger.open(dir, new TickingClock());
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            treatment.arm(dexamethasone("T-1", 60_000_000L));
            KernelSnapshot armed = treatment.tick();
            pragma(ledger, "query_only = 1");
            for (int i = 0; i < SqliteLedger.SAMPLE_BATCH + 10; i++) {
                ledger.sample(at(armed, armed.timeMicros() + (i + 1) * SqliteLedger.SAMPLE_INTERVAL_MICROS));
            }
            assertEquals(SqliteLedger.SAMPLE_BATCH, ledger.droppedSamples(), "one batch failed and was dropped");
            pragma(ledger, "query_only = 0");
            ledger.sample(at(armed, armed.timeMicros() + (SqliteLedger.SAMPLE_BATCH + 20L) * SqliteLedger.SAMPLE_INTERVAL_MICROS));
            // The tick's own sample of the armed channel was first in the failed batch: 61 kept, 50 dropped.
            assertEquals(12, ledger.session("T-1").orElseThrow().samples().size(), "the next batch was written");
            ledger.sample(at(armed, armed.timeMicros() + (SqliteLedger.SAMPLE_BATCH + 20L) * SqliteLedger.SAMPLE_INTERVAL_MICROS
                    + SqliteLedger.SAMPLE_INTERVAL_MICROS - 1));
            assertEquals(12, ledger.session("T-1").orElseThrow().samples().size(), "closer than 100 ms: not kept");
        }
    }

    private static KernelSnapshot at(KernelSnapshot s, long timeMicros) {
        return new KernelSnapshot(s.channelId(), s.tick(), timeMicros, s.state(), s.setpointMicroamps(), s.outputEnabled(),
                s.polarity(), s.measuredMicroamps(), s.electrodeMillivolts(), s.impedanceOhms(), s.contactOk(),
                s.statusFlags(), s.treatmentId(), s.targetMicroamps(), s.prescribedDoseMicroampMillis(),
                s.deliveredDoseMicroampMillis(), s.outputMicros(), s.lastReason(), s.faultReason(), s.halted());
    }

    private static void pragma(SqliteLedger ledger, String pragma) throws SQLException {
        try (Statement s = ledger.connection().createStatement()) {
            s.execute("PRAGMA " + pragma);
        }
    }
}
