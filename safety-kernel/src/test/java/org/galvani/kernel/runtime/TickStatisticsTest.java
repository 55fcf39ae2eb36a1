package org.galvani.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The control loop's timing statistics, from known inputs. */
class TickStatisticsTest {

    private final TickStatistics statistics = new TickStatistics(1_000);

    @Test
    @Verifies("SRS-KRN-029")
    void nothingRecordedReportsZeros() {
        assertEquals(new JitterReport(0, 1_000, 0, 0, 0, 0, 0, 0, 0), statistics.report());
    }

    @Test
    @Verifies("SRS-KRN-029")
    void percentilesOfThePeriodDeviationComeFromTheHistogram() {
        record(50, 1_000);   // on time: deviation 0
        record(40, 1_010);   // 10 µs late
        record(9, 990);      // 10 µs early: the deviation is absolute
        record(1, 1_500);    // one period 500 µs long

        JitterReport report = statistics.report();

        assertEquals(100, report.ticks());
        assertEquals(0, report.p50Micros(), "the 50th of 100 deviations is 0");
        assertEquals(10, report.p99Micros(), "the 99th is 10");
        assertEquals(500, report.p999Micros(), "the 100th (rank ceil(99.9)) is 500");
        assertEquals(500, report.maxMicros());
    }

    @Test
    @Verifies("SRS-KRN-029")
    void deviationsBeyondTenPeriodsFallInTheLastBucketButKeepTheirMaximum() {
        record(1, 1_000 + 50_000);

        JitterReport report = statistics.report();

        assertEquals(10_000, report.p50Micros(), "resolved up to ten periods");
        assertEquals(50_000, report.maxMicros(), "the maximum is exact");
    }

    @Test
    @Verifies("SRS-KRN-029")
    void workLongerThanAPeriodIsAnOverrunAndMissedSlotsAreCounted() {
        statistics.recordWork(999);
        statistics.recordWork(1_000);
        statistics.recordWork(1_001);
        statistics.recordWork(4_321);
        statistics.recordMissed(3);
        statistics.recordMissed(2);

        JitterReport report = statistics.report();

        assertEquals(2, report.overruns(), "work of exactly one period is not an overrun");
        assertEquals(2, statistics.overruns());
        assertEquals(5, report.missedTicks());
        assertEquals(4_321, report.maxWorkMicros());
        assertEquals(0, report.ticks(), "work and missed slots are not period samples");
    }

    private void record(int times, long periodMicros) {
        for (int i = 0; i < times; i++) {
            statistics.recordPeriod(periodMicros);
        }
    }
}
