package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.decided;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.port.TreatmentArming;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * The ledger records every event and every prescription, not only the dose: a treatment whose
 * prescription cannot be recorded never starts, and one whose events cannot be recorded is ended.
 */
class LedgerRecordingTest {

    private static final String CHANNEL = "left";

    private final RecordingLedger ledger = new RecordingLedger();
    private final RecordingSink sink = new RecordingSink();

    private KernelRuntime runtime(int stageHoldMillis) {
        return KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS)
                .ledger(ledger)
                .sink(sink)
                .stageHoldMillis(stageHoldMillis)
                .channel(CHANNEL, RuntimeFixtures.profile(), new RecordingDriver())
                .build();
    }

    @Test
    @Verifies("SRS-KRN-038")
    void theLedgerRecordsEveryEventInTheOrderTheSinksSeeThem() {
        try (KernelRuntime runtime = runtime(KernelRuntime.DEFAULT_STAGE_HOLD_MILLIS)) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.deliver(dexamethasone("T-1"));
            run.channel().start("nurse"); // refused: already delivering
            run.channel().stop("nurse");
            run.tickUntil(s -> s.state() == KernelState.COMPLETE, 5_000, "ramped down");

            assertEquals(sink.events(), ledger.records(), "the same events, in the same order");
            assertTrue(ledger.records().stream().anyMatch(e -> e.event().type() == KernelEventType.REQUEST_REFUSED
                    && "nurse".equals(e.origin())), "refusals with the requesting user");
            assertTrue(ledger.records().stream().anyMatch(e -> e.event().type() == KernelEventType.DOSE_CHECKPOINT));
        }
    }

    @Test
    @Verifies({"SRS-KRN-038", "SRS-KRN-039"})
    void theArmingIsRecordedWithItsCrashBoundBeforeTheKernelDecides() {
        try (KernelRuntime runtime = runtime(250)) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            Prescription rx = dexamethasone("T-1");
            CompletableFuture<RequestOutcome> arm = run.channel().arm(rx, "nurse");

            assertFalse(arm.isDone(), "not decided yet");
            assertEquals(1, ledger.armings().size(), "recorded on the caller's thread, before the kernel saw it");
            TreatmentArming arming = ledger.armings().get(0);
            run.tick();
            int hardwareMax = new RecordingDriver().capabilities().maxCurrentMicroamps();
            assertEquals(new TreatmentArming(CHANNEL, decided(arm).requestId(), rx, "nurse", "runtime-test",
                    new RecordingDriver().capabilities().name(), hardwareMax,
                    RuntimeFixtures.profile().checkpointIntervalMillis(), 250), arming);
            assertEquals("T-1", arming.treatmentId());
            assertEquals((long) hardwareMax * (RuntimeFixtures.profile().checkpointIntervalMillis() + 250),
                    arming.recoveryMarginMicroampMillis());
        }
    }

    @Test
    @Verifies("SRS-KRN-038")
    void anArmWithoutOriginOrPrescriptionIsRecordedAsSuch() {
        try (KernelRuntime runtime = runtime(0)) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            CompletableFuture<RequestOutcome> arm = run.channel().arm(null, null);
            run.tick();

            assertEquals(Reason.INVALID_PRESCRIPTION, decided(arm).reason(), "the kernel refuses it, not the ledger");
            TreatmentArming arming = ledger.armings().get(0);
            assertEquals("unknown", arming.origin());
            assertNull(arming.treatmentId());
            assertEquals(0, arming.stageHoldMillis());
        }
    }

    @Test
    @Verifies("SRS-KRN-038")
    void aPrescriptionThatCannotBeRecordedRefusesTheArm() {
        try (KernelRuntime runtime = runtime(KernelRuntime.DEFAULT_STAGE_HOLD_MILLIS)) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            ledger.failArming(true);
            CompletableFuture<RequestOutcome> arm = run.channel().arm(dexamethasone("T-1"), "nurse");
            run.ticks(3);

            assertEquals(Reason.LEDGER_UNAVAILABLE, decided(arm).reason());
            assertEquals(KernelState.IDLE, run.channel().snapshot().state(), "the kernel never saw the ARM");

            ledger.failArming(false);
            CompletableFuture<RequestOutcome> again = run.channel().arm(dexamethasone("T-1"), "nurse");
            run.tick();
            assertTrue(decided(again).accepted(), "nothing latched: " + decided(again));
        }
    }

    @Test
    @Verifies("SRS-KRN-038")
    void anEventThatCannotBeRecordedEndsTheTreatmentWithARampDown() {
        try (KernelRuntime runtime = runtime(KernelRuntime.DEFAULT_STAGE_HOLD_MILLIS)) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.deliver(dexamethasone("T-1", 20 * RuntimeFixtures.DOSE_MICROAMP_MILLIS));

            ledger.failEventsWithoutDose(true);
            CompletableFuture<RequestOutcome> refused = run.channel().start("nurse");
            run.tick();
            assertEquals(Reason.INVALID_STATE, decided(refused).reason(), "its refusal could not be recorded");
            KernelSnapshot stopping = run.tick();

            assertEquals(KernelState.RAMP_DOWN, stopping.state());
            assertEquals(Reason.RECORDING_FAILED, stopping.lastReason());
            assertTrue(stopping.outputEnabled(), "a ramp-down, not a cut");
            List<ChannelEvent> stop = sink.matching(e -> e.origin().equals("runtime"));
            assertEquals(Reason.RECORDING_FAILED, stop.get(stop.size() - 1).event().reason());
        }
    }

    @Test
    @Verifies("SRS-KRN-039")
    void theStageHoldIsBounded() {
        for (int bad : new int[] {-1, KernelRuntime.MAX_STAGE_HOLD_MILLIS + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runtime(bad));
            assertEquals("runtime: stageHoldMillis must be from 0 to 3600000 ms, was " + bad, e.getMessage());
        }
        runtime(KernelRuntime.MAX_STAGE_HOLD_MILLIS).close();
    }
}
