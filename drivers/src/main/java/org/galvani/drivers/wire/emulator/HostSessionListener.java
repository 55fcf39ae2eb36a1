package org.galvani.drivers.wire.emulator;

import org.galvani.trace.Implements;

/**
 * Told by a {@link DeviceEmulator} when a host connects and when it goes away, on the emulator's link
 * thread. The disconnect comes after the board has cut its output, so the true charge it carries is all
 * the charge that flowed up to then: what an outside observer (a crash test) compares with what the host
 * recorded. Implementations must return quickly and must not throw.
 */
@Implements("SRS-DRV-045")
public interface HostSessionListener {

    /** Host connection number {@code session} (from 1) was accepted from {@code peer}. */
    void connected(int session, String peer);

    /**
     * Host connection number {@code session} ended (the host closed it, it broke, or the emulator stopped)
     * and the output is off; {@code trueChargeMicroampMicros} flowed since the emulator started (µA·µs).
     */
    void disconnected(int session, long trueChargeMicroampMicros);

    /** A listener that does nothing (the default). */
    static HostSessionListener none() {
        return new HostSessionListener() {
            @Override
            public void connected(int session, String peer) {
                // Nobody listens.
            }

            @Override
            public void disconnected(int session, long trueChargeMicroampMicros) {
                // Nobody listens.
            }
        };
    }
}
