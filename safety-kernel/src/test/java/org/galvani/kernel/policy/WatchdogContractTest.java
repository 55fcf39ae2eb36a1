package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import org.galvani.kernel.testing.Gens;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The JML contract of {@link Watchdog} over generated limits and sequences of (tick, sample) times. */
class WatchdogContractTest {

    private static final Gen<long[]> LIMITS = Gens.longs(0, 20_000).zip(Gens.longs(0, 20_000),
            (maxAge, gap) -> new long[] {maxAge, gap});

    /** Tick and sample times: mostly steps of about a period, sometimes anywhere. */
    private static final Gen<long[]> STEP = Gens.longs(-2_000, 25_000).zip(Gens.longs(-2_000, 25_000),
            (tickStep, age) -> new long[] {tickStep, age});

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void everyCheckKeepsTheContract() {
        qt().forAll(LIMITS, lists().of(STEP).ofSizeBetween(1, 30)).checkAssert((limits, steps) -> {
            long maxAge = limits[0];
            long gap = limits[1];
            Watchdog watchdog = new Watchdog(maxAge, gap);
            assertEquals(Watchdog.NONE, previousTick(watchdog));
            assertEquals(Watchdog.NONE, previousSample(watchdog));
            long now = 50_000;
            for (long[] step : steps) {
                now = Math.max(0, now + step[0]);
                long sampled = Math.max(0, now - step[1]);
                long oldTick = previousTick(watchdog);
                long oldSample = previousSample(watchdog);
                WatchdogVerdict verdict = watchdog.check(now, sampled);
                assertNotNull(verdict);
                if ((oldTick != Watchdog.NONE && now < oldTick) || (oldSample != Watchdog.NONE && sampled < oldSample)
                        || sampled > now) {
                    assertEquals(WatchdogVerdict.TIME_BACKWARDS, verdict);
                }
                if (verdict == WatchdogVerdict.OK) {
                    assertTrue(now - sampled <= maxAge);
                    assertTrue(oldTick == Watchdog.NONE || now - oldTick <= gap);
                }
                if (verdict == WatchdogVerdict.TIME_BACKWARDS) {
                    assertEquals(oldTick, previousTick(watchdog));
                    assertEquals(oldSample, previousSample(watchdog));
                } else {
                    assertEquals(now, previousTick(watchdog));
                    assertEquals(sampled, previousSample(watchdog));
                }
            }
        });
    }

    private static long previousTick(Watchdog watchdog) {
        return SpecFields.longOf(watchdog, "previousTickMicros");
    }

    private static long previousSample(Watchdog watchdog) {
        return SpecFields.longOf(watchdog, "previousSampleMicros");
    }
}
