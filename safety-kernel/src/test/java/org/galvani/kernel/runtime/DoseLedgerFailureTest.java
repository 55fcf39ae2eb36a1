package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.TARGET_MICROAMPS;
import static org.galvani.kernel.runtime.RuntimeFixtures.decided;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * A treatment never runs unrecorded: a dose ledger that cannot be read refuses the ARM; one that cannot
 * be written ends the running treatment with a ramp-down and refuses new ARMs until a write succeeds.
 */
class DoseLedgerFailureTest {

    private static final String CHANNEL = "left";

    private final RecordingLedger ledger = new RecordingLedger();
    private final RecordingSink sink = new RecordingSink();

    private KernelRuntime runtime() {
        return RuntimeFixtures.runtime(CHANNEL, ledger, sink);
    }

    @Test
    @Verifies("SRS-KRN-032")
    void anUnreadableLedgerRefusesTheArm() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            ledger.failReads(true);

            CompletableFuture<RequestOutcome> arm = run.channel().arm(dexamethasone("T-1"), "nurse");
            run.ticks(3);

            assertEquals(new RequestOutcome(decided(arm).requestId(), false, Reason.LEDGER_UNAVAILABLE, KernelState.IDLE),
                    decided(arm));
            assertEquals(KernelState.IDLE, run.channel().snapshot().state(), "the kernel never saw the ARM");
            List<ChannelEvent> refusals = sink.matching(e -> e.event().reason() == Reason.LEDGER_UNAVAILABLE);
            assertEquals(1, refusals.size(), "the refusal is reported like the kernel's own");
            assertEquals(KernelEventType.REQUEST_REFUSED, refusals.get(0).event().type());
            assertEquals("nurse", refusals.get(0).origin());

            ledger.failReads(false);
            CompletableFuture<RequestOutcome> again = run.channel().arm(dexamethasone("T-1"), "nurse");
            run.tick();
            assertTrue(decided(again).accepted(), "a read failure latches nothing: " + decided(again));
        }
    }

    @Test
    @Verifies("SRS-KRN-032")
    void aFailedWriteEndsTheTreatmentWithARampDownAndRefusesArmsUntilAWriteSucceeds() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            Channel channel = run.channel();
            run.deliver(dexamethasone("T-1", 20 * RuntimeFixtures.DOSE_MICROAMP_MILLIS));

            ledger.failWrites(true);
            run.tickUntil(s -> ledger.failedWrites() > 0, 2_000, "the next checkpoint fails to write");
            KernelSnapshot stopping = run.tick();

            assertEquals(KernelState.RAMP_DOWN, stopping.state());
            assertEquals(Reason.RECORDING_FAILED, stopping.lastReason());
            assertTrue(stopping.outputEnabled() && stopping.setpointMicroamps() >= TARGET_MICROAMPS - 2,
                    "a ramp-down, not a cut: " + stopping);
            List<ChannelEvent> stop = sink.matching(e -> e.origin().equals("runtime"));
            assertEquals(List.of(KernelEventType.REQUEST_ACCEPTED, KernelEventType.STATE_CHANGED),
                    stop.stream().map(e -> e.event().type()).toList(), "a SYSTEM_STOP from the runtime: " + stop);
            assertEquals(Reason.RECORDING_FAILED, stop.get(1).event().reason());

            CompletableFuture<RequestOutcome> whileFailing = channel.arm(dexamethasone("T-2"), "nurse");
            run.tick();
            assertEquals(Reason.LEDGER_UNAVAILABLE, decided(whileFailing).reason());

            // The ledger recovers during the ramp-down: its next write (a checkpoint or the end) succeeds.
            ledger.failWrites(false);
            int writesBefore = ledger.writes().size();
            KernelSnapshot complete = run.tickUntil(s -> s.state() == KernelState.COMPLETE, 5_000, "ramped down");
            assertTrue(ledger.writes().size() > writesBefore, "a write succeeded");
            assertEquals(complete.deliveredDoseMicroampMillis(), ledger.deliveredMicroampMillis("T-1"),
                    "the final dose reached the ledger");

            CompletableFuture<RequestOutcome> afterRecovery = channel.arm(dexamethasone("T-2"), "nurse");
            run.ticks(20);
            assertTrue(decided(afterRecovery).accepted(), decided(afterRecovery).describe());
            assertEquals(KernelState.ARMED, channel.snapshot().state(), "and is not stopped again");
        }
    }

    @Test
    @Verifies("SRS-KRN-032")
    void writesFailingFromArmOnStopTheTreatmentBeforeAnyOutput() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            ledger.failWrites(true);

            CompletableFuture<RequestOutcome> arm = run.channel().arm(dexamethasone("T-1"), "nurse");
            run.ticks(3);

            assertTrue(decided(arm).accepted(), "the read worked, so the kernel accepted the ARM");
            KernelSnapshot after = run.channel().snapshot();
            assertEquals(KernelState.IDLE, after.state(), "the unrecorded ARM was ended by the runtime");
            assertEquals(Reason.RECORDING_FAILED, after.lastReason());
            assertFalse(after.outputEnabled());
        }
    }

    @Test
    @Verifies("SRS-KRN-032")
    void aLedgerThatRecoversAfterTheTreatmentEndedIsProbedByTheNextArm() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.deliver(dexamethasone("T-1", 20 * RuntimeFixtures.DOSE_MICROAMP_MILLIS));
            ledger.failWrites(true);
            run.tickUntil(s -> s.state() == KernelState.COMPLETE, 60_000, "stopped and ramped down, unrecorded");

            CompletableFuture<RequestOutcome> whileFailing = run.channel().arm(dexamethasone("T-2"), "nurse");
            run.tick();
            assertEquals(Reason.LEDGER_UNAVAILABLE, decided(whileFailing).reason(), "the probe write failed");

            // No treatment runs, so no event will ever write again: the next ARM itself must find out.
            ledger.failWrites(false);
            CompletableFuture<RequestOutcome> recovered = run.channel().arm(dexamethasone("T-2"), "nurse");
            run.ticks(3);
            assertTrue(decided(recovered).accepted(), decided(recovered).describe());
            assertEquals(KernelState.ARMED, run.channel().snapshot().state());
            assertEquals(0L, ledger.deliveredMicroampMillis("T-2"), "the probe wrote the ledger's own total");
        }
    }
}
