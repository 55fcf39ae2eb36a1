package org.galvani.drivers.tck;

import org.galvani.kernel.spi.OutputStageDriver;

/**
 * The stage a {@link DriverConformanceKit} checks, as its vendor provides it: the driver under test, the
 * load it drives, the timing, and an observation of the output that does not depend on the driver.
 *
 * <p>Anything a target cannot do it declares ({@link #inducibleFaults()}, {@link #canStopMeasurements()}):
 * the checks that depend on it are then reported as skipped, with the reason, never as passed.
 * The kit calls a target from its test thread only, except {@link #observedMicroamps(long)}, which it also
 * calls from its loop thread (never concurrently).
 */
public interface ConformanceTarget extends AutoCloseable {

    /**
     * A new driver for a healthy stage (no fault, output disabled), not yet opened. The kit calls it once
     * per check and closes the driver afterwards; observations and faults concern the driver last created.
     */
    OutputStageDriver createDriver();

    /** The load the stage drives and how accurately it regulates current into it. */
    NominalLoad nominalLoad();

    /** The control period the kit calls the driver at (µs); at least the driver's minimum. */
    int controlPeriodMicros();

    /** Whether the kit runs in simulated or real time. */
    ClockPolicy clockPolicy();

    /**
     * The current the stage really drives into the load at {@code nowMicros} (µA, a magnitude), observed
     * independently of the driver's readings: a simulator's model, a device emulator's output stage, a
     * bench meter. The kit compares it with what the driver reports and with what it commanded.
     */
    int observedMicroamps(long nowMicros);

    /**
     * The {@link org.galvani.kernel.StatusFlags} fault bits this target can induce with {@link #induce}.
     * A claimed fault class that cannot be induced is reported as an unverified claim (skipped).
     */
    default int inducibleFaults() {
        return 0;
    }

    /**
     * Makes the stage suffer the fault of {@code faultFlag} (one bit of {@link #inducibleFaults()}), from
     * now until the driver is closed. The kit calls it between two ticks while it commands the test
     * current with polarity {@code ANODE}.
     *
     * @param nowMicros the kit's time now (for simulated stages; real-time targets may ignore it)
     */
    default void induce(int faultFlag, long nowMicros) {
        throw new UnsupportedOperationException("this target induces no faults");
    }

    /** Whether {@link #stopMeasurements()} is supported. */
    default boolean canStopMeasurements() {
        return false;
    }

    /**
     * Makes the stage stop taking new measurements (a frozen ADC, a link that stops delivering readings)
     * while the driver keeps being called, so that the kit can check that stale readings keep their time.
     */
    default void stopMeasurements() {
        throw new UnsupportedOperationException("this target cannot stop measurements");
    }

    /** Releases what the target holds (an emulator, a port); the kit calls it after each check. */
    @Override
    default void close() {
    }
}
