package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.galvani.kernel.runtime.RuntimeFixtures.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.KernelState;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * The runtime in real time, for a few hundred ticks: the loop ticks every channel from one thread, a
 * treatment can be armed and started through it, events reach the ledger from the dispatcher thread,
 * and close() disables and closes everything. Waits poll snapshots in bounded loops; no assertion is
 * about wall-clock time.
 */
class RealTimeRuntimeTest {

    private static final String LOOP_THREAD = "galvani-control-loop";
    private static final String DISPATCHER_THREAD = "galvani-event-dispatcher";

    private final RecordingDriver left = new RecordingDriver();
    private final RecordingDriver right = new RecordingDriver();
    private final RecordingLedger ledger = new RecordingLedger();

    /**
     * The test profile with a watchdog relaxed to 200 ms: this test is about the loop's mechanics, and a
     * scheduling hiccup of a busy build machine must not latch a tick-overrun fault.
     */
    private static DeviceProfile relaxedProfile() {
        return profile().toBuilder().tickGapLimitMicros(200_000).measurementMaxAgeMicros(200_000).build();
    }

    private KernelRuntime runtime() {
        return KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS)
                .ledger(ledger)
                .channel("left", relaxedProfile(), left)
                .channel("right", relaxedProfile(), right)
                .build();
    }

    @Test
    @Verifies({"SRS-KRN-029", "SRS-KRN-028", "SRS-KRN-032"})
    void aTreatmentStartsOverTheRealLoopAndCloseMakesEverythingSafe() throws Exception {
        KernelRuntime runtime = runtime();
        Channel channel = runtime.channel("left");
        try {
            runtime.start();
            awaitSnapshot(channel, s -> s.tick() >= 150, "150 ticks, contact confirmed");

            RequestOutcome armed = channel.arm(dexamethasone("T-RT"), "nurse").get(10, TimeUnit.SECONDS);
            assertTrue(armed.accepted(), armed.describe());
            RequestOutcome started = channel.start("nurse").get(10, TimeUnit.SECONDS);
            assertTrue(started.accepted(), started.describe());
            KernelSnapshot ramping = awaitSnapshot(channel, s -> s.setpointMicroamps() > 5 && s.outputEnabled(),
                    "current ramping up");
            assertEquals(KernelState.RAMP_UP, ramping.state());
            awaitSnapshot(channel, s -> s.tick() >= ramping.tick() + 100, "100 more ticks");
        } finally {
            runtime.close();
        }

        KernelSnapshot last = channel.snapshot();
        assertEquals(KernelState.RAMP_UP, last.state(), "no fault on the way: " + last);
        JitterReport report = runtime.jitter();
        assertEquals(last.tick() - 1, report.ticks(), "every tick but the first measured a period: " + report.describe());
        assertEquals(last.tick(), runtime.channel("right").snapshot().tick(), "every channel ticked in every period");
        assertEquals(PERIOD_MICROS, report.periodMicros());
        assertTrue(report.p50Micros() <= report.p99Micros() && report.p99Micros() <= report.p999Micros()
                && report.p999Micros() <= report.maxMicros(), report.describe());

        for (RecordingDriver driver : List.of(left, right)) {
            assertFalse(driver.stage().outputEnabled(), "close disabled the output");
            assertTrue(driver.stage().closed(), "close closed the driver");
        }
        assertEquals(Set.of(LOOP_THREAD), threadsOf(Stream.concat(left.calls().stream(), right.calls().stream())
                .filter(call -> call.is("sample") || call.is("apply"))), "one control-loop thread drives every stage");
        assertFalse(ledger.writes().isEmpty(), "the treatment was recorded");
        List<RecordingLedger.Write> writes = ledger.writes();
        assertEquals(Set.of(DISPATCHER_THREAD), writes.subList(0, writes.size() - 1).stream()
                .map(RecordingLedger.Write::thread).collect(Collectors.toSet()),
                "the ledger is written from the dispatcher, never the loop");
        assertEquals(Thread.currentThread().getName(), writes.get(writes.size() - 1).thread(),
                "but for the closing checkpoint, by the thread that closed the runtime (SRS-KRN-040)");
        assertEquals(List.of(Thread.currentThread().getName()), ledger.readThreads(), "and read by the requester");
    }

    @Test
    @Verifies("SRS-KRN-029")
    void simulatedTimeIsRefusedWhileTheRealLoopRuns() {
        try (KernelRuntime runtime = runtime()) {
            runtime.start();
            assertThrows(IllegalStateException.class, () -> runtime.advanceTo(1_000L));
            assertThrows(IllegalStateException.class, runtime::start);
        }
    }

    private static Set<String> threadsOf(Stream<SpiCall> calls) {
        return calls.map(SpiCall::thread).collect(Collectors.toSet());
    }

    /** Polls the snapshot until {@code condition} holds; the bound only guards against a hang. */
    private static KernelSnapshot awaitSnapshot(Channel channel, Predicate<KernelSnapshot> condition, String what) {
        for (int i = 0; i < 100_000; i++) {
            KernelSnapshot snapshot = channel.snapshot();
            if (condition.test(snapshot)) {
                return snapshot;
            }
            LockSupport.parkNanos(100_000L);
        }
        return fail("never reached: " + what + "; last " + channel.snapshot());
    }
}
