package org.galvani.app.ledger;

import static org.galvani.app.ledger.LedgerTreatment.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault is not a safe end for the crash rule: the output was cut by command, and a stage that does not
 * obey may drive until its own watchdog stops it. Only a clean close, a stage hold time after the fault,
 * closes the run; a crash recovers it with the bound.
 */
class LedgerFaultEndTest {

    private static final long MA_MIN = 60_000_000L;
    /** Longer than the patch profile's tick-gap limit: the watchdog latches a fault. */
    private static final long STALL_MICROS = 200_000L;

    @TempDir
    Path dir;

    private KernelSnapshot faulted(LedgerTreatment treatment, String id) {
        treatment.deliver(dexamethasone(id, 20 * MA_MIN));
        treatment.ticks(500);
        KernelSnapshot fault = treatment.stall(STALL_MICROS);
        assertEquals(KernelState.FAULT, fault.state(), "the stall latched a fault: " + fault);
        return treatment.ticks(20);
    }

    /** The database files as the disk holds them now: what a crash at this moment would leave. */
    private Path diskNow() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("at-crash"));
        for (String suffix : List.of("", "-wal")) {
            Path file = dir.resolve(SqliteLedger.FILE_NAME + suffix);
            if (Files.exists(file)) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    @Test
    @Verifies(value = "SRS-APP-032", version = 2)
    void aCrashAfterAFaultIsRecoveredWithTheBound() throws IOException {
        Path atCrash;
        try (SqliteLedger ledger = SqliteLedger.open(dir, new TickingClock());
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            faulted(treatment, "T-F1");
            // The process dies here: no closing checkpoint, no close of the ledger.
            atCrash = diskNow();
        }
        try (SqliteLedger reopened = SqliteLedger.open(atCrash, new TickingClock())) {
            assertEquals(List.of("T-F1"), reopened.recoveredOnOpen(), "a crash in FAULT is a crash");
            SessionSummary s = reopened.session("T-F1").orElseThrow().summary();
            assertTrue(s.recovered());
            assertEquals(KernelState.FAULT, s.lastState());
            assertTrue(s.countedDoseMicroampMillis() > s.recordedDoseMicroampMillis(), "counted with the bound: " + s);
        }
    }

    @Test
    @Verifies(value = "SRS-APP-032", version = 2)
    void aCleanCloseAStageHoldAfterTheFaultClosesTheRunWithAllItsDose() {
        long counted;
        // The ticking clock moves a second per reading: the close comes well after the 500 ms stage hold.
        try (SqliteLedger ledger = SqliteLedger.open(dir, new TickingClock())) {
            LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch());
            counted = faulted(treatment, "T-F2").deliveredDoseMicroampMillis();
            treatment.closeCleanly();
        }
        try (SqliteLedger reopened = SqliteLedger.open(dir, new TickingClock())) {
            assertEquals(List.of(), reopened.recoveredOnOpen(), "a clean close is no crash");
            SessionSummary s = reopened.session("T-F2").orElseThrow().summary();
            assertEquals(KernelState.FAULT, s.lastState());
            assertNotNull(s.endedAt(), "the run is closed");
            assertEquals(counted, s.recordedDoseMicroampMillis(), "the closing checkpoint recorded all of the count");
            assertEquals(counted, s.countedDoseMicroampMillis());
        }
    }

    @Test
    @Verifies(value = "SRS-APP-032", version = 2)
    void aCleanCloseWithinTheStageHoldOfTheFaultLeavesTheRunToTheBound() {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);
        try (SqliteLedger ledger = SqliteLedger.open(dir, frozen)) {
            LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch());
            faulted(treatment, "T-F3");
            treatment.closeCleanly();
        }
        try (SqliteLedger reopened = SqliteLedger.open(dir, frozen)) {
            assertEquals(List.of("T-F3"), reopened.recoveredOnOpen(),
                    "the stage may still have driven after the close: counted with the bound");
        }
    }
}
