package org.galvani.drivers.wire.emulator;

import org.galvani.kernel.Polarity;

/**
 * The last SETPOINT the emulator received, as sent (before its own watchdog or fault latches).
 *
 * @param hostMicros   the host time in the frame
 * @param microamps    the setpoint (µA)
 * @param enabled      whether the host asked for the output enabled
 * @param polarity     the polarity, or null when the host chose none
 * @param sequence     how many SETPOINTs came before this one since the emulator started
 */
public record DeviceCommand(long hostMicros, int microamps, boolean enabled, Polarity polarity, long sequence) {

    /** Before any SETPOINT. */
    public static final DeviceCommand NONE = new DeviceCommand(0, 0, false, null, -1);
}
