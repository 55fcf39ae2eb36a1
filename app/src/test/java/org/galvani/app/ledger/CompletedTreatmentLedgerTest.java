package org.galvani.app.ledger;

import static org.galvani.app.ledger.LedgerTreatment.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.galvani.app.session.SessionEvent;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A treatment that completed is never delivered again under its ID, across closing and reopening the
 * ledger; one interrupted by a crash or ended by a fault resumes.
 */
class CompletedTreatmentLedgerTest {

    /** One mA·min in the kernel's units. */
    private static final long MA_MIN = 60_000_000L;
    /** Longer than the patch profile's tick-gap limit: the watchdog latches a fault. */
    private static final long STALL_MICROS = 200_000L;

    @TempDir
    Path dir;

    private final TickingClock clock = new TickingClock();

    /** Delivers {@code rx} to its end and closes cleanly. */
    private KernelSnapshot completeAndClose(SqliteLedger ledger, Prescription rx) {
        LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch());
        treatment.deliver(rx);
        KernelSnapshot done = treatment.tickUntil(s -> s.state() == KernelState.COMPLETE, 200_000, "complete");
        treatment.ticks(5);
        treatment.closeCleanly();
        return done;
    }

    @Test
    @Verifies("SRS-APP-067")
    void aCompletedTreatmentIsRefusedAfterReopeningAndItsRecordStaysAsItWas() {
        Prescription rx = dexamethasone("T-500", MA_MIN / 2);
        KernelSnapshot done;
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock)) {
            done = completeAndClose(ledger, rx);
            assertTrue(ledger.completed("T-500"));
        }
        assertTrue(done.deliveredDoseMicroampMillis() < rx.doseMicroampMillis(), "completed a ramp-down short of it");

        try (SqliteLedger reopened = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(reopened, LedgerTreatment.patch())) {
            assertTrue(reopened.completed("T-500"), "durable");
            assertFalse(reopened.completed("T-501"), "an unknown treatment");
            assertFalse(reopened.completed(null));
            SessionSummary before = reopened.session("T-500").orElseThrow().summary();

            RequestOutcome again = treatment.arm(rx);
            assertEquals(Reason.TREATMENT_ALREADY_COMPLETED, again.reason(), again.describe());
            // A larger dose, on another stage: still the same treatment, still refused.
            RequestOutcome topUp = treatment.arm(dexamethasone("T-500", MA_MIN));
            assertEquals(Reason.TREATMENT_ALREADY_COMPLETED, topUp.reason(), topUp.describe());
            treatment.ticks(100);
            assertEquals(KernelState.IDLE, treatment.channel().snapshot().state());

            SessionRecord record = reopened.session("T-500").orElseThrow();
            assertEquals(before, record.summary(), "nothing of its record changed");
            List<SessionEvent> refusals = record.events().stream()
                    .filter(e -> e.type() == KernelEventType.REQUEST_REFUSED).toList();
            assertEquals(2, refusals.size(), "both refusals are in the treatment's record");
            assertTrue(refusals.stream().allMatch(e -> e.reason() == Reason.TREATMENT_ALREADY_COMPLETED && e.run() == 1
                    && "nurse-7".equals(e.origin())), refusals.toString());
            assertEquals(done.deliveredDoseMicroampMillis(), reopened.deliveredMicroampMillis("T-500"),
                    "no dose was added");
        }
        try (SqliteLedger again = SqliteLedger.open(dir, clock)) {
            assertEquals(List.of(), again.recoveredOnOpen(), "the refused ARMs left no open run");
        }
    }

    @Test
    @Verifies("SRS-APP-067")
    void aTreatmentInterruptedByACrashResumesAndOnceCompletedIsRefused() {
        // Enough dose that the recovered count (with its bound) leaves some to deliver.
        Prescription rx = dexamethasone("T-600", 3 * MA_MIN);
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            treatment.deliver(rx);
            treatment.ticks(1_000);
        }
        try (SqliteLedger reopened = SqliteLedger.open(dir, clock)) {
            assertEquals(List.of("T-600"), reopened.recoveredOnOpen());
            assertFalse(reopened.completed("T-600"), "a crash does not complete a treatment");
            KernelSnapshot done = completeAndClose(reopened, rx);
            assertTrue(done.deliveredDoseMicroampMillis() <= rx.doseMicroampMillis());
            assertTrue(reopened.completed("T-600"), "completed in its second run");
        }
        try (SqliteLedger reopened = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(reopened, LedgerTreatment.patch())) {
            assertEquals(Reason.TREATMENT_ALREADY_COMPLETED, treatment.arm(rx).reason());
        }
    }

    @Test
    @Verifies("SRS-APP-067")
    void aTreatmentEndedByAFaultResumes() {
        Prescription rx = dexamethasone("T-700", 20 * MA_MIN);
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock)) {
            LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch());
            treatment.deliver(rx);
            treatment.ticks(500);
            assertEquals(KernelState.FAULT, treatment.stall(STALL_MICROS).state());
            treatment.ticks(20);
            treatment.closeCleanly();
        }
        try (SqliteLedger reopened = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(reopened, LedgerTreatment.patch())) {
            assertEquals(List.of(), reopened.recoveredOnOpen(), "closed cleanly, a stage hold after the fault");
            assertEquals(KernelState.FAULT, reopened.session("T-700").orElseThrow().summary().lastState());
            assertFalse(reopened.completed("T-700"), "a fault does not complete a treatment");
            RequestOutcome resumed = treatment.arm(rx);
            assertTrue(resumed.accepted(), resumed.describe());
            assertEquals(reopened.deliveredMicroampMillis("T-700"), treatment.channel().snapshot().deliveredDoseMicroampMillis(),
                    "from the dose it had");
        }
    }
}
