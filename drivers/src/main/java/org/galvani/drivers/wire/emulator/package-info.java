/**
 * The device side of the wire protocol: {@link org.galvani.drivers.wire.emulator.DeviceEmulator} plays a
 * small embedded board (its firmware loop, firmware watchdog and protocol handling) around the same plant
 * model as the {@code sim} driver, on 127.0.0.1, with link-level fault injection for tests
 * ({@link org.galvani.drivers.wire.emulator.LinkFaults}).
 */
package org.galvani.drivers.wire.emulator;
