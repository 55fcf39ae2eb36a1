package org.galvani.drivers.tck;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Stream;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.trace.Implements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The driver conformance kit: checks that an {@link org.galvani.kernel.spi.OutputStageDriver} keeps the
 * promises of the driver SPI that the safety kernel relies on. A vendor extends this class in its test
 * sources and returns its {@link ConformanceTarget}; every check gets a new driver from it.
 *
 * <p>A failure quotes the SPI sentence the driver broke. A check that needs something the target
 * declares it cannot do is skipped with the reason, never passed.
 */
@Implements({"SRS-DRV-040", "SRS-DRV-041"})
public abstract class DriverConformanceKit {

    /** Fault classes the kit induces one at a time (a self-test failure has its own check). */
    private static final List<Integer> FAULT_CLASSES = List.of(StatusFlags.HARDWARE_FAULT,
            StatusFlags.HARDWARE_OVERCURRENT, StatusFlags.LINK_FAULT, StatusFlags.DATA_FAULT,
            StatusFlags.FIRMWARE_WATCHDOG);
    /** Periods within which an induced fault must be flagged or a self-test must report it. */
    static final int FAULT_PERIODS = 100;
    /** Sample calls of the healthy run: enough for counters and buffers to wrap at least once. */
    static final int HEALTHY_RUN_PERIODS = 2_000;

    private ConformanceTarget target;
    private Bench bench;

    /** The stage under test; called once per check. */
    protected abstract ConformanceTarget target();

    @BeforeEach
    final void createDriver() {
        target = target();
        assertNotNull(target, "target() returned null");
        bench = Bench.of(target);
    }

    @AfterEach
    final void closeDriver() {
        try {
            bench.close();
        } finally {
            target.close();
        }
    }

    @Test
    @DisplayName("capabilities are sane and do not change after open()")
    final void capabilitiesAreSaneAndStable() {
        DriverCapabilities declared = bench.capabilities;
        assertAll("capabilities of " + declared.name(),
                () -> assertTrue(declared.maxCurrentMicroamps() > 0, "maxCurrentMicroamps must be positive"),
                () -> assertTrue(declared.complianceMillivolts() > 0, "complianceMillivolts must be positive"),
                () -> assertTrue(declared.resolutionMicroamps() <= declared.maxCurrentMicroamps(),
                        "resolutionMicroamps must not exceed maxCurrentMicroamps"),
                () -> assertTrue(declared.minControlPeriodMicros() > 0, "minControlPeriodMicros must be positive"),
                () -> assertTrue(declared.minControlPeriodMicros() <= bench.period, "the target's control period "
                        + bench.period + " us is shorter than the driver's minimum " + declared.minControlPeriodMicros()),
                () -> assertEquals(0, declared.detectableFaults()
                                & ~(StatusFlags.FAULT_MASK & ~StatusFlags.DRIVER_EXCEPTION),
                        "detectableFaults may hold only StatusFlags fault bits other than DRIVER_EXCEPTION"));
        bench.open();
        assertStable(declared, "after open()");
        bench.idle(2);
        bench.deliver(bench.testCurrent, Polarity.ANODE);
        assertStable(declared, "while delivering");
        bench.driver.selfTest();
        bench.driver.safeDisable();
        assertStable(declared, "after selfTest() and safeDisable()");
    }

    private void assertStable(DriverCapabilities declared, String when) {
        DriverCapabilities now = bench.driver.capabilities();
        if (!declared.equals(now)) {
            fail(Obligation.CAPABILITIES_STABLE.violated(when + " they are " + now + ", before open() " + declared));
        }
    }

    @Test
    @DisplayName("open() leaves the output disabled")
    final void openLeavesTheOutputDisabled() {
        bench.open();
        bench.sample(bench.clock.now());
        bench.assertOff(Obligation.OPEN_DISABLED, "the first reading after open()");
        bench.sampleNext();
        bench.assertOff(Obligation.OPEN_DISABLED, "one period after open(), with no command applied");
    }

