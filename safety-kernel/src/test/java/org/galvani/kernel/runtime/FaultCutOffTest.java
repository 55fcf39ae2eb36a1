package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.decided;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.galvani.kernel.runtime.RuntimeFixtures.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.testing.TestStage;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** A latched fault cuts the output through the stage's own disable path too, once per fault. */
class FaultCutOffTest {

    private static final String CHANNEL = "left";

    private final RecordingDriver driver = new RecordingDriver();

    private KernelRuntime runtime() {
        return KernelRuntime.builder().periodMicros(PERIOD_MICROS).channel(CHANNEL, profile(), driver).build();
    }

    @Test
    @Verifies("SRS-KRN-037")
    void theTickThatLatchesAFaultCallsSafeDisableOnce() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.deliver(dexamethasone("T-1"));
            TestStage stage = driver.stage();
            int before = stage.safeDisables();

            stage.flags(StatusFlags.HARDWARE_FAULT);
            KernelSnapshot fault = run.tick();

            assertEquals(KernelState.FAULT, fault.state());
            assertEquals(before + 1, stage.safeDisables(), "cut off by the stage's own path in the same tick");
            run.ticks(20);
            assertEquals(before + 1, stage.safeDisables(), "once per fault, not once per tick");
        }
    }

    @Test
    @Verifies("SRS-KRN-037")
    void aSecondFaultAfterAnAcknowledgeCutsOffAgain() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.deliver(dexamethasone("T-1"));
            TestStage stage = driver.stage();
            stage.flags(StatusFlags.HARDWARE_FAULT);
            run.tick();
            stage.flags(0);
            run.ticks(2);
            CompletableFuture<RequestOutcome> acknowledged = run.channel().acknowledge("service");
            run.ticks(2);
            assertTrue(decided(acknowledged).accepted(), decided(acknowledged).toString());
            int afterFirst = stage.safeDisables();

            run.deliver(dexamethasone("T-2"));
            stage.flags(StatusFlags.HARDWARE_FAULT);
            run.tick();

            assertEquals(afterFirst + 1, stage.safeDisables());
        }
    }

    @Test
    @Verifies("SRS-KRN-037")
    void noFaultNoCutOff() {
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.deliver(dexamethasone("T-1"));
            assertEquals(0, driver.stage().safeDisables());
        }
    }
}
