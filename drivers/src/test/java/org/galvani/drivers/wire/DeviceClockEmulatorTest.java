package org.galvani.drivers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.drivers.wire.emulator.ClockMode;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The emulator on its own clock: the plant runs whatever the host does, and counts the true charge. */
class DeviceClockEmulatorTest {

    @Test
    @Verifies(value = "SRS-DRV-033", version = 2)
    @Verifies({"SRS-DRV-035", "SRS-DRV-034"})
    void theTrueChargeGrowsOnTheDevicesClockAndStopsWhenTheWatchdogCutsASilentHost() throws Exception {
        try (WireBench bench = WireBench.start(EmulatorConfig.loopback().withClock(ClockMode.DEVICE).withWatchdogMillis(200),
                WireDriverConfig.loopback(1).withResponseTimeoutMicros(WireBench.RESPONSE_TIMEOUT_MICROS))) {
            bench.sample();
            bench.driver.apply(bench.now, 1_000, true, Polarity.ANODE);
            // No MEASURE is sent: only the device's own loop can move the plant. Refresh the watchdog
            // with SETPOINTs until 1 mA has flowed for at least 20 ms of the device's time.
            assertTrue(bench.refreshUntil(1_000, Polarity.ANODE, () -> bench.emulator.trueChargeMicroampMicros() >= 20_000_000L),
                    "charge stuck at " + bench.emulator.trueChargeMicroampMicros());
            assertEquals(1_000, bench.emulator.flowingMicroamps());

            assertTrue(WireBench.waitUntil(bench.emulator::watchdogLatched), "the silent host was not cut off");
            long atTrip = bench.emulator.trueChargeMicroampMicros();
            assertFalse(bench.emulator.outputEnabled());
            assertTrue(WireBench.waitUntil(() -> bench.emulator.flowingMicroamps() == 0));
            long later = bench.emulator.trueChargeMicroampMicros();
            assertTrue(later - atTrip <= 1_000L * 2_000, "at most a firmware period or two after the trip: "
                    + (later - atTrip));
            assertTrue(bench.emulator.chargeReport().contains("true charge delivered " + later + " uA*us"),
                    bench.emulator.chargeReport());
        }
    }

    @Test
    @Verifies(value = "SRS-DRV-033", version = 2)
    void aSeededPlantIsReproducibleAndSeedZeroIsTheSimDefault() {
        assertEquals(load(org.galvani.drivers.sim.SimulatorConfig.patchDefaults()), load(EmulatorConfig.plantForSeed(0)));
        assertEquals(load(EmulatorConfig.plantForSeed(42)), load(EmulatorConfig.plantForSeed(42)));
        assertFalse(load(EmulatorConfig.plantForSeed(42)).equals(load(EmulatorConfig.plantForSeed(43))));
    }

    private static java.util.List<Long> load(org.galvani.drivers.sim.SimulatorConfig plant) {
        return java.util.List.of((long) plant.seriesOhms(), (long) plant.initialSkinOhms(), (long) plant.finalSkinOhms(),
                plant.skinFallMicros());
    }
}
