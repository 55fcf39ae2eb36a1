package org.galvani.app.ledger;

import static org.galvani.app.ledger.LedgerTreatment.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.galvani.app.session.SessionEvent;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSample;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite ledger records treatments durably and gives them back as sessions. */
class SqliteLedgerTest {

    /** One mA·min in the kernel's units. */
    private static final long MA_MIN = 60_000_000L;

    @TempDir
    Path dir;

    private final TickingClock clock = new TickingClock();

    @Test
    @Verifies({"SRS-APP-030", "SRS-APP-033"})
    void aTreatmentIsRecordedWithItsPrescriptionEventsRunAndDose() {
        Prescription rx = dexamethasone("T-100", 5_000_000L);
        KernelSnapshot done;
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            treatment.deliver(rx);
            assertEquals(Reason.INVALID_STATE, treatment.decide(treatment.channel().start("nurse-8")).reason(),
                    "a second START is refused");
            done = treatment.tickUntil(s -> s.state() == KernelState.COMPLETE, 20_000, "complete");
            treatment.ticks(5);

            SessionRecord record = ledger.session("T-100").orElseThrow();
            SessionSummary summary = record.summary();
            assertEquals(rx, summary.prescription(), "the prescription as armed");
            assertEquals(LedgerTreatment.CHANNEL, summary.channelId());
            assertEquals("ledger-test", summary.profileName());
            assertEquals("sim", summary.driverName());
            assertEquals(KernelState.COMPLETE, summary.lastState());
            assertNotNull(summary.endedAt());
            assertTrue(summary.startedAt().isBefore(summary.endedAt()));
            assertEquals(done.deliveredDoseMicroampMillis(), summary.recordedDoseMicroampMillis());
            assertEquals(done.deliveredDoseMicroampMillis(), summary.countedDoseMicroampMillis());
            assertFalse(summary.recovered());
            assertEquals(done.deliveredDoseMicroampMillis(), ledger.deliveredMicroampMillis("T-100"));

            List<SessionEvent> events = record.events();
            SessionEvent armAccepted = events.get(0);
            assertEquals(KernelEventType.REQUEST_ACCEPTED, armAccepted.type(), "the ARM's decision belongs to it");
            assertEquals(RequestKind.ARM, armAccepted.request());
            assertEquals("nurse-7", armAccepted.origin(), "the requesting user");
            assertTrue(events.stream().allMatch(e -> e.run() == 1), "one run");
            assertTrue(events.stream().anyMatch(e -> e.type() == KernelEventType.REQUEST_REFUSED
                    && "nurse-8".equals(e.origin()) && e.reason() == Reason.INVALID_STATE), "refusals with their reason");
            assertTrue(events.stream().anyMatch(e -> e.type() == KernelEventType.DOSE_CHECKPOINT));
            assertEquals(KernelState.COMPLETE, events.get(events.size() - 1).current());

            List<SessionSample> samples = record.samples();
            assertTrue(samples.size() > 20, "samples for the plots: " + samples.size());
            for (int i = 1; i < samples.size(); i++) {
                assertTrue(samples.get(i).timeMicros() - samples.get(i - 1).timeMicros()
                        >= SqliteLedger.SAMPLE_INTERVAL_MICROS, "at most 10 Hz of runtime time");
            }
            assertTrue(samples.stream().anyMatch(s -> s.outputEnabled() && s.measuredMicroamps() > 1_000));
        }
        try (SqliteLedger reopened = SqliteLedger.open(dir, clock)) {
            assertEquals(List.of(), reopened.recoveredOnOpen(), "a completed treatment needs no recovery");
            assertEquals(done.deliveredDoseMicroampMillis(), reopened.deliveredMicroampMillis("T-100"), "durable");
            assertEquals(List.of("T-100"), reopened.sessions().stream().map(SessionSummary::treatmentId).toList());
        }
    }

    @Test
    @Verifies("SRS-APP-030")
    void theDatabaseIsInWalModeWithFullSynchronousWrites() throws SQLException {
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock); Statement s = ledger.connection().createStatement()) {
            assertEquals("wal", single(s, "PRAGMA journal_mode"));
            assertEquals("2", single(s, "PRAGMA synchronous"), "2 = FULL");
            assertEquals(dir.resolve(SqliteLedger.FILE_NAME), ledger.file());
        }
    }

    @Test
    @Verifies(value = "SRS-APP-032", version = 2)
    void aCrashedTreatmentIsRecoveredWithADoseThatNeverUnderCounts() {
        long deliveredAtCrash;
        long trueCharge;
        int stageMax;
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            treatment.deliver(dexamethasone("T-200", 20 * MA_MIN));
            // Crash between two checkpoints: the last 700 ms are in no checkpoint.
            treatment.tickUntil(s -> s.timeMicros() % 1_000_000 == 300_000, 2_000, "just after a checkpoint");
            KernelSnapshot atCrash = treatment.ticks(700);
            deliveredAtCrash = atCrash.deliveredDoseMicroampMillis();
            trueCharge = treatment.trueChargeMicroampMillis();
            stageMax = treatment.stageMaxMicroamps();
        }
        try (SqliteLedger reopened = SqliteLedger.open(dir, clock)) {
            assertEquals(List.of("T-200"), reopened.recoveredOnOpen());
            SessionSummary summary = reopened.session("T-200").orElseThrow().summary();
            assertTrue(summary.recovered(), "marked as recovered");
            assertNull(summary.endedAt(), "it never reached an end state");
            assertEquals(KernelState.DELIVERING, summary.lastState());
            long margin = (long) stageMax * (patchCheckpointMillis() + LedgerTreatment.STAGE_HOLD_MILLIS);
            assertEquals(summary.recordedDoseMicroampMillis() + margin, summary.countedDoseMicroampMillis(),
                    "last checkpoint + maximum current x (checkpoint interval + stage hold)");
            assertTrue(summary.recordedDoseMicroampMillis() < deliveredAtCrash, "the last 700 ms were unrecorded");
            assertTrue(summary.countedDoseMicroampMillis() >= deliveredAtCrash, "never under the kernel's count");
            assertTrue(summary.countedDoseMicroampMillis() >= trueCharge, "never under what really flowed");
            assertEquals(summary.countedDoseMicroampMillis(), reopened.deliveredMicroampMillis("T-200"),
                    "the next ARM counts the recovered dose");
        }
        try (SqliteLedger again = SqliteLedger.open(dir, clock)) {
            assertEquals(List.of(), again.recoveredOnOpen(), "recovered once, not on every opening");
        }
    }

    @Test
    @Verifies(value = "SRS-APP-032", version = 2)
    @Verifies("SRS-APP-035")
    void aRecoveredTreatmentRestartsAsRunTwoWithItsRecoveredDoseCounted() {
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            treatment.deliver(dexamethasone("T-300", 20 * MA_MIN));
            treatment.ticks(2_500);
        }
        long counted;
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            counted = ledger.deliveredMicroampMillis("T-300");
            KernelSnapshot delivering = treatment.deliver(dexamethasone("T-300", 20 * MA_MIN));
            assertTrue(delivering.deliveredDoseMicroampMillis() >= counted, "the kernel starts from the recovered dose");
            treatment.ticks(1_500);
            treatment.decide(treatment.channel().stop("nurse-7"));
            treatment.tickUntil(s -> s.state() == KernelState.COMPLETE, 5_000, "stopped");
            treatment.ticks(2);

            SessionRecord record = ledger.session("T-300").orElseThrow();
            assertTrue(record.summary().recovered(), "still marked: it was interrupted once");
            assertNotNull(record.summary().endedAt(), "run 2 ended");
            assertEquals(Set.of(1, 2), record.events().stream().map(SessionEvent::run).collect(Collectors.toSet()));
            assertEquals(Set.of(1, 2), record.samples().stream().map(SessionSample::run).collect(Collectors.toSet()));
            assertTrue(record.summary().recordedDoseMicroampMillis() > counted);
        }
    }

    @Test
    @Verifies(value = "SRS-APP-032", version = 2)
    @Verifies("SRS-APP-035")
    void aRecoveredTreatmentWhoseCapWouldBeExceededCannotBeRestarted() {
        // Time-based, with a cap that one 10-minute session at 2 mA just fits: 20 mA·min plus a little.
        var profile = org.galvani.kernel.DeviceProfile.tapWaterHyperhidrosis().toBuilder().name("ledger-test-tap")
                .minRampMillis(1_000).contactConfirmMillis(100).contactWindowOhms(300, 50_000)
                .hardCapMicroampMillis(20 * MA_MIN + MA_MIN / 10).build();
        Prescription rx = Prescription.builder("T-400").drug(org.galvani.kernel.DrugTable.TAP_WATER)
                .activeElectrode(org.galvani.kernel.Polarity.ANODE).targetMicroamps(2_000).electrodeAreaMm2(30_000)
                .durationMillis(10 * 60_000L).rampMillis(1_000).build();
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(ledger, profile)) {
            treatment.deliver(rx);
            treatment.ticks(500);
        }
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(ledger, profile)) {
            RequestOutcome restart = treatment.arm(rx);
            assertFalse(restart.accepted());
            assertEquals(Reason.DOSE_ABOVE_CAP, restart.reason(), restart.describe());

            SessionRecord record = ledger.session("T-400").orElseThrow();
            SessionEvent refusal = record.events().get(record.events().size() - 1);
            assertEquals(KernelEventType.REQUEST_REFUSED, refusal.type(), "the refusal is in the treatment's record");
            assertEquals(Reason.DOSE_ABOVE_CAP, refusal.reason());
            assertEquals(1, refusal.run(), "no second run");
            assertTrue(record.summary().recovered());

            RequestOutcome fresh = treatment.arm(Prescription.builder("T-401").drug(rx.drug())
                    .activeElectrode(rx.activeElectrode()).targetMicroamps(2_000).electrodeAreaMm2(30_000)
                    .durationMillis(10 * 60_000L).rampMillis(1_000).build());
            assertTrue(fresh.accepted(), "the same session without a recovered dose fits: " + fresh.describe());
        }
        try (SqliteLedger reopened = SqliteLedger.open(dir, clock)) {
            assertEquals(List.of("T-401"), reopened.recoveredOnOpen(), "T-401 was armed when the runtime ended");
            assertTrue(reopened.session("T-400").orElseThrow().summary().countedDoseMicroampMillis() > 0);
        }
    }

    @Test
    @Verifies("SRS-APP-030")
    void aTreatmentStillRunningOnOneChannelCannotBeArmedOnAnother() {
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment left = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            left.deliver(dexamethasone("T-500", 20 * MA_MIN));
            org.galvani.kernel.port.TreatmentArming elsewhere = new org.galvani.kernel.port.TreatmentArming("ch1", 1,
                    dexamethasone("T-500", 20 * MA_MIN), "nurse-9", "ledger-test", "sim", 25_000, 1_000, 500);
            LedgerException e = assertThrows(LedgerException.class, () -> ledger.arming(elsewhere));
            assertEquals("treatment T-500 is still running on channel ch0; it cannot be armed on channel ch1",
                    e.getMessage());
        }
    }

    private static long patchCheckpointMillis() {
        return LedgerTreatment.patch().checkpointIntervalMillis();
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
