package org.galvani.drivers.wire.emulator;

import java.util.SplittableRandom;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.trace.Implements;

/**
 * How to run a {@link DeviceEmulator}.
 *
 * @param host            the address to listen on (127.0.0.1 for tests and the CLI default)
 * @param port            the port, 0 for an ephemeral one ({@link DeviceEmulator#port()} tells which)
 * @param clock           whose clock moves the plant
 * @param watchdogMillis  the firmware watchdog's timeout: an enabled output without a SETPOINT for this
 *                        long is disabled (default 50 ms)
 * @param plant           the analog front end's stage and load, as for the {@code sim} driver
 */
@Implements("SRS-DRV-033")
public record EmulatorConfig(String host, int port, ClockMode clock, int watchdogMillis, SimulatorConfig plant) {

    /** The firmware watchdog's default timeout (ms). */
    public static final int DEFAULT_WATCHDOG_MILLIS = 50;

    public EmulatorConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("emulator: host is missing");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("emulator: port must be from 0 to 65535, was " + port);
        }
        if (clock == null || plant == null) {
            throw new IllegalArgumentException("emulator: clock mode and plant are required");
        }
        if (watchdogMillis < 1 || watchdogMillis > 60_000) {
            throw new IllegalArgumentException("emulator: watchdog timeout must be from 1 to 60000 ms, was "
                    + watchdogMillis);
        }
    }

    /** 127.0.0.1, an ephemeral port, host clock, a 50 ms watchdog and the sim's patch defaults. */
    public static EmulatorConfig loopback() {
        return new EmulatorConfig("127.0.0.1", 0, ClockMode.HOST, DEFAULT_WATCHDOG_MILLIS,
                SimulatorConfig.patchDefaults());
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, port, clock, watchdogMillis, plant);
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(host, newPort, clock, watchdogMillis, plant);
    }

    public EmulatorConfig withClock(ClockMode newClock) {
        return new EmulatorConfig(host, port, newClock, watchdogMillis, plant);
    }

    public EmulatorConfig withWatchdogMillis(int millis) {
        return new EmulatorConfig(host, port, clock, millis, plant);
    }

    public EmulatorConfig withPlant(SimulatorConfig newPlant) {
        return new EmulatorConfig(host, port, clock, watchdogMillis, newPlant);
    }

    /**
     * The patch stage with a patient's load drawn from {@code seed}: seed 0 is exactly
     * {@link SimulatorConfig#patchDefaults()}; any other seed gives a series resistance of 200–400 Ω, skin
     * falling from 4–8 kΩ to 1.5–2.5 kΩ with a 5–15 minute time constant, the same for the same seed.
     */
    public static SimulatorConfig plantForSeed(long seed) {
        SimulatorConfig defaults = SimulatorConfig.patchDefaults();
        if (seed == 0) {
            return defaults;
        }
        SplittableRandom random = new SplittableRandom(seed);
        return defaults.withLoad(random.nextInt(200, 401), random.nextInt(4_000, 8_001), random.nextInt(1_500, 2_501),
                random.nextLong(300_000_000L, 900_000_001L));
    }
}
