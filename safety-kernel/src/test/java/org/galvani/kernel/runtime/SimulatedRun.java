package org.galvani.kernel.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;

/**
 * Drives a {@link KernelRuntime} in simulated time, one control period per tick, and watches one of its
 * channels. Every loop here is bounded by a tick count, never by the wall clock.
 */
final class SimulatedRun {

    private final KernelRuntime runtime;
    private final Channel channel;
    private long nowMicros;

    SimulatedRun(KernelRuntime runtime, String channelId) {
        this.runtime = runtime;
        this.channel = runtime.channel(channelId);
    }

    Channel channel() {
        return channel;
    }

    /** The time of the latest tick (µs). */
    long nowMicros() {
        return nowMicros;
    }

    /** One period later: every channel steps and the events are dispatched. */
    KernelSnapshot tick() {
        nowMicros += RuntimeFixtures.PERIOD_MICROS;
        runtime.advanceTo(nowMicros);
        return channel.snapshot();
    }

    KernelSnapshot ticks(int count) {
        KernelSnapshot latest = channel.snapshot();
        for (int i = 0; i < count; i++) {
            latest = tick();
        }
        return latest;
    }

    /** Ticks until {@code done} holds for the watched channel; fails after {@code maxTicks}. */
    KernelSnapshot tickUntil(Predicate<KernelSnapshot> done, int maxTicks, String what) {
        for (int i = 0; i < maxTicks; i++) {
            KernelSnapshot snapshot = tick();
            if (done.test(snapshot)) {
                return snapshot;
            }
        }
        return fail("not reached within " + maxTicks + " ticks: " + what + "; last " + channel.snapshot());
    }

    /** Arms {@code rx}, waits until contact is confirmed, starts it: the channel is then in RAMP_UP. */
    KernelSnapshot armAndStart(Prescription rx) {
        tick();
        CompletableFuture<RequestOutcome> arm = channel.arm(rx, "test");
        tick();
        ticks(RuntimeFixtures.TICKS_TO_CONFIRM_CONTACT);
        CompletableFuture<RequestOutcome> start = channel.start("test");
        KernelSnapshot started = tick();
        if (!RuntimeFixtures.decided(arm).accepted() || !RuntimeFixtures.decided(start).accepted()) {
            fail("treatment not started: arm " + arm.join() + ", start " + start.join());
        }
        return started;
    }

    /** Like {@link #armAndStart}, then ticks until the target is reached. */
    KernelSnapshot deliver(Prescription rx) {
        armAndStart(rx);
        return tickUntil(s -> s.state() == KernelState.DELIVERING, 5_000, "delivering");
    }

    /** Steps only the watched channel, without dispatching its events (as if the dispatcher were stuck). */
    KernelSnapshot stepWithoutDispatch() {
        nowMicros += RuntimeFixtures.PERIOD_MICROS;
        channel.step(nowMicros);
        return channel.snapshot();
    }
}
