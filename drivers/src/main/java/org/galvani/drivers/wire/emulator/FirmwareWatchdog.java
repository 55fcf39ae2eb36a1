package org.galvani.drivers.wire.emulator;

import org.galvani.trace.Implements;

/**
 * The board's firmware watchdog, on the board's own clock: armed while the output is enabled, it expires
 * when no SETPOINT refreshed it within its timeout; a trip latches until CLEAR_FAULT. A disabled output
 * needs no guarding, so an idle host with the output off does not trip it. Not thread-safe (the
 * front end's lock guards it).
 */
@Implements("SRS-DRV-034")
final class FirmwareWatchdog {

    private final long timeoutNanos;
    private long lastRefreshNanos;
    private boolean latched;
    private int trips;

    FirmwareWatchdog(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    void refresh(long nowNanos) {
        lastRefreshNanos = nowNanos;
    }

    /** Whether an enabled output has gone without a refresh for longer than the timeout. */
    boolean expired(long nowNanos) {
        return nowNanos - lastRefreshNanos > timeoutNanos;
    }

    void trip() {
        if (!latched) {
            latched = true;
            trips++;
        }
    }

    boolean latched() {
        return latched;
    }

    void clear() {
        latched = false;
    }

    int trips() {
        return trips;
    }
}
