package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.decided;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.galvani.kernel.runtime.RuntimeFixtures.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * The driver's self-test runs before each ARM reaches the kernel and every self-test interval, in every
 * state; a failure refuses the ARM or latches a fault.
 */
class PeriodicSelfTestTest {

    private static final String CHANNEL = "left";
    private static final int INTERVAL_TICKS = 50;

    private final RecordingSink sink = new RecordingSink();
    private final RecordingDriver driver = new RecordingDriver();

    private KernelRuntime runtime() {
        return KernelRuntime.builder().periodMicros(PERIOD_MICROS).sink(sink)
                .selfTestIntervalMicros((long) INTERVAL_TICKS * PERIOD_MICROS)
                .channel(CHANNEL, profile(), driver).build();
    }

    @Test
    @Verifies("SRS-KRN-036")
    void theSelfTestRunsOnTheFirstTickAndThenEveryInterval() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            long atBuild = driver.count("selfTest");
            run.tick();
            assertEquals(atBuild + 1, driver.count("selfTest"), "the first tick tests the stage again");
            run.ticks(INTERVAL_TICKS - 1);
            assertEquals(atBuild + 1, driver.count("selfTest"), "not before the interval has passed");
            run.tick();
            assertEquals(atBuild + 2, driver.count("selfTest"), "again after one interval");
            run.ticks(INTERVAL_TICKS * 3);
            assertEquals(atBuild + 5, driver.count("selfTest"));
        }
    }

    @Test
    @Verifies("SRS-KRN-036")
    void anArmIsRefusedWhenTheSelfTestBeforeItFails() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            driver.stage().selfTestPasses(false);

            CompletableFuture<RequestOutcome> arm = run.channel().arm(dexamethasone("T-1"), "nurse");
            run.tick();

            assertEquals(new RequestOutcome(decided(arm).requestId(), false, Reason.SELF_TEST_FAILED, KernelState.IDLE),
                    decided(arm));
            assertEquals(1, sink.matching(e -> e.event().reason() == Reason.SELF_TEST_FAILED).size(),
                    "the refusal is recorded like the kernel's own: " + sink.events());
            assertEquals(KernelState.IDLE, run.channel().snapshot().state());
        }
    }

    @Test
    @Verifies("SRS-KRN-036")
    void anArmIsRefusedWhenTheSelfTestThrows() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            driver.failSelfTestWith(new IllegalStateException("reference resistor open"));

            CompletableFuture<RequestOutcome> arm = run.channel().arm(dexamethasone("T-1"), "nurse");
            run.tick();

            assertEquals(Reason.SELF_TEST_FAILED, decided(arm).reason());
        }
    }

    @Test
    @Verifies("SRS-KRN-036")
    void anArmIsPrecededByASelfTestEvenBetweenIntervals() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.ticks(2);
            long before = driver.count("selfTest");

            CompletableFuture<RequestOutcome> arm = run.channel().arm(dexamethasone("T-1"), "nurse");
            run.tick();

            assertTrue(decided(arm).accepted(), decided(arm).toString());
            assertEquals(before + 1, driver.count("selfTest"));
        }
    }

    @Test
    @Verifies("SRS-KRN-036")
    void aSelfTestThatFailsDuringATreatmentLatchesAFaultWithTheOutputOff() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.deliver(dexamethasone("T-1"));
            driver.stage().selfTestPasses(false);

            KernelSnapshot faulted = run.tickUntil(s -> s.state() == KernelState.FAULT, INTERVAL_TICKS + 1,
                    "fault after the next periodic self-test");

            assertEquals(Reason.DRIVER_FAULT, faulted.faultReason());
            assertFalse(driver.stage().outputEnabled(), "output disabled in the same tick");
        }
    }

    @Test
    @Verifies("SRS-KRN-036")
    void anIntervalShorterThanThePeriodIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS).selfTestIntervalMicros(PERIOD_MICROS - 1)
                .channel(CHANNEL, profile(), driver).build());
        assertTrue(refused.getMessage().contains("selfTestIntervalMicros"), refused.getMessage());
    }
}
