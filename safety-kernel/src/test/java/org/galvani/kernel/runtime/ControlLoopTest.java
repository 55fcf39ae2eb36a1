package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.kernel.testing.TestStage;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * The control loop on a {@link SteppingClock}: its timing is deterministic, so the test can make one
 * tick's work overrun by three and a half periods, or the loop wake late for one, and check what the
 * loop does about it.
 */
class ControlLoopTest {

    /** The clock advances this much per read; bounds below allow for it. */
    private static final long CLOCK_STEP = 10;
    /** The sample at which the disturbance happens. */
    private static final int OVERRUN_AT_SAMPLE = 20;
    private static final long OVERRUN_WORK = 3_500;
    private static final int RECORDED = 64;

    @Test
    @Verifies("SRS-KRN-029")
    void anOverrunIsCountedAndTheMissedSlotsAreSkippedNotBurstThrough() {
        SteppingClock clock = new SteppingClock(1_000_000L, CLOCK_STEP);
        DisturbedStage stage = new DisturbedStage(() -> clock.jump(OVERRUN_WORK));
        long[] starts = stage.sampleTimes;
        KernelRuntime runtime = run(clock, stage);
        JitterReport report = runtime.jitter();
        assertEquals(runtime.channel("left").snapshot().tick() - 1, report.ticks(),
                "every tick but the first measures a period");

        assertEquals(1, report.overruns(), report.describe());
        assertEquals(3, report.missedTicks(), "work ended 2.5 periods past the next slot: 3 slots skipped");
        assertTrue(report.maxWorkMicros() >= OVERRUN_WORK && report.maxWorkMicros() <= OVERRUN_WORK + 3 * CLOCK_STEP,
                report.describe());
        for (int i = 1; i < RECORDED; i++) {
            long gap = starts[i] - starts[i - 1];
            long expected = i == OVERRUN_AT_SAMPLE ? 4 * PERIOD_MICROS : PERIOD_MICROS;
            assertTrue(Math.abs(gap - expected) <= CLOCK_STEP,
                    "tick " + i + " started " + gap + " us after the previous one, expected " + expected
                            + " (the loop stays on its grid, no burst)");
        }
        assertTrue(Math.abs(report.maxMicros() - 3 * PERIOD_MICROS) <= CLOCK_STEP, report.describe());
        assertTrue(report.p50Micros() <= CLOCK_STEP, report.describe());
    }

    @Test
    @Verifies("SRS-KRN-042")
    void aTickThatStartsLateIsFollowedAFullPeriodLaterNotAtTheNextSlotOfTheOldGrid() {
        SteppingClock clock = new SteppingClock(1_000_000L, CLOCK_STEP);
        // After this sample the loop reads the clock first for the tick's end, then waiting for the next
        // slot: the jump before that second read wakes the thread 1.9 ms after the tick, 0.9 periods late.
        DisturbedStage stage = new DisturbedStage(() -> clock.jumpAtRead(2, 2 * PERIOD_MICROS - 100));
        long[] starts = stage.sampleTimes;
        KernelRuntime runtime = run(clock, stage);
        JitterReport report = runtime.jitter();
        assertEquals(0, report.overruns(), report.describe());
        assertEquals(0, report.missedTicks(), "late by less than a period: no slot went by");
        for (int i = 1; i < RECORDED; i++) {
            long gap = starts[i] - starts[i - 1];
            long expected = i == OVERRUN_AT_SAMPLE ? 2 * PERIOD_MICROS - 100 : PERIOD_MICROS;
            assertTrue(gap >= expected - CLOCK_STEP && gap <= expected + 3 * CLOCK_STEP, "tick " + i + " started "
                    + gap + " us after the previous one, expected " + expected + " (never a short gap after a late tick)");
        }
    }

    @Test
    @Verifies("SRS-KRN-042")
    void noTickStartsSoonerAfterTheOneBeforeThanAStageSupports() {
        SteppingClock clock = new SteppingClock(1_000_000L, CLOCK_STEP);
        // A few tens of us late: within a quarter period, so the grid alone would start the next tick sooner than
        // a period later.
        TestStage slowStage = new TestStage(new DriverCapabilities("slow", 1, 25_000, 80_000, 1, PERIOD_MICROS));
        DisturbedStage stage = new DisturbedStage(slowStage, () -> clock.jumpAtRead(2, PERIOD_MICROS));
        long[] starts = stage.sampleTimes;
        run(clock, stage);
        for (int i = 1; i < RECORDED; i++) {
            long gap = starts[i] - starts[i - 1];
            assertTrue(gap >= PERIOD_MICROS, "tick " + i + " started " + gap + " us after the previous one; the stage"
                    + " supports no less than " + PERIOD_MICROS + " us");
        }
    }

    /** Runs the loop on {@code clock} until {@code stage} recorded its samples; returns the closed runtime. */
    private static KernelRuntime run(SteppingClock clock, DisturbedStage stage) {
        KernelRuntime runtime = KernelRuntime.builder()
                .clock(clock)
                .periodMicros(PERIOD_MICROS)
                .spinMicros(PERIOD_MICROS) // never park: the stepping clock only advances when read
                .channel("left", profile(), stage)
                .build();
        try {
            runtime.start();
            awaitSamples(stage, RECORDED);
        } finally {
            runtime.close();
        }
        return runtime;
    }

    private static void awaitSamples(DisturbedStage stage, int count) {
        for (int i = 0; i < 100_000; i++) {
            if (stage.samples.get() >= count) {
                return;
            }
            LockSupport.parkNanos(100_000L);
        }
        fail("the loop did not tick " + count + " times; it ticked " + stage.samples.get());
    }

    /** A test stage that records when it was sampled and disturbs the clock once, at a given sample. */
    private static final class DisturbedStage implements OutputStageDriver {
        private final TestStage stage;
        private final Runnable disturbance;
        private final long[] sampleTimes = new long[RECORDED];
        private final AtomicInteger samples = new AtomicInteger();

        DisturbedStage(Runnable disturbance) {
            this(new TestStage(), disturbance);
        }

        DisturbedStage(TestStage stage, Runnable disturbance) {
            this.stage = stage;
            this.disturbance = disturbance;
        }

        @Override
        public void sample(long nowMicros, Measurement into) {
            int index = samples.get();
            if (index < RECORDED) {
                sampleTimes[index] = nowMicros;
            }
            if (index == OVERRUN_AT_SAMPLE - 1) {
                disturbance.run();
            }
            stage.sample(nowMicros, into);
            samples.incrementAndGet();
        }

        @Override
        public DriverCapabilities capabilities() {
            return stage.capabilities();
        }

        @Override
        public void open() {
            stage.open();
        }

        @Override
        public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
            stage.apply(nowMicros, setpointMicroamps, outputEnabled, polarity);
        }

        @Override
        public void safeDisable() {
            stage.safeDisable();
        }

        @Override
        public SelfTestResult selfTest() {
            return stage.selfTest();
        }

        @Override
        public void close() {
            stage.close();
        }
    }
}
