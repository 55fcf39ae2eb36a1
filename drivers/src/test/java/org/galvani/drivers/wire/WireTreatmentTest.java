package org.galvani.drivers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Units;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * The same treatment through the real KernelRuntime in simulated time, once with the in-process sim
 * driver and once with the wire driver and the emulator (host clock) over loopback.
 */
class WireTreatmentTest {

    private static final long MS = 1_000L;
    private static final int TARGET_MICROAMPS = 2_000;
    /** The stated tolerance: one control period at the target current (µA·ms). */
    private static final long TOLERANCE_MICROAMP_MILLIS = TARGET_MICROAMPS;

    @Test
    @Verifies({"SRS-DRV-037", "SRS-DRV-035"})
    @Verifies(value = "SRS-DRV-033", version = 2)
    void aTreatmentOverTheWireDeliversTheSameDoseAsTheInProcessSimulator() throws Exception {
        SimulatedOutputStage sim = new SimulatedOutputStage(SimulatorConfig.patchDefaults());
        Result reference = treat(sim, sim::trueChargeMicroampMicros);

        // The emulator's watchdog is stretched: in simulated time the host's wall-clock pace is the
        // machine's, and a pause of the test JVM is not a host failure. The watchdog has its own tests.
        try (DeviceEmulator emulator = DeviceEmulator.start(EmulatorConfig.loopback().withWatchdogMillis(10_000))) {
            WireDriver wire = WireDriver.tcp(WireDriverConfig.loopback(emulator.port())
                    .withResponseTimeoutMicros(2_000_000).withReconnectIntervalMillis(0));
            Result overWire = treat(wire, emulator::trueChargeMicroampMicros);
            assertEquals(0, wire.missedReplies() + wire.lateReplies() + wire.corruptFrames() + wire.sequenceErrors());

            assertEquals(KernelState.COMPLETE, reference.state);
            assertEquals(KernelState.COMPLETE, overWire.state);
            assertTrue(Math.abs(reference.dose - overWire.dose) <= TOLERANCE_MICROAMP_MILLIS,
                    "dose: sim " + reference.dose + " wire " + overWire.dose + " uA*ms");
            assertTrue(Math.abs(reference.trueCharge - overWire.trueCharge) <= TOLERANCE_MICROAMP_MILLIS * 1_000,
                    "true charge: sim " + reference.trueCharge + " wire " + overWire.trueCharge + " uA*us");
            assertTrue(overWire.dose * 1_000 >= overWire.trueCharge, "the kernel never under-counts");
        }
    }

    private record Result(KernelState state, long dose, long trueCharge) {
    }

    private static Result treat(OutputStageDriver driver, LongSupplier trueCharge) {
        long[] now = {0};
        try (KernelRuntime runtime = KernelRuntime.builder().channel("ch0", DeviceProfile.drugDeliveryPatch(), driver)
                .build()) {
            Channel channel = runtime.channel("ch0");
            Prescription rx = Prescription.builder("T-WIRE").drug(DrugTable.DEXAMETHASONE)
                    .activeElectrode(Polarity.CATHODE).targetMicroamps(TARGET_MICROAMPS).electrodeAreaMm2(1_000)
                    .doseMicroampMillis(Units.microampMillis(1.0)).rampMillis(10_000).build();
            assertTrue(answer(runtime, now, channel.arm(rx, "test")).accepted());
            step(runtime, now, 600 * MS);
            assertTrue(answer(runtime, now, channel.start("test")).accepted());
            long end = now[0] + 5 * 60_000 * MS;
            while (now[0] < end && channel.snapshot().state() != KernelState.COMPLETE
                    && channel.snapshot().state() != KernelState.FAULT) {
                step(runtime, now, MS);
            }
            KernelSnapshot done = channel.snapshot();
            return new Result(done.state(), done.deliveredDoseMicroampMillis(), trueCharge.getAsLong());
        }
    }

    private static RequestOutcome answer(KernelRuntime runtime, long[] now, CompletableFuture<RequestOutcome> outcome) {
        for (int i = 0; i < 10 && !outcome.isDone(); i++) {
            step(runtime, now, MS);
        }
        return outcome.join();
    }

    private static void step(KernelRuntime runtime, long[] now, long micros) {
        long end = now[0] + micros;
        while (now[0] < end) {
            now[0] += MS;
            runtime.advanceTo(now[0]);
        }
    }
}