    @Test
    @DisplayName("readings are stamped at their sampling time, within one period, never backwards")
    final void readingsAreFreshAndInOrder() {
        bench.open();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 40; i++) {
            boolean on = i >= 5 && i < 30;
            long now = bench.clock.advanceTo(bench.clock.now() + bench.period);
            long stamp = bench.sample(now).sampledAtMicros();
            if (stamp > now || stamp < now - bench.period) {
                fail(Obligation.STAMP_AT_SAMPLING_TIME.violated("sample(" + now + ") returned a reading stamped "
                        + stamp + " us; it must be at most " + now + " and at least one period (" + bench.period
                        + " us) earlier"));
            }
            if (stamp < previous) {
                fail(Obligation.LATEST_READING.violated("a reading stamped " + stamp + " us came after one stamped "
                        + previous + " us"));
            }
            previous = stamp;
            bench.apply(now, on ? bench.testCurrent : 0, on, Polarity.ANODE);
        }
    }

    @Test
    @DisplayName("a stale reading keeps its old time stamp")
    final void aStaleReadingKeepsItsOldTime() {
        assumeTrue(target.canStopMeasurements(), "not checked: the target cannot stop the stage's measurements"
                + " (ConformanceTarget.canStopMeasurements() is false)");
        bench.open();
        bench.idle(2);
        bench.deliver(bench.testCurrent, Polarity.ANODE);
        long stopped = bench.clock.now();
        target.stopMeasurements();
        long first = Long.MIN_VALUE;
        for (int i = 0; i < 10; i++) {
            long stamp = bench.tick(bench.testCurrent, true, Polarity.ANODE).sampledAtMicros();
            if (stamp > stopped || (first != Long.MIN_VALUE && stamp != first)) {
                fail(Obligation.NEVER_RESTAMP.violated("measurements stopped at " + stopped + " us, but at "
                        + bench.clock.now() + " us the reading is stamped " + stamp + " us"
                        + (first == Long.MIN_VALUE ? "" : " (the first stale reading was stamped " + first + " us)")));
            }
            first = stamp;
        }
    }

    @Test
    @DisplayName("a command is applied within one control period")
    final void aCommandIsAppliedWithinOnePeriod() {
        bench.open();
        bench.idle(2);
        int[] steps = {bench.testCurrent, bench.testCurrent / 2, bench.testCurrent, 0};
        for (int setpoint : steps) {
            long applied = bench.clock.advanceTo(bench.clock.now() + bench.period);
            bench.sample(applied);
            bench.apply(applied, setpoint, setpoint > 0, Polarity.ANODE);
            bench.readingAtOrAfter(applied + bench.period);
            String when = "one period after apply(" + applied + ", " + setpoint + ", " + (setpoint > 0) + ", ANODE)";
            if (setpoint > 0) {
                bench.assertDelivering(setpoint, Obligation.APPLY_UNTIL_NEXT_CALL, when);
            } else {
                bench.assertOff(Obligation.APPLY_UNTIL_NEXT_CALL, when);
            }
            bench.apply(bench.clock.now(), setpoint, setpoint > 0, Polarity.ANODE);
        }
    }

    @Test
    @DisplayName("current and voltage are reported as magnitudes in both polarities")
    final void currentIsAMagnitudeInBothPolarities() {
        bench.open();
        for (Polarity polarity : Polarity.values()) {
            bench.idle(2);
            for (int i = 0; i <= Bench.SETTLE_PERIODS; i++) {
                bench.tick(bench.testCurrent, true, polarity);
            }
            Measurement reading = bench.reading;
            if (reading.electrodeMillivolts() < 0) {
                fail(Obligation.MAGNITUDES.violated(polarity + ": a negative electrode voltage in " + reading));
            }
            bench.assertDelivering(bench.testCurrent, Obligation.MAGNITUDES, polarity + ", after "
                    + Bench.SETTLE_PERIODS + " periods at " + bench.testCurrent + " uA");
        }
        bench.idle(1);
    }

    @Test
    @DisplayName("the stage never raises current by itself")
    final void neverRaisesCurrentByItself() {
        bench.open();
        bench.idle(1);
        for (int i = 0; i < 10; i++) {
            bench.tick(bench.testCurrent, false, Polarity.ANODE);
            bench.assertOff(Obligation.APPLY_EXACTLY, "commanded " + bench.testCurrent + " uA with the output disabled");
        }
        bench.tick(0, true, Polarity.ANODE);
        for (int i = 0; i < 10; i++) {
            bench.tick(0, true, Polarity.ANODE);
            int observed = bench.observed();
            if (bench.reading.currentMicroamps() != 0 || observed != 0) {
                fail(Obligation.APPLY_EXACTLY.violated("commanded 0 uA with the output enabled, the reading is "
                        + bench.reading + " and the target observes " + observed + " uA"));
            }
        }
        int ceiling = bench.testCurrent + bench.tolerance;
        bench.tick(bench.testCurrent, true, Polarity.ANODE);
        for (int i = 0; i < 50; i++) {
            bench.tick(bench.testCurrent, true, Polarity.ANODE);
            int observed = bench.observed();
            if (bench.reading.currentMicroamps() > ceiling || observed > ceiling) {
                fail(Obligation.APPLY_EXACTLY.violated("holding " + bench.testCurrent + " uA, the reading is "
                        + bench.reading + " and the target observes " + observed + " uA, above " + ceiling + " uA"));
            }
        }
        bench.idle(1);
    }

    @Test
    @DisplayName("close() disables the output and does not throw")
    final void closeDisablesTheOutput() {
        bench.open();
        bench.idle(1);
        bench.deliver(bench.testCurrent, Polarity.ANODE);
        try {
            bench.driver.close();
        } catch (RuntimeException e) {
            fail(Obligation.CLOSE_DISABLES.violated("close() threw " + e), e);
        }
        long later = bench.clock.advanceTo(bench.clock.now() + bench.period);
        int observed = target.observedMicroamps(later);
        if (observed != 0) {
            fail(Obligation.CLOSE_DISABLES.violated("one period after close() the target observes " + observed + " uA"));
        }
    }

    @Test
    @DisplayName("safeDisable() disables within one period, from any thread, idempotently, without throwing")
    final void safeDisableDisablesFromAnyThread() throws InterruptedException {
        safeDisableMustNotThrow("before open()");
        bench.open();
        bench.idle(1);
        bench.deliver(bench.testCurrent, Polarity.ANODE);
        Throwable[] thrown = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                bench.driver.safeDisable();
                bench.driver.safeDisable();
            } catch (RuntimeException | Error e) {
                thrown[0] = e;
            }
        }, "tck-safe-disable");
        other.start();
        other.join(ConcurrentDisableRun.JOIN_SECONDS * 1_000L);
        if (other.isAlive() || thrown[0] != null) {
            fail(Obligation.SAFE_DISABLE.violated("safeDisable() from another thread "
                    + (thrown[0] != null ? "threw " + thrown[0] : "did not return")), thrown[0]);
        }
        bench.sampleNext();
        bench.assertOff(Obligation.SAFE_DISABLE_CONCURRENT, "one period after safeDisable() from another thread");
        safeDisableMustNotThrow("a third time");
        bench.sampleNext();
        bench.assertOff(Obligation.SAFE_DISABLE, "after safeDisable() again");
        bench.close();
        safeDisableMustNotThrow("after close()");
    }

    private void safeDisableMustNotThrow(String when) {
        try {
            bench.driver.safeDisable();
        } catch (RuntimeException e) {
            fail(Obligation.SAFE_DISABLE.violated("safeDisable() " + when + " threw " + e), e);
        }
    }

    @TestFactory
    @DisplayName("each claimed fault class is flagged when induced")
    final Stream<DynamicTest> claimedFaultsAreFlagged() {
        return FAULT_CLASSES.stream().map(flag -> DynamicTest.dynamicTest(FaultNames.of(flag) + " is flagged when induced",
                () -> {
                    try (Bench own = inducible(flag)) {
                        if (!awaitFlag(own, flag)) {
                            fail(Obligation.CLAIMED_FAULTS.violated(FaultNames.of(flag) + " is claimed in"
                                    + " detectableFaults and was induced, but no reading within " + FAULT_PERIODS
                                    + " periods carried it; the latest is " + own.reading));
                        }
                    }
                }));
    }

    @TestFactory
    @DisplayName("after a fault, a disabling command leaves the output off")
    final Stream<DynamicTest> aFaultEndsWithTheOutputOff() {
        return FAULT_CLASSES.stream().map(flag -> DynamicTest.dynamicTest("after " + FaultNames.of(flag)
                + " the output goes off", () -> {
                    try (Bench own = inducible(flag)) {
                        assumeTrue(awaitFlag(own, flag), () -> "precondition not met: " + FaultNames.of(flag)
                                + " was never flagged (see the check that claimed faults are flagged)");
                        // As the kernel does on a fault flag: zero and disabled in the same tick.
                        own.apply(own.clock.now(), 0, false, Polarity.ANODE);
                        for (int i = 0; i < 3; i++) {
                            own.tick(0, false, Polarity.ANODE);
                            int observed = own.observed();
                            // A stale reading (a lost link) keeps its old time and its old values, as the
                            // SPI requires; only a fresh one must show the output off.
                            boolean fresh = own.reading.sampledAtMicros() > own.clock.now() - own.period;
                            if (observed != 0 || (fresh && (own.reading.currentMicroamps() != 0
                                    || (own.reading.statusFlags() & StatusFlags.OUTPUT_ENABLED) != 0))) {
                                fail(Obligation.APPLY_EXACTLY.violated("after " + FaultNames.of(flag)
                                        + " the kit commanded the output disabled, but the reading is " + own.reading
                                        + " and the target observes " + observed + " uA"));
                            }
                        }
                    }
                }));
    }

    /** A new bench for {@code flag}, delivering the test current with the fault induced; or skips. */
    private Bench inducible(int flag) {
        assumeTrue(bench.capabilities.detects(flag), () -> "not applicable: the driver does not claim "
                + FaultNames.of(flag) + " in detectableFaults");
        assumeTrue((target.inducibleFaults() & flag) == flag, () -> "unverified claim: the driver claims "
                + FaultNames.of(flag) + " but the target cannot induce it (ConformanceTarget.inducibleFaults())");
        Bench own = Bench.of(target);
        try {
            own.open();
            own.idle(1);
            own.deliver(own.testCurrent, Polarity.ANODE);
            target.induce(flag, own.clock.now());
            return own;
        } catch (RuntimeException | Error e) {
            own.close();
            throw e;
        }
    }

    /** Keeps commanding the test current until a reading carries {@code flag}; whether one did. */
    private static boolean awaitFlag(Bench own, int flag) {
        for (int i = 0; i < FAULT_PERIODS; i++) {
            if ((own.tick(own.testCurrent, true, Polarity.ANODE).statusFlags() & flag) != 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("a healthy run raises no fault bit, and sample() and apply() never throw")
    final void aHealthyRunRaisesNoFault() {
        bench.open();
        int ramp = HEALTHY_RUN_PERIODS / 8;
        for (int i = 0; i < HEALTHY_RUN_PERIODS; i++) {
            // Two treatments, one per polarity: idle, ramp up, hold, ramp down, idle.
            Polarity polarity = i < HEALTHY_RUN_PERIODS / 2 ? Polarity.ANODE : Polarity.CATHODE;
            int phase = i % (HEALTHY_RUN_PERIODS / 2);
            int setpoint = treatmentSetpoint(phase, ramp, bench.testCurrent);
            long now = bench.clock.advanceTo(bench.clock.now() + bench.period);
            Measurement reading = bench.sample(now);
            int observed = bench.observed();
            bench.apply(now, setpoint, setpoint > 0, polarity);
            if (StatusFlags.hasFault(reading.statusFlags())) {
                fail(Obligation.FAULT_FLAGS.violated("a fault bit in a healthy run at " + bench.clock.now()
                        + " us: " + reading + " (" + FaultNames.of(reading.statusFlags() & StatusFlags.FAULT_MASK) + ")"));
            }
            if (reading.currentMicroamps() < 0 || reading.electrodeMillivolts() < 0
                    || (reading.impedanceOhms() < 0 && reading.impedanceOhms() != Measurement.IMPEDANCE_UNKNOWN)) {
                fail(Obligation.MAGNITUDES.violated("a malformed reading in a healthy run: " + reading));
            }
            if ((reading.statusFlags() & StatusFlags.OUTPUT_SAFE) != 0 && observed != 0) {
                fail(Obligation.OUTPUT_SAFE_HONEST.violated("the reading says OUTPUT_SAFE (" + reading
                        + ") but the target observes " + observed + " uA"));
            }
        }
    }

    /** A treatment's setpoint at {@code phase}: idle, ramp up over {@code ramp} periods, hold, ramp down, idle. */
    private static int treatmentSetpoint(int phase, int ramp, int current) {
        int idle = ramp / 2;
        int downFrom = HEALTHY_RUN_PERIODS / 2 - idle - ramp;
        if (phase < idle || phase >= downFrom + ramp) {
            return 0;
        }
        if (phase < idle + ramp) {
            return (int) ((long) current * (phase - idle + 1) / ramp);
        }
        if (phase < downFrom) {
            return current;
        }
        return (int) ((long) current * (downFrom + ramp - phase - 1) / ramp);
    }

    @Test
    @DisplayName("self-test passes on a healthy stage")
    final void selfTestPassesWhenHealthy() {
        bench.open();
        bench.idle(2);
        SelfTestResult result = bench.driver.selfTest();
        if (result == null || !result.passed() || result.detail() == null || result.detail().isBlank()) {
            fail(Obligation.SELF_TEST.violated("a healthy stage with its output disabled did not pass its self-test"
                    + " with a detail: " + result));
        }
    }

    @Test
    @DisplayName("self-test does not change the output")
    final void selfTestDoesNotChangeTheOutput() {
        bench.open();
        bench.idle(2);
        selfTestBetweenTicks();
        bench.sampleNext();
        bench.assertOff(Obligation.SELF_TEST, "one period after selfTest() with the output disabled");
        bench.apply(bench.clock.now(), 0, false, Polarity.ANODE);
        bench.deliver(bench.testCurrent, Polarity.ANODE);
        selfTestBetweenTicks();
        bench.sampleNext();
        bench.assertDelivering(bench.testCurrent, Obligation.SELF_TEST,
                "one period after selfTest() while delivering " + bench.testCurrent + " uA");
        bench.apply(bench.clock.now(), 0, false, Polarity.ANODE);
    }

    /** Runs a self-test as the runtime does, between two ticks; its outcome is not this check's concern. */
    private void selfTestBetweenTicks() {
        try {
            bench.driver.selfTest();
        } catch (RuntimeException e) {
            fail(Obligation.SELF_TEST.violated("selfTest() threw " + e), e);
        }
    }

    @Test
    @DisplayName("self-test fails when the target induces a self-test failure")
    final void selfTestFailsWhenInduced() {
        assumeTrue(bench.capabilities.detects(StatusFlags.SELF_TEST_FAILED),
                "not applicable: the driver does not claim SELF_TEST_FAILED in detectableFaults");
        assumeTrue((target.inducibleFaults() & StatusFlags.SELF_TEST_FAILED) != 0, "unverified claim: the driver"
                + " claims SELF_TEST_FAILED but the target cannot induce it (ConformanceTarget.inducibleFaults())");
        bench.open();
        bench.idle(2);
        target.induce(StatusFlags.SELF_TEST_FAILED, bench.clock.now());
        SelfTestResult result = null;
        for (int i = 0; i < FAULT_PERIODS && (result == null || result.passed()); i++) {
            bench.idle(1);
            result = bench.driver.selfTest();
        }
        if (result == null || result.passed()) {
            fail(Obligation.SELF_TEST.violated("a self-test failure was induced, but selfTest() still reports "
                    + result + " after " + FAULT_PERIODS + " periods"));
        }
        bench.sampleNext();
        bench.assertOff(Obligation.SELF_TEST, "after the failed self-test");
    }

    @Test
    @DisplayName("sample() and apply() on the loop thread are safe with safeDisable() from other threads")
    final void loopAndSafeDisableAreThreadSafe() throws InterruptedException {
        bench.open();
        bench.idle(1);
        List<String> problems = new ConcurrentDisableRun(bench).run();
        if (!problems.isEmpty()) {
            fail(Obligation.SAFE_DISABLE_CONCURRENT.violated(String.join("; ", problems)));
        }
        bench.sampleNext();
        bench.assertOff(Obligation.SAFE_DISABLE_CONCURRENT, "after the loop and the last safeDisable() calls");
    }
}
