package org.galvani.drivers.wire.emulator;

import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.wire.WireProtocol;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.trace.Implements;

/**
 * The emulated board's firmware state around its analog front end (a {@link SimulatedOutputStage}): the
 * command in force, the firmware watchdog, the fault latches and the status word. The protocol thread and
 * the firmware loop both call in; every method holds this object's lock.
 *
 * <p>In {@link ClockMode#HOST} the plant's time is the host time of the frames (never going back); in
 * {@link ClockMode#DEVICE} it is the board's own clock, advanced by {@link #firmwareTick}. The watchdog
 * always runs on the board's own clock. In host mode a MEASURE is the stage's sample and a SETPOINT its
 * apply at the host's time, the same calls in the same order as the in-process {@code sim} driver gets.
 */
@Implements({"SRS-DRV-033", "SRS-DRV-034", "SRS-DRV-035", "SRS-DRV-037"})
final class AnalogFrontEnd {

    private final SimulatedOutputStage stage;
    private final ClockMode clock;
    private final FirmwareWatchdog watchdog;
    private final LinkFaults faults;
    private final long startNanos;
    private final Measurement latest = new Measurement();

    private long plantMicros;
    private boolean outputEnabled;
    private Polarity polarity;
    private boolean linkError;
    private long linkErrors;
    private long setpoints;
    private DeviceCommand lastCommand = DeviceCommand.NONE;

    AnalogFrontEnd(SimulatedOutputStage stage, ClockMode clock, long watchdogNanos, LinkFaults faults, long startNanos) {
        this.stage = stage;
        this.clock = clock;
        this.watchdog = new FirmwareWatchdog(watchdogNanos);
        this.faults = faults;
        this.startNanos = startNanos;
        stage.open();
        stage.sample(0, latest);
    }

    /** A MEASURE for {@code hostMicros}: fills {@code into} and returns the status word (then clears LINK_ERROR). */
    synchronized int measure(long hostMicros, long nowNanos, Measurement into) {
        enforceFaults(nowNanos);
        if (clock == ClockMode.HOST) {
            plantMicros = Math.max(plantMicros, hostMicros);
            stage.sample(plantMicros, latest);
        }
        into.copyFrom(latest);
        int status = status();
        linkError = false;
        return status;
    }

    /** A SETPOINT: refreshes the watchdog and applies the command unless a latch holds the output off. */
    synchronized void setpoint(long hostMicros, int microamps, boolean enable, Polarity newPolarity, long nowNanos) {
        lastCommand = new DeviceCommand(hostMicros, microamps, enable, newPolarity, setpoints++);
        watchdog.refresh(nowNanos);
        enforceFaults(nowNanos);
        boolean allowed = enable && !watchdog.latched() && !faults.hardwareFault();
        if (clock == ClockMode.HOST) {
            plantMicros = Math.max(plantMicros, hostMicros);
        } else {
            plantMicros = deviceMicros(nowNanos);
        }
        drive(allowed ? microamps : 0, allowed, newPolarity);
    }

    /** The firmware loop's period: advances a device-clocked plant and checks the watchdog. */
    synchronized void firmwareTick(long nowNanos) {
        if (clock == ClockMode.DEVICE) {
            plantMicros = deviceMicros(nowNanos);
            stage.sample(plantMicros, latest);
        }
        enforceFaults(nowNanos);
    }

    /** A host connected: a new session starts with the output disabled (latches are kept). */
    synchronized void hostConnected(long nowNanos) {
        watchdog.refresh(nowNanos);
        drive(0, false, polarity);
    }

    /** The host went away: an enabled output is cut and the watchdog latched, as if it had starved. */
    synchronized void hostDisconnected() {
        if (outputEnabled) {
            watchdog.trip();
        }
        drive(0, false, polarity);
    }

    /** CLEAR_FAULT: releases the watchdog latch; the output stays disabled until the next SETPOINT. */
    synchronized int clearFault(long nowNanos) {
        watchdog.clear();
        watchdog.refresh(nowNanos);
        drive(0, false, polarity);
        return status();
    }

    /** SELF_TEST: checks without changing the output. */
    synchronized int selfTest() {
        if (faults.selfTestFails()) {
            return WireProtocol.SELF_TEST_REFERENCE_MISMATCH;
        }
        if (faults.hardwareFault()) {
            return WireProtocol.SELF_TEST_HARDWARE_FAULT;
        }
        return WireProtocol.SELF_TEST_PASSED;
    }

    /** A corrupt, unknown or out-of-sequence frame from the host. */
    synchronized void noteLinkError() {
        linkError = true;
        linkErrors++;
    }

    synchronized int status() {
        int status = outputEnabled ? WireProtocol.DEVICE_OUTPUT_ENABLED : 0;
        if (watchdog.latched()) {
            status |= WireProtocol.DEVICE_WATCHDOG_TRIPPED;
        }
        if (faults.hardwareFault() || (latest.statusFlags() & StatusFlags.HARDWARE_FAULT) != 0) {
            status |= WireProtocol.DEVICE_HARDWARE_FAULT;
        }
        if (linkError) {
            status |= WireProtocol.DEVICE_LINK_ERROR;
        }
        return status;
    }

    synchronized int watchdogTrips() {
        return watchdog.trips();
    }

    synchronized boolean watchdogLatched() {
        return watchdog.latched();
    }

    synchronized boolean outputEnabled() {
        return outputEnabled;
    }

    synchronized long trueChargeMicroampMicros() {
        return stage.trueChargeMicroampMicros();
    }

    synchronized int flowingMicroamps() {
        return stage.flowingMicroamps();
    }

    synchronized long linkErrors() {
        return linkErrors;
    }

    synchronized DeviceCommand lastCommand() {
        return lastCommand;
    }

    /** The watchdog and an injected hardware fault cut an enabled output, whatever the host says. */
    private void enforceFaults(long nowNanos) {
        if (!outputEnabled) {
            return;
        }
        if (watchdog.expired(nowNanos)) {
            watchdog.trip();
            drive(0, false, polarity);
        } else if (faults.hardwareFault()) {
            drive(0, false, polarity);
        }
    }

    private void drive(int microamps, boolean enable, Polarity newPolarity) {
        outputEnabled = enable;
        polarity = newPolarity;
        stage.apply(plantMicros, microamps, enable, newPolarity);
        if (!enable) {
            // The board disables by opening its output relay as well as zeroing the DAC: a stage whose
            // regulation has run away ignores the DAC, not the relay.
            stage.safeDisable();
        }
        if (clock == ClockMode.DEVICE) {
            stage.sample(plantMicros, latest);
        }
    }

    private long deviceMicros(long nowNanos) {
        return Math.max(plantMicros, (nowNanos - startNanos) / 1_000);
    }
}
