package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.Units;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The kernel and the simulator together, through the runtime in simulated time. */
class SimulatedTreatmentTest {

    private static final long MS = 1_000L;
    private static final long MINUTE = 60_000_000L;

    private final List<ChannelEvent> events = new ArrayList<>();
    private long now;

    @Test
    @Verifies({"SRS-KRN-012", "SRS-KRN-013", "SRS-KRN-016", "SRS-KRN-017"})
    @Verifies(value = "SRS-DRV-001", version = 2)
    void aTreatmentWithADetachEndsAtItsDoseAndNeverUnderCountsTheTrueCharge() {
        SimulatedOutputStage stage = new SimulatedOutputStage(SimulatorConfig.patchDefaults()
                .withContact(ContactScript.builder().detachAt(5 * MINUTE).attachAt(5 * MINUTE + 20_000 * MS).build()));
        try (KernelRuntime runtime = KernelRuntime.builder().channel("ch0", DeviceProfile.drugDeliveryPatch(), stage)
                .sink(events::add).build()) {
            Channel channel = runtime.channel("ch0");
            long dose = Units.microampMillis(40.0);
            Prescription rx = Prescription.builder("T-0001").drug(DrugTable.DEXAMETHASONE)
                    .activeElectrode(Polarity.CATHODE).targetMicroamps(3_000).electrodeAreaMm2(1_000)
                    .doseMicroampMillis(dose).rampMillis(30_000).build();

            assertTrue(answer(runtime, channel.arm(rx, "test")).accepted());
            step(runtime, 600 * MS);
            assertTrue(answer(runtime, channel.start("test")).accepted());
            KernelSnapshot lost = runUntil(runtime, channel, KernelState.CONTACT_LOST, 10 * MINUTE);
            assertEquals(0, lost.setpointMicroamps());
            assertFalse(lost.outputEnabled());

            step(runtime, 30_000 * MS);
            assertEquals(KernelState.CONTACT_LOST, channel.snapshot().state(), "re-attach alone never resumes");
            assertTrue(answer(runtime, channel.resume("test")).accepted());
            KernelSnapshot done = runUntil(runtime, channel, KernelState.COMPLETE, 30 * MINUTE);

            long delivered = done.deliveredDoseMicroampMillis();
            long tolerance = 3_000L * 11 + 30_000 + 1; // target × (period + gap) + 1 µA × ramp + 1
            assertTrue(delivered <= dose, "delivered " + delivered + " above prescribed " + dose);
            assertTrue(delivered >= dose - tolerance, "delivered " + delivered + " too far below " + dose);
            assertTrue(delivered * 1_000 >= stage.trueChargeMicroampMicros(),
                    "kernel counted " + delivered + " uA*ms but " + stage.trueChargeMicroampMicros() + " uA*us flowed");
            assertTrue(events.stream().anyMatch(e -> e.event().reason() == Reason.CONTACT_OUT_OF_WINDOW));
            assertTrue(events.stream().anyMatch(e -> e.event().type() == KernelEventType.DOSE_CHECKPOINT));
        }
    }

    private RequestOutcome answer(KernelRuntime runtime, CompletableFuture<RequestOutcome> outcome) {
        for (int i = 0; i < 10 && !outcome.isDone(); i++) {
            step(runtime, MS);
        }
        return outcome.join();
    }

    private void step(KernelRuntime runtime, long micros) {
        long end = now + micros;
        while (now < end) {
            now += MS;
            runtime.advanceTo(now);
        }
    }

    private KernelSnapshot runUntil(KernelRuntime runtime, Channel channel, KernelState state, long limitMicros) {
        long end = now + limitMicros;
        while (now < end) {
            step(runtime, MS);
            KernelSnapshot snapshot = channel.snapshot();
            if (snapshot.state() == state) {
                return snapshot;
            }
        }
        throw new AssertionError("no " + state + " within " + limitMicros + " us; now " + channel.snapshot());
    }
}
