package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.TICKS_TO_CONFIRM_CONTACT;
import static org.galvani.kernel.runtime.RuntimeFixtures.decided;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.galvani.kernel.runtime.RuntimeFixtures.lidocaine;
import static org.galvani.kernel.runtime.RuntimeFixtures.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime drives an output stage only through the driver SPI: open and self-test when built, then
 * once per period sample, tick, apply the kernel's command (setpoint, enable, polarity), and at close
 * disable and close. Nothing else writes the command.
 */
class DriverSpiTest {

    private static final String CHANNEL = "left";

    private final RecordingDriver driver = new RecordingDriver();

    private KernelRuntime runtime() {
        return KernelRuntime.builder().periodMicros(PERIOD_MICROS).channel(CHANNEL, profile(), driver).build();
    }

    @Test
    @Verifies("SRS-KRN-028")
    void eachTickSamplesThenAppliesTheCommandTheKernelDecidedFromThatSample() {
        try (KernelRuntime runtime = runtime()) {
            assertEquals(List.of("open", "selfTest"), methods(driver.calls()), "building opens and self-tests");
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            run.channel().arm(dexamethasone("T-1"), "test");
            run.ticks(TICKS_TO_CONFIRM_CONTACT);
            run.channel().start("test");

            for (int i = 0; i < 300; i++) {
                int before = driver.calls().size();
                KernelSnapshot after = run.tick();
                List<SpiCall> step = driver.calls().subList(before, driver.calls().size());

                assertEquals(List.of("sample", "apply"), methods(step), "one sample and one apply per period");
                SpiCall sample = step.get(0);
                SpiCall apply = step.get(1);
                assertEquals(run.nowMicros(), sample.nowMicros());
                assertEquals(run.nowMicros(), apply.nowMicros());
                // The kernel ticked between the two: its snapshot holds that sample and the command applied.
                assertEquals(sample.measuredMicroamps(), after.measuredMicroamps(), "tick used this period's sample");
                assertEquals(after.setpointMicroamps(), apply.setpointMicroamps());
                assertEquals(after.outputEnabled(), apply.outputEnabled());
                assertEquals(after.polarity(), apply.polarity());
            }
            KernelSnapshot ramping = run.channel().snapshot();
            assertEquals(KernelState.RAMP_UP, ramping.state());
            assertTrue(ramping.setpointMicroamps() > 0 && driver.stage().appliedSetpoint() == ramping.setpointMicroamps());
            assertEquals(ramping.tick(), driver.count("apply"), "the command is written once per tick, by the runtime only");
        }
        List<SpiCall> calls = driver.calls();
        assertEquals(List.of("safeDisable", "close"), methods(calls.subList(calls.size() - 2, calls.size())),
                "closing disables and closes, and applies nothing");
        assertFalse(driver.stage().outputEnabled());
    }

    @ParameterizedTest
    @EnumSource(Polarity.class)
    @Verifies("SRS-KRN-028")
    void thePrescribedPolarityReachesTheStageInEveryApplyOfTheTreatment(Polarity polarity) {
        Prescription rx = polarity == Polarity.CATHODE ? dexamethasone("T-2") : lidocaine("T-2");
        try (KernelRuntime runtime = runtime()) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.ticks(3);
            assertNull(driver.stage().appliedPolarity(), "no polarity without a treatment");
            int armedFrom = driver.calls().size();
            assertTrue(decided(armAndTick(run, rx)).accepted());
            run.ticks(TICKS_TO_CONFIRM_CONTACT);
            run.channel().start("test");
            run.tickUntil(s -> s.state() == KernelState.COMPLETE, 10_000, "treatment complete");

            List<SpiCall> applies = driver.calls().subList(armedFrom, driver.calls().size()).stream()
                    .filter(call -> call.is("apply")).toList();
            assertTrue(applies.stream().anyMatch(SpiCall::outputEnabled), "the treatment delivered current");
            assertEquals(List.of(polarity), applies.stream().map(SpiCall::polarity).distinct().toList(),
                    "every command of the treatment carries the prescribed polarity");
        }
    }

    private static CompletableFuture<RequestOutcome> armAndTick(SimulatedRun run, Prescription rx) {
        CompletableFuture<RequestOutcome> future = run.channel().arm(rx, "test");
        run.tick();
        return future;
    }

    private static List<String> methods(List<SpiCall> calls) {
        return calls.stream().map(SpiCall::method).toList();
    }
}
