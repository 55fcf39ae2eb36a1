package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.DOSE_MICROAMP_MILLIS;
import static org.galvani.kernel.runtime.RuntimeFixtures.TICKS_TO_CONFIRM_CONTACT;
import static org.galvani.kernel.runtime.RuntimeFixtures.decided;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * A whole treatment through the channel's request API in simulated time: the futures carry the kernel's
 * decisions, the events name who asked, and the dose ledger receives every checkpoint and the final dose,
 * so that a restarted runtime counts the dose already delivered.
 */
class SimulatedTreatmentTest {

    private static final String CHANNEL = "left";
    private static final String NURSE = "nurse-station";
    private static final String TABLET = "tablet-7";

    private final RecordingLedger ledger = new RecordingLedger();
    private final RecordingSink sink = new RecordingSink();

    private KernelRuntime runtime() {
        return RuntimeFixtures.runtime(CHANNEL, ledger, sink);
    }

    @Test
    @Verifies("SRS-KRN-030")
    void requestFuturesCompleteWithTheKernelsDecisionsInTheNextTick() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();

            CompletableFuture<RequestOutcome> arm = run.channel().arm(dexamethasone("T-100"), NURSE);
            assertFalse(arm.isDone(), "a request is decided by the kernel in its next tick, not on the caller's thread");
            run.tick();
            assertDecision(decided(arm), true, Reason.NONE);
            assertEquals(KernelState.ARMED, run.channel().snapshot().state());

            RequestOutcome tooEarly = decided(startAndTick(run));
            assertDecision(tooEarly, false, Reason.CONTACT_NOT_CONFIRMED);
            assertEquals(KernelState.ARMED, tooEarly.stateAtDecision());

            run.ticks(TICKS_TO_CONFIRM_CONTACT);
            assertDecision(decided(startAndTick(run)), true, Reason.NONE);
            assertEquals(KernelState.RAMP_UP, run.channel().snapshot().state());

            run.ticks(100);
            assertDecision(decided(submitAndTick(run, run.channel().stop(NURSE))), true, Reason.NONE);
            assertEquals(KernelState.RAMP_DOWN, run.channel().snapshot().state());

            RequestOutcome invalid = decided(submitAndTick(run, run.channel().start(TABLET)));
            assertDecision(invalid, false, Reason.INVALID_STATE);
            assertEquals(KernelState.RAMP_DOWN, invalid.stateAtDecision());

