package org.galvani.drivers.wire;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.spi.DriverException;

/** A running emulator on an ephemeral loopback port and an opened wire driver connected to it. */
final class WireBench implements AutoCloseable {

    /** Generous for a shared machine: these tests are about behaviour, not speed. */
    static final long RESPONSE_TIMEOUT_MICROS = 200_000;
    static final long DEADLINE_MILLIS = 10_000;

    final DeviceEmulator emulator;
    final WireDriver driver;
    final Measurement reading = new Measurement();
    long now;

    private WireBench(DeviceEmulator emulator, WireDriver driver) {
        this.emulator = emulator;
        this.driver = driver;
    }

    static WireBench start(EmulatorConfig emulatorConfig, WireDriverConfig driverConfig)
            throws IOException, DriverException {
        DeviceEmulator emulator = DeviceEmulator.start(emulatorConfig);
        WireDriver driver = WireDriver.tcp(new WireDriverConfig(driverConfig.host(), emulator.port(),
                driverConfig.connectTimeoutMillis(), driverConfig.responseTimeoutMicros(),
                driverConfig.missedRepliesForLinkFault(), driverConfig.reconnectIntervalMillis(),
                driverConfig.writeTimeoutMicros(), driverConfig.maxCurrentMicroamps(),
                driverConfig.complianceMillivolts()));
        try {
            driver.open();
        } catch (DriverException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        return new WireBench(emulator, driver);
    }

    /**
     * The emulator's watchdog is stretched to 2 s here, so that a pause of a busy test machine cannot trip
     * it in tests about something else; the watchdog's own tests use the 50 ms default. The plant is
     * purely resistive (no skin capacitance), so that readings are exact numbers: these tests are about
     * the link, the plant has its own.
     */
    static WireBench start() throws IOException, DriverException {
        EmulatorConfig emulator = EmulatorConfig.loopback().withWatchdogMillis(2_000);
        return start(emulator.withPlant(emulator.plant().withCapacitance(0)), WireDriverConfig.loopback(1)
                .withResponseTimeoutMicros(RESPONSE_TIMEOUT_MICROS).withReconnectIntervalMillis(20));
    }

    /** One control period: sample at the next millisecond; returns the reading. */
    Measurement sample() {
        now += 1_000;
        driver.sample(now, reading);
        return reading;
    }

    /** Polls {@code condition} (sampling, so that the driver keeps reading) until it holds or the deadline passes. */
    boolean sampleUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sample();
            Thread.onSpinWait();
        }
        return condition.getAsBoolean();
    }

    /** Polls {@code condition} without talking to the device (the host is silent). */
    static boolean waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /** Polls {@code condition}, sending this SETPOINT every millisecond meanwhile (the host stays alive). */
    boolean refreshUntil(int microamps, Polarity polarity, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            now += 1_000;
            driver.apply(now, microamps, true, polarity);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    @Override
    public void close() {
        driver.close();
        emulator.close();
    }
}
