package org.galvani.drivers.tck;

/** How the kit drives the {@code nowMicros} of its calls to the driver under test. */
public enum ClockPolicy {

    /**
     * Simulated time: the kit advances its own clock by whole control periods and calls at once, as
     * {@code KernelRuntime.advanceTo} does. For in-process stages whose behaviour depends only on the
     * times they are given.
     */
    SIMULATED,

    /**
     * A real monotonic clock ({@link System#nanoTime()}): the kit parks between calls until the next
     * control period is due, as the runtime's control loop does. For stages behind a real-time link
     * (a serial or network protocol, a device emulator on its own threads).
     */
    REAL_TIME
}
