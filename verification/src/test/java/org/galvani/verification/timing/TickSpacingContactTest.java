package org.galvani.verification.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.testing.Profiles;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * Why the control loop keeps ticks apart (SRS-KRN-042), shown on the {@code sim} driver's skin model in
 * simulated time: during a ramp-down, ticks that wake almost a period late, each followed closely by the
 * next, make the reading after a large setpoint step come before the skin's capacitance has discharged.
 * Voltage over current then reads far above the skin's resistance and the kernel sees a detach (a
 * CONTACT_JUMP: 50 or 100 µs after the late tick it does, 200 µs or more it does not). With the next tick
 * three quarters of a period after the late one, as the loop now guarantees, the same late ticks end the
 * treatment COMPLETE.
 */
class TickSpacingContactTest {

    private static final int PERIOD = 1_000;
    /** How late every ramp-down tick wakes for its slot (µs). */
    private static final long LATE = 950;

    @Test
    @Verifies("SRS-KRN-042")
    void ticksBunchedAfterLateOnesReadTheRampDownAsADetach() {
        Outcome outcome = rampDownWithLateTicks(50);
        assertEquals(KernelState.CONTACT_LOST, outcome.endState(), outcome.toString());
        assertTrue(outcome.reasons().contains(Reason.CONTACT_JUMP), outcome.toString());
    }

    @Test
    @Verifies("SRS-KRN-042")
    void theSameLateTicksSpacedAsTheLoopSpacesThemEndComplete() {
        Outcome outcome = rampDownWithLateTicks(PERIOD - PERIOD / 4);
        assertEquals(KernelState.COMPLETE, outcome.endState(), outcome.toString());
    }

    /**
     * A 1 mA treatment on the patch with a 100 ms ramp, ticked every period until its ramp-down begins;
     * then each tick wakes {@link #LATE} µs late and the next follows {@code spacing} µs after it.
     */
    private static Outcome rampDownWithLateTicks(long spacing) {
        SimulatedOutputStage stage = new SimulatedOutputStage(SimulatorConfig.patchDefaults());
        List<ChannelEvent> events = new ArrayList<>();
        try (KernelRuntime runtime = KernelRuntime.builder().periodMicros(PERIOD)
                .channel("ch", Profiles.quickDrugDelivery("spacing", 60_000_000L).tickGapLimitMicros(2_000_000).build(),
                        stage)
                .sink(events::add)
                .build()) {
            Channel channel = runtime.channel("ch");
            long now = 0;
            channel.arm(Prescription.builder("T").drug(DrugTable.DEXAMETHASONE).activeElectrode(Polarity.CATHODE)
                    .targetMicroamps(1_000).electrodeAreaMm2(1_000).rampMillis(100).doseMicroampMillis(300_000).build(),
                    "test");
            for (int i = 0; i < 10_000 && channel.snapshot().state() != KernelState.RAMP_UP; i++) {
                now += PERIOD;
                if (channel.snapshot().state() == KernelState.ARMED && i % 50 == 49) {
                    channel.start("test");
                }
                runtime.advanceTo(now);
            }
            for (int i = 0; i < 10_000 && channel.snapshot().state() != KernelState.RAMP_DOWN; i++) {
                now += PERIOD;
                runtime.advanceTo(now);
            }
            assertEquals(KernelState.RAMP_DOWN, channel.snapshot().state(), "the treatment reached its ramp-down");
            for (int i = 0; i < 1_000 && channel.snapshot().state() == KernelState.RAMP_DOWN; i++) {
                now += PERIOD + LATE;
                runtime.advanceTo(now);
                if (channel.snapshot().state() == KernelState.RAMP_DOWN) {
                    now += spacing;
                    runtime.advanceTo(now);
                }
            }
            return new Outcome(channel.snapshot().state(),
                    events.stream().map(e -> e.event().reason()).distinct().toList());
        }
    }

    private record Outcome(KernelState endState, List<Reason> reasons) {
    }
}
