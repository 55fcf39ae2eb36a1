package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.TARGET_MICROAMPS;
import static org.galvani.kernel.runtime.RuntimeFixtures.decided;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.galvani.kernel.runtime.RuntimeFixtures.profile;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.testing.TestStage;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * Runtime failures end in a safe state: a throwing driver call disables the output and latches a fault;
 * a failure inside the tick halts the channel for good; lost events end the running treatment.
 */
class FailureContainmentTest {

    private static final String LEFT = "left";
    private static final String RIGHT = "right";

    private final RecordingDriver left = new RecordingDriver();
    private final RecordingDriver right = new RecordingDriver();
    private final RecordingSink sink = new RecordingSink();

    private KernelRuntime runtime(int eventCapacity) {
        return KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS)
                .eventCapacity(eventCapacity)
                .sink(sink)
                .channel(LEFT, profile(), left)
                .channel(RIGHT, profile(), right)
                .build();
    }

    private KernelRuntime runtime() {
        return runtime(4_096);
    }

    @Test
    @Verifies("SRS-KRN-033")
    void aSampleThatThrowsDisablesTheOutputAndLatchesADriverFault() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, LEFT);
            run.deliver(dexamethasone("T-1"));
            TestStage stage = left.stage();
            assertTrue(stage.outputEnabled());

            stage.failSampleWith(new IllegalStateException("ADC timeout"));
            run.tick();
            assertFalse(stage.outputEnabled(), "output disabled in the tick whose sample threw");
            assertEquals(0, stage.appliedSetpoint());

            KernelSnapshot fault = latchedWithinOneMoreTick(run);
            assertEquals(Reason.DRIVER_FAULT, fault.faultReason());
            assertTrue((fault.statusFlags() & StatusFlags.DRIVER_EXCEPTION) != 0, "flags " + fault.statusFlags());
            assertFalse(fault.outputEnabled());
            assertEquals(0, fault.setpointMicroamps());
            assertFalse(runtime.channel(LEFT).halted(), "a driver exception is a fault, not a halt");
        }
    }

    @Test
    @Verifies("SRS-KRN-033")
    void anApplyThatThrowsDisablesTheOutputAtOnceAndLatchesADriverFaultInTheNextTick() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, LEFT);
            run.deliver(dexamethasone("T-1"));
            TestStage stage = left.stage();
            int disablesBefore = stage.safeDisables();

            stage.failApplyWith(new IllegalStateException("bus error"));
            run.tick();
            assertEquals(disablesBefore + 1, stage.safeDisables(), "the runtime disabled the output itself");
            assertFalse(stage.outputEnabled());

            KernelSnapshot fault = run.tick();
            assertEquals(KernelState.FAULT, fault.state(), "latched in the next tick");
            assertEquals(Reason.DRIVER_FAULT, fault.faultReason());
            assertTrue((fault.statusFlags() & StatusFlags.DRIVER_EXCEPTION) != 0, "flags " + fault.statusFlags());

            stage.failApplyWith(null);
            KernelSnapshot later = run.ticks(50);
            assertEquals(KernelState.FAULT, later.state(), "the fault stays latched");
            assertFalse(stage.outputEnabled());
        }
    }

    @Test
    @Verifies("SRS-KRN-033")
    void anExceptionFromTheKernelHaltsTheChannelWithTheOutputDisabled() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, LEFT);
            run.deliver(dexamethasone("T-1"));
            Channel channel = run.channel();
            assertTrue(left.stage().outputEnabled());

            KernelSinkInjection.throwOnNextKernelEvent(channel, new IllegalStateException("injected kernel defect"));
            CompletableFuture<RequestOutcome> stop = channel.stop("nurse");
            KernelSnapshot halted = run.tick();

            assertAll("the snapshot shows the halt",
                    () -> assertEquals(KernelState.FAULT, halted.state()),
                    () -> assertEquals(Reason.INTERNAL_ERROR, halted.faultReason()),
                    () -> assertEquals(Reason.INTERNAL_ERROR, halted.lastReason()),
                    () -> assertTrue(halted.halted()),
                    () -> assertFalse(halted.outputEnabled()),
                    () -> assertEquals(0, halted.setpointMicroamps()));
            assertTrue(channel.halted());
            assertFalse(left.stage().outputEnabled(), "the runtime disabled the output");
            assertTrue(left.count("safeDisable") >= 1);
            assertEquals(new RequestOutcome(decided(stop).requestId(), false, Reason.CHANNEL_HALTED, KernelState.FAULT),
                    decided(stop), "the request caught in the halt is answered");
            assertHaltedForGood(run, halted.tick());
        }
    }

    @Test
    @Verifies("SRS-KRN-033")
    void anErrorEscapingADriverCallHaltsTheChannel() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, LEFT);
            run.deliver(dexamethasone("T-1"));

            left.failSampleWith(new AssertionError("driver invariant broken"));
            KernelSnapshot halted = run.tick();

            assertTrue(halted.halted() && run.channel().halted());
            assertEquals(KernelState.FAULT, halted.state());
            assertEquals(Reason.INTERNAL_ERROR, halted.faultReason());
            assertFalse(left.stage().outputEnabled());
            assertHaltedForGood(run, halted.tick());
        }
    }

    @Test
    @Verifies("SRS-KRN-033")
    void aDriverWhoseSafeDisableAlsoThrowsDoesNotStopTheOtherChannels() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, LEFT);
            run.deliver(dexamethasone("T-1"));
            long rightTicks = runtime.channel(RIGHT).snapshot().tick();

            left.stage().failApplyWith(new IllegalStateException("bus error"));
            left.failSafeDisableWith(new IllegalStateException("bus error on disable too"));
            assertDoesNotThrow(run::tick, "a broken driver must not take down the control loop");
            KernelSnapshot fault = run.tick();

            assertEquals(KernelState.FAULT, fault.state());
            assertEquals(Reason.DRIVER_FAULT, fault.faultReason());
            assertEquals(rightTicks + 2, runtime.channel(RIGHT).snapshot().tick(), "the other channel keeps ticking");
        }
    }

    @Test
    @Verifies("SRS-KRN-033")
    void aHaltWhoseSafeDisableThrowsIsStillPublished() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, LEFT);
            run.deliver(dexamethasone("T-1"));
            long rightTicks = runtime.channel(RIGHT).snapshot().tick();

            left.failSafeDisableWith(new IllegalStateException("bus error on disable"));
            KernelSinkInjection.throwOnNextKernelEvent(run.channel(), new IllegalStateException("injected kernel defect"));
            run.channel().stop("nurse");
            KernelSnapshot halted = assertDoesNotThrow(run::tick);

            assertTrue(halted.halted());
            assertEquals(KernelState.FAULT, halted.state());
            assertEquals(rightTicks + 1, runtime.channel(RIGHT).snapshot().tick(), "the other channel keeps ticking");
        }
    }

    @Test
    @Verifies("SRS-KRN-033")
    void closingDisablesAndClosesEveryDriverEvenIfOneThrows() {
        KernelRuntime runtime = runtime();
        SimulatedRun run = new SimulatedRun(runtime, RIGHT);
        run.deliver(dexamethasone("T-1"));
        assertTrue(right.stage().outputEnabled());
        left.failSafeDisableWith(new IllegalStateException("bus error on disable"));

        assertDoesNotThrow(runtime::close);

        assertFalse(right.stage().outputEnabled(), "the other channel's output is disabled");
        assertTrue(right.stage().closed() && left.stage().closed(), "every driver is closed");
    }

    @Test
    @Verifies("SRS-KRN-033")
    void eventQueueOverflowEndsTheRunningTreatmentWithARampDown() {
        try (KernelRuntime runtime = runtime(4)) {
            SimulatedRun run = new SimulatedRun(runtime, LEFT);
            Channel channel = run.channel();
            run.deliver(dexamethasone("T-1", 20 * RuntimeFixtures.DOSE_MICROAMP_MILLIS));

            // The dispatcher stalls: events pile up in the four-slot queue until one is lost.
            for (int i = 0; i < 10_000 && channel.droppedEvents() == 0; i++) {
                run.stepWithoutDispatch();
            }
            assertTrue(channel.droppedEvents() > 0, "an event should have been lost");
            assertEquals(KernelState.DELIVERING, channel.snapshot().state());
            assertEquals(4, channel.dispatch(), "the queued events are still recorded");

            KernelSnapshot stopping = run.tick();
            assertEquals(KernelState.RAMP_DOWN, stopping.state());
            assertEquals(Reason.RECORDING_FAILED, stopping.lastReason());
            assertTrue(stopping.outputEnabled() && stopping.setpointMicroamps() >= TARGET_MICROAMPS - 2,
                    "a ramp-down, not a cut: " + stopping);
            List<ChannelEvent> systemStop = sink.matching(e -> e.event().reason() == Reason.RECORDING_FAILED);
            assertEquals(List.of(KernelEventType.STATE_CHANGED), systemStop.stream().map(e -> e.event().type()).toList());
            assertEquals("runtime", systemStop.get(0).origin());
            assertTrue(sink.matching(e -> e.origin().equals("runtime"))
                    .stream().anyMatch(e -> e.event().type() == KernelEventType.REQUEST_ACCEPTED), "a SYSTEM_STOP request");

            List<Integer> setpoints = new ArrayList<>();
            run.tickUntil(s -> {
                setpoints.add(s.setpointMicroamps());
                return s.state() == KernelState.COMPLETE;
            }, 5_000, "ramped down");
            assertSlewLimitedDescent(stopping.setpointMicroamps(), setpoints);

            // Once events flow again, treatments are possible again.
            CompletableFuture<RequestOutcome> next = channel.arm(dexamethasone("T-2"), "nurse");
            run.ticks(20);
            assertTrue(decided(next).accepted(), decided(next).describe());
            assertEquals(KernelState.ARMED, channel.snapshot().state());
        }
    }

    private static KernelSnapshot latchedWithinOneMoreTick(SimulatedRun run) {
        KernelSnapshot now = run.channel().snapshot();
        return now.state() == KernelState.FAULT ? now : run.tick();
    }

    private void assertHaltedForGood(SimulatedRun run, long haltedAtTick) {
        long samples = left.count("sample");
        long applies = left.count("apply");
        CompletableFuture<RequestOutcome> later = run.channel().acknowledge("nurse");
        run.ticks(20);
        assertEquals(Reason.CHANNEL_HALTED, decided(later).reason());
        assertFalse(decided(later).accepted());
        assertEquals(samples, left.count("sample"), "a halted channel no longer drives its stage");
        assertEquals(applies, left.count("apply"));
        assertEquals(haltedAtTick, run.channel().snapshot().tick());
        assertTrue(run.channel().snapshot().halted());
        assertTrue(sink.matching(e -> e.event().reason() == Reason.CHANNEL_HALTED).size() >= 1,
                "the refusal is reported like the kernel's own");
    }

    /** From {@code from} down to zero by at most the ramp's 1 µA per tick (plus rounding). */
    private static void assertSlewLimitedDescent(int from, List<Integer> setpoints) {
        int previous = from;
        for (int setpoint : setpoints) {
            assertTrue(setpoint <= previous && previous - setpoint <= 2,
                    "step from " + previous + " to " + setpoint + " in " + setpoints);
            previous = setpoint;
        }
        assertEquals(0, previous);
    }
}