            List<Long> ids = List.of(decided(arm).requestId(), tooEarly.requestId(), invalid.requestId());
            assertEquals(ids.stream().distinct().count(), ids.size(), "every request has its own ID: " + ids);
        }
    }

    @Test
    @Verifies({"SRS-KRN-030", "SRS-KRN-032"})
    void aWholeTreatmentReachesTheSinksWithItsOriginsAndTheLedgerWithEveryCheckpoint() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            RequestOutcome armed = decided(submitAndTick(run, run.channel().arm(dexamethasone("T-100"), NURSE)));
            run.ticks(TICKS_TO_CONFIRM_CONTACT);
            RequestOutcome started = decided(startAndTick(run));
            assertTrue(armed.accepted() && started.accepted(), armed + " / " + started);

            KernelSnapshot complete = run.tickUntil(s -> s.state() == KernelState.COMPLETE, 10_000, "treatment complete");

            List<ChannelEvent> events = sink.events();
            assertAll("every event names the channel",
                    events.stream().map(e -> () -> assertEquals(CHANNEL, e.channelId(), e.toString())));
            assertOrigins(events, armed.requestId(), NURSE, RequestKind.ARM, KernelEventType.REQUEST_ACCEPTED,
                    KernelEventType.STATE_CHANGED);
            assertOrigins(events, started.requestId(), TABLET, RequestKind.START, KernelEventType.REQUEST_ACCEPTED,
                    KernelEventType.STATE_CHANGED);
            assertEquals("START accepted (request#" + started.requestId() + ")",
                    sink.matching(e -> e.event().requestId() == started.requestId()).get(0).describe());
            List<ChannelEvent> kernelsOwn = sink.matching(e -> e.event().requestId() == 0L);
            assertTrue(kernelsOwn.stream().anyMatch(e -> e.event().reason() == Reason.TARGET_REACHED), "target reached");
            assertTrue(kernelsOwn.stream().anyMatch(e -> e.event().reason() == Reason.DOSE_REACHED), "dose reached");
            assertTrue(kernelsOwn.stream().anyMatch(e -> e.event().type() == KernelEventType.DOSE_CHECKPOINT),
                    "dose checkpoints");
            assertAll("the kernel's own decisions are attributed to the kernel",
                    kernelsOwn.stream().map(e -> () -> assertEquals("kernel", e.origin(), e.toString())));
            assertAll("and answer no request", kernelsOwn.stream().map(e -> () -> assertNull(e.request(), e.toString())));

            // The ledger holds exactly the treatment's checkpoints and state changes, in order, ending on the final dose.
            List<KernelEvent> recordable = events.stream().map(ChannelEvent::event)
                    .filter(e -> e.treatmentId() != null)
                    .filter(e -> e.type() == KernelEventType.DOSE_CHECKPOINT || e.type() == KernelEventType.STATE_CHANGED)
                    .toList();
            List<RecordingLedger.Write> writes = ledger.writes();
            assertEquals(recordable.stream().map(e -> e.timeMicros() + ":" + e.deliveredMicroampMillis()).toList(),
                    writes.stream().map(w -> w.timeMicros() + ":" + w.deliveredMicroampMillis()).toList());
            assertTrue(writes.stream().allMatch(w -> w.channelId().equals(CHANNEL) && w.treatmentId().equals("T-100")));
            assertTrue(writes.stream().filter(w -> w.deliveredMicroampMillis() > 0).count() >= 3,
                    "checkpoints while the dose grows: " + writes);
            long finalDose = complete.deliveredDoseMicroampMillis();
            assertTrue(finalDose > DOSE_MICROAMP_MILLIS * 9 / 10 && finalDose <= DOSE_MICROAMP_MILLIS,
                    "final dose " + finalDose);
            assertEquals(finalDose, writes.get(writes.size() - 1).deliveredMicroampMillis());
            assertEquals(finalDose, ledger.deliveredMicroampMillis("T-100"));
        }
    }

    @Test
    @Verifies("SRS-KRN-030")
    void aStateChangeKeepsItsOriginWhenAnotherThreadsRefusalLandsInBetween() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            Channel channel = run.channel();
            // Another UI's ARM is refused by the runtime (ledger unreadable) between the kernel's acceptance
            // of the nurse's ARM and the state change that follows it in the same tick.
            CompletableFuture<CompletableFuture<RequestOutcome>> kiosk = new CompletableFuture<>();
            KernelSinkInjection.afterNextAcceptance(channel, () -> {
                ledger.failReads(true);
                kiosk.complete(channel.arm(dexamethasone("T-900"), "kiosk"));
                ledger.failReads(false);
            });

            CompletableFuture<RequestOutcome> arm = channel.arm(dexamethasone("T-100"), NURSE);
            run.tick();

            assertTrue(decided(arm).accepted());
            assertEquals(Reason.LEDGER_UNAVAILABLE, decided(kiosk.join()).reason());
            List<KernelEventType> order = sink.events().stream().map(e -> e.event().type()).toList();
            assertEquals(List.of(KernelEventType.REQUEST_ACCEPTED, KernelEventType.REQUEST_REFUSED,
                    KernelEventType.STATE_CHANGED), order, "the interleaving happened");
            assertOrigins(sink.events(), decided(arm).requestId(), NURSE, RequestKind.ARM, KernelEventType.REQUEST_ACCEPTED,
                    KernelEventType.STATE_CHANGED);
        }
    }

    @Test
    @Verifies({"SRS-KRN-032", "SRS-KRN-041"})
    void aRestartedRuntimeCountsTheDoseTheLedgerHoldsAndNeverDeliversACompletedTreatmentAgain() {
        long firstSession;
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            decided(submitAndTick(run, run.channel().arm(dexamethasone("T-100"), NURSE)));
            run.ticks(TICKS_TO_CONFIRM_CONTACT);
            decided(startAndTick(run));
            run.tickUntil(s -> s.state() == KernelState.DELIVERING, 10_000, "first session delivering");
        }
        // Closed while delivering (its closing checkpoint records the kernel's count): not completed.
        firstSession = ledger.deliveredMicroampMillis("T-100");
        assertTrue(firstSession > 0 && !ledger.completed("T-100"), "interrupted at " + firstSession);

        try (KernelRuntime restarted = runtime()) {
            SimulatedRun run = new SimulatedRun(restarted, CHANNEL);
            run.tick();
            RequestOutcome rearmed = decided(submitAndTick(run, run.channel().arm(dexamethasone("T-100"), NURSE)));
            assertTrue(rearmed.accepted(), rearmed.describe());
            assertEquals(firstSession, run.channel().snapshot().deliveredDoseMicroampMillis(),
                    "the restarted kernel starts from the dose the ledger holds, not from zero");

            run.ticks(TICKS_TO_CONFIRM_CONTACT);
            decided(startAndTick(run));
            KernelSnapshot complete = run.tickUntil(s -> s.state() == KernelState.COMPLETE, 10_000, "second session");
            assertTrue(complete.deliveredDoseMicroampMillis() <= DOSE_MICROAMP_MILLIS,
                    "both sessions together stay within the prescription: " + complete.deliveredDoseMicroampMillis());
            assertTrue(complete.deliveredDoseMicroampMillis() < DOSE_MICROAMP_MILLIS, "completed a ramp-down short of it");
        }
        long completed = ledger.deliveredMicroampMillis("T-100");
        assertTrue(ledger.completed("T-100"), "the ledger holds that it completed");

        try (KernelRuntime third = runtime()) {
            SimulatedRun run = new SimulatedRun(third, CHANNEL);
            run.tick();
            RequestOutcome again = decided(submitAndTick(run, run.channel().arm(dexamethasone("T-100"), NURSE)));
            assertDecision(again, false, Reason.TREATMENT_ALREADY_COMPLETED);
            assertEquals(KernelState.IDLE, run.channel().snapshot().state());
            run.ticks(100);
        }
        assertEquals(completed, ledger.deliveredMicroampMillis("T-100"), "no top-up of the small remainder");
    }

    @Test
    @Verifies("SRS-KRN-032")
    void armReadsThePriorDoseFromTheLedgerOnTheRequestingThread() {
        long prior = 1_200_000L;
        ledger.checkpoint("elsewhere", "T-200", 0L, prior);
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();

            int readsBefore = ledger.readThreads().size();
            CompletableFuture<RequestOutcome> alreadyGiven = run.channel().arm(dexamethasone("T-200", prior), NURSE);
            List<String> reads = ledger.readThreads();
            assertEquals(readsBefore + 1, reads.size(), "the ledger is read inside arm(), before it returns");
            assertEquals(Thread.currentThread().getName(), reads.get(reads.size() - 1));
            run.tick();
            assertEquals(Reason.DOSE_ALREADY_DELIVERED, decided(alreadyGiven).reason());

            RequestOutcome topUp = decided(submitAndTick(run, run.channel().arm(dexamethasone("T-200", 2 * prior), NURSE)));
            assertTrue(topUp.accepted(), topUp.describe());
            assertEquals(prior, run.channel().snapshot().deliveredDoseMicroampMillis());
        }
    }

    private static void assertDecision(RequestOutcome outcome, boolean accepted, Reason reason) {
        assertEquals(accepted, outcome.accepted(), outcome.toString());
        assertEquals(reason, outcome.reason(), outcome.toString());
    }

    private static CompletableFuture<RequestOutcome> startAndTick(SimulatedRun run) {
        return submitAndTick(run, run.channel().start(TABLET));
    }

    private static CompletableFuture<RequestOutcome> submitAndTick(SimulatedRun run, CompletableFuture<RequestOutcome> f) {
        run.tick();
        return f;
    }

    /** The request's decision and its consequences carry its origin, and are all there. */
    private static void assertOrigins(List<ChannelEvent> events, long requestId, String origin, RequestKind kind,
                                      KernelEventType... types) {
        List<ChannelEvent> ofRequest = events.stream().filter(e -> e.event().requestId() == requestId).toList();
        assertEquals(List.of(types), ofRequest.stream().map(e -> e.event().type()).toList(), ofRequest.toString());
        assertAll(ofRequest.stream().map(e -> () -> assertEquals(origin, e.origin(), e.toString())));
        assertAll(ofRequest.stream().map(e -> () -> assertEquals(kind, e.request(), e.toString())));
    }
}
