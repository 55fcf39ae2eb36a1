package org.galvani.drivers.wire.emulator;

/** Whose clock moves the emulator's plant. */
public enum ClockMode {
    /**
     * The host's: the plant's time is the host time carried in MEASURE and SETPOINT frames, so a run in
     * simulated time is deterministic and as fast as the host steps it.
     */
    HOST,
    /**
     * The device's own: a free-running 1 kHz firmware loop on the emulator's monotonic clock advances the
     * plant, whatever the host does (the true charge keeps counting if the host dies).
     */
    DEVICE
}
