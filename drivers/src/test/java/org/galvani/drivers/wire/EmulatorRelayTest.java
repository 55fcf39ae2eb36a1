package org.galvani.drivers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.drivers.sim.Fault;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** When the emulated board disables its output it opens its relay too: a runaway stage stops. */
class EmulatorRelayTest {

    private static final int RUNAWAY_MICROAMPS = 6_000;

    private static WireBench runawayBench() throws Exception {
        return runawayBench(2_000);
    }

    private static WireBench runawayBench(int watchdogMillis) throws Exception {
        EmulatorConfig emulator = EmulatorConfig.loopback().withWatchdogMillis(watchdogMillis);
        FaultScript runaway = FaultScript.builder().add(FaultKind.RUNAWAY, 0, Fault.OPEN_END, RUNAWAY_MICROAMPS).build();
        return WireBench.start(emulator.withPlant(emulator.plant().withCapacitance(0).withFaults(runaway)),
                WireDriverConfig.loopback(1).withResponseTimeoutMicros(WireBench.RESPONSE_TIMEOUT_MICROS));
    }

    @Test
    @Verifies(value = "SRS-DRV-033", version = 2)
    void aDisablingSetpointStopsARunawayStage() throws Exception {
        try (WireBench bench = runawayBench()) {
            bench.sample();
            bench.driver.apply(bench.now, 1_000, true, Polarity.ANODE);
            bench.sample();
            bench.sample();
            assertEquals(RUNAWAY_MICROAMPS, bench.emulator.flowingMicroamps(), "the stage runs away from its command");

            bench.driver.apply(bench.now, 0, false, Polarity.ANODE);
            bench.sample();
            bench.sample();

            assertEquals(0, bench.emulator.flowingMicroamps(), "the relay is open");
            assertTrue(bench.sample().currentMicroamps() <= 1, bench.sample().toString());
        }
    }

    @Test
    @Verifies(value = "SRS-DRV-033", version = 2)
    void theWatchdogStopsARunawayStageWhenTheHostFallsSilent() throws Exception {
        try (WireBench bench = runawayBench(200)) {
            bench.sample();
            bench.driver.apply(bench.now, 1_000, true, Polarity.ANODE);
            bench.sample();
            bench.sample();
            assertEquals(RUNAWAY_MICROAMPS, bench.emulator.flowingMicroamps(), "the stage runs away from its command");

            // No SETPOINT follows: the firmware's watchdog disables the output, and with it opens the relay.
            assertTrue(WireBench.waitUntil(bench.emulator::watchdogLatched), "the silent host was not cut off");
            bench.sample();
            bench.sample();

            assertEquals(0, bench.emulator.flowingMicroamps(), "the relay is open");
        }
    }

    @Test
    @Verifies(value = "SRS-DRV-033", version = 2)
    void aSafeDisableFromTheHostStopsARunawayStage() throws Exception {
        try (WireBench bench = runawayBench()) {
            bench.sample();
            bench.driver.apply(bench.now, 1_000, true, Polarity.ANODE);
            bench.sample();
            bench.sample();

            bench.driver.safeDisable();
            bench.sample();
            bench.sample();

            assertEquals(0, bench.emulator.flowingMicroamps());
        }
    }
}
