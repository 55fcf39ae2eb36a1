package org.galvani.drivers.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.galvani.drivers.tck.ClockPolicy;
import org.galvani.drivers.tck.ConformanceTarget;
import org.galvani.drivers.tck.NominalLoad;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.OutputStageDriver;

/**
 * The {@code wire} driver against a fresh device emulator per check, over loopback, in real time: the
 * kit parks between calls as the runtime's loop does, and the emulator's own output stage is the
 * independent observation. Every fault class the driver claims is induced on the device side.
 */
final class WireConformanceTarget implements ConformanceTarget {

    /**
     * Long enough that a pause of a busy test machine cannot trip the firmware watchdog during a check
     * about something else; inducing a watchdog trip waits this long with the host silent.
     */
    private static final int WATCHDOG_MILLIS = 500;
    private static final long WATCHDOG_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long RESPONSE_TIMEOUT_MICROS = WireBench.RESPONSE_TIMEOUT_MICROS;

    private final ClockPolicy clock;
    private DeviceEmulator emulator;

    WireConformanceTarget(ClockPolicy clock) {
        this.clock = clock;
    }

    @Override
    public OutputStageDriver createDriver() {
        close();
        try {
            emulator = DeviceEmulator.start(EmulatorConfig.loopback().withWatchdogMillis(WATCHDOG_MILLIS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A reply may take long on a busy test machine (a stalled thread, a GC pause): wait up to 200 ms for
        // it rather than report a stale reading, so that the kit checks the driver, not the machine's
        // scheduling. A device's real response timeout is a fraction of the period (WIRE-PROTOCOL.md).
        return WireDriver.tcp(WireDriverConfig.loopback(emulator.port()).withReconnectIntervalMillis(20)
                .withResponseTimeoutMicros(RESPONSE_TIMEOUT_MICROS));
    }

    @Override
    public NominalLoad nominalLoad() {
        // The emulator's plant is the sim's patch stage: 300 ohm series plus 6 kOhm skin at the start.
        return new NominalLoad("emulated patch load, 6.3 kOhm", 6_300, 1);
    }

    @Override
    public int controlPeriodMicros() {
        return 1_000;
    }

    @Override
    public ClockPolicy clockPolicy() {
        return clock;
    }

    @Override
    public int observedMicroamps(long nowMicros) {
        return emulator.flowingMicroamps();
    }

    @Override
    public int inducibleFaults() {
        return StatusFlags.LINK_FAULT | StatusFlags.DATA_FAULT | StatusFlags.FIRMWARE_WATCHDOG
                | StatusFlags.HARDWARE_FAULT | StatusFlags.SELF_TEST_FAILED;
    }

    @Override
    public void induce(int faultFlag, long nowMicros) {
        switch (faultFlag) {
            case StatusFlags.LINK_FAULT -> emulator.faults().disconnect();
            case StatusFlags.DATA_FAULT -> emulator.faults().corruptNextReplies(1);
            case StatusFlags.HARDWARE_FAULT -> emulator.faults().hardwareFault(true);
            case StatusFlags.SELF_TEST_FAILED -> emulator.faults().failSelfTest(true);
            case StatusFlags.FIRMWARE_WATCHDOG -> silenceUntilTheWatchdogTrips();
            default -> throw new IllegalArgumentException("the wire target cannot induce 0x"
                    + Integer.toHexString(faultFlag));
        }
    }

    /** The host goes silent (the kit's thread stops calling) until the device's watchdog has cut the output. */
    private void silenceUntilTheWatchdogTrips() {
        long deadline = System.nanoTime() + WATCHDOG_WAIT_NANOS;
        while (!emulator.watchdogLatched() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        if (!emulator.watchdogLatched()) {
            throw new IllegalStateException("the emulator's firmware watchdog did not trip within 5 s of host silence");
        }
    }

    @Override
    public boolean canStopMeasurements() {
        return true;
    }

    /** The device stops answering: every reply from now on is lost on the line. */
    @Override
    public void stopMeasurements() {
        emulator.faults().dropNextReplies(Integer.MAX_VALUE / 2);
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
