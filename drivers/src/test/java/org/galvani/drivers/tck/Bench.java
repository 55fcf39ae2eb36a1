package org.galvani.drivers.tck;

import static org.junit.jupiter.api.Assertions.fail;

import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.DriverException;
import org.galvani.kernel.spi.OutputStageDriver;
import org.junit.jupiter.api.Assumptions;

/**
 * One driver under test on the kit's clock, called the way the runtime calls it: a tick is sample, then
 * apply, at one time, once per control period. Every driver call that throws becomes a failure naming
 * the obligation; every helper that only sets up a check aborts it (skipped, with the reason) instead of
 * failing, so that a driver fails the check that is about its fault and not every check after it.
 */
final class Bench implements AutoCloseable {

    /** Periods in which a real-time stage must deliver a reading stamped after a given time. */
    static final int POLL_PERIODS = 20;
    /** Periods the kit commands a current before relying on it. */
    static final int SETTLE_PERIODS = 3;

    final ConformanceTarget target;
    final OutputStageDriver driver;
    final DriverCapabilities capabilities;
    final KitClock clock;
    final int period;
    final int testCurrent;
    final int tolerance;
    final Measurement reading = new Measurement();

    private Bench(ConformanceTarget target, OutputStageDriver driver) {
        this.target = target;
        this.driver = driver;
        this.capabilities = driver.capabilities();
        this.clock = new KitClock(target.clockPolicy());
        this.period = target.controlPeriodMicros();
        NominalLoad load = target.nominalLoad();
        long drivable = Math.min(capabilities.maxCurrentMicroamps(),
                (long) capabilities.complianceMillivolts() * 1_000L / load.ohms());
        this.testCurrent = (int) (drivable / 2);
        this.tolerance = toleranceFor(testCurrent);
        if (period < 1 || testCurrent < 2 * capabilities.resolutionMicroamps()) {
            throw new IllegalStateException("conformance target: control period " + period + " us and test current "
                    + testCurrent + " uA (half of what " + capabilities.name() + " drives into " + load.description()
                    + ") cannot be used; check the target's period and nominal load");
        }
    }

    /** A new driver from {@code target}, not yet opened. */
    static Bench of(ConformanceTarget target) {
        OutputStageDriver driver = target.createDriver();
        if (driver == null || driver.capabilities() == null) {
            fail("conformance target: createDriver() returned no driver, or one without capabilities");
        }
        return new Bench(target, driver);
    }

    /** How far a reading of {@code microamps} may be off: max(resolution, the load's tolerance). */
    int toleranceFor(int microamps) {
        long percent = (long) microamps * target.nominalLoad().tolerancePercent() / 100L;
        return (int) Math.max(capabilities.resolutionMicroamps(), percent);
    }

    Bench open() {
        try {
            driver.open();
        } catch (DriverException | RuntimeException e) {
            fail(Obligation.OPEN_DISABLED.violated("open() threw " + e), e);
        }
        return this;
    }

    Measurement sample(long nowMicros) {
        try {
            driver.sample(nowMicros, reading);
        } catch (RuntimeException e) {
            fail(Obligation.NO_THROW.violated("sample(" + nowMicros + ") threw " + e), e);
        }
        return reading;
    }

    void apply(long nowMicros, int setpoint, boolean enabled, Polarity polarity) {
        try {
            driver.apply(nowMicros, setpoint, enabled, polarity);
        } catch (RuntimeException e) {
            fail(Obligation.NO_THROW.violated("apply(" + nowMicros + ", " + setpoint + ", " + enabled + ", "
                    + polarity + ") threw " + e), e);
        }
    }

    /** The next period's reading, with no command in between. */
    Measurement sampleNext() {
        return sample(clock.advanceTo(clock.now() + period));
    }

    /** One tick one period on: sample, then apply the command. Returns the reading. */
    Measurement tick(int setpoint, boolean enabled, Polarity polarity) {
        long now = clock.advanceTo(clock.now() + period);
        sample(now);
        apply(now, setpoint, enabled, polarity);
        return reading;
    }

    /** Ticks with the output disabled. */
    Measurement idle(int periods) {
        for (int i = 0; i < periods; i++) {
            tick(0, false, Polarity.ANODE);
        }
        return reading;
    }

    /**
     * The first reading stamped at or after {@code micros}: sampled at that time in simulated time, polled
     * once a period in real time (a failure if none comes within {@link #POLL_PERIODS}).
     */
    Measurement readingAtOrAfter(long micros) {
        long now = clock.advanceTo(micros);
        long deadline = micros + (long) POLL_PERIODS * period;
        while (true) {
            sample(now);
            if (reading.sampledAtMicros() >= micros) {
                return reading;
            }
            if (now >= deadline) {
                fail(Obligation.STAMP_AT_SAMPLING_TIME.violated("no reading stamped at or after " + micros
                        + " us within " + POLL_PERIODS + " periods; the latest is " + reading));
            }
            now = clock.advanceTo(now + period);
        }
    }

    /**
     * Commands {@code microamps} for {@link #SETTLE_PERIODS} ticks and returns the last reading; aborts
     * the check if the stage does not show it (the check of applying a command reports that failure).
     */
    Measurement deliver(int microamps, Polarity polarity) {
        // The reading of the last tick shows the command of SETTLE_PERIODS ticks before it.
        for (int i = 0; i <= SETTLE_PERIODS; i++) {
            tick(microamps, true, polarity);
        }
        Assumptions.assumeTrue(Math.abs(reading.currentMicroamps() - microamps) <= toleranceFor(microamps),
                () -> "precondition not met: the stage shows " + reading + " after commanding " + microamps + " uA "
                        + polarity + " for " + SETTLE_PERIODS + " periods (see the check on applying a command)");
        return reading;
    }

    /** The target's independent observation now. */
    int observed() {
        return target.observedMicroamps(clock.now());
    }

    /** Fails unless the latest reading and the observation show a disabled output. */
    void assertOff(Obligation obligation, String when) {
        int observed = observed();
        if (reading.currentMicroamps() != 0 || observed != 0 || (reading.statusFlags() & StatusFlags.OUTPUT_SAFE) == 0
                || (reading.statusFlags() & StatusFlags.OUTPUT_ENABLED) != 0) {
            fail(obligation.violated(when + ": expected the output disabled (0 uA, OUTPUT_SAFE, not OUTPUT_ENABLED)"
                    + " but the reading is " + reading + " and the target observes " + observed + " uA"));
        }
    }

    /** Fails unless the latest reading and the observation show {@code microamps} within tolerance. */
    void assertDelivering(int microamps, Obligation obligation, String when) {
        int observed = observed();
        int allowed = toleranceFor(microamps);
        if (Math.abs(reading.currentMicroamps() - microamps) > allowed || Math.abs(observed - microamps) > allowed) {
            fail(obligation.violated(when + ": expected " + microamps + " uA +/- " + allowed + " on "
                    + target.nominalLoad().description() + " but the reading is " + reading
                    + " and the target observes " + observed + " uA"));
        }
    }

    @Override
    public void close() {
        try {
            driver.close();
        } catch (RuntimeException e) {
            // Teardown only: the close check reports a close() that throws.
        }
    }
}
