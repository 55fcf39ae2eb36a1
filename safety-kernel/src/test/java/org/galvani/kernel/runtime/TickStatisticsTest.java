package org.galvani.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void deviationsBeyondTenPeriodsAreResolvedToThePeriodRoundedUp() {
        record(997, 1_000);
        record(2, 1_000 + 12_345);  // in the one-period bucket (12,000, 13,000]
        record(1, 1_000 + 50_000);  // the largest: exact

        JitterReport report = statistics.report();

        assertEquals(13_000, report.p999Micros(), "the 999th of 1,000 deviations is reported as its bucket's upper edge");
        assertEquals(50_000, report.maxMicros(), "the maximum is exact");
        assertEquals(1_000, report.ticks());
    }

    @Test
    @Verifies("SRS-KRN-029")
    void aPercentileInACoarseBucketNeverExceedsTheMaximum() {
        record(1, 1_000 + 50_000);

        assertEquals(50_000, statistics.report().p50Micros(), "capped by the exact maximum, not the bucket's 51,000");
    }

    @Test
    @Verifies("SRS-KRN-029")
    void deviationsBeyondAThousandPeriodsAreReportedAsTheMaximum() {
        record(2, 1_000 + 5_000_000);
        record(1, 1_000 + 3_000_000);

        JitterReport report = statistics.report();

        assertEquals(5_000_000, report.maxMicros());
        assertEquals(5_000_000, report.p50Micros(), "beyond a thousand periods a percentile is the maximum: never an under-report");
    }

    @Test
    @Verifies("SRS-KRN-029")
    void aPeriodThatIsNotPositiveIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TickStatistics(0));
        assertTrue(e.getMessage().contains("period"), e.getMessage());
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

    @Test
    @Verifies("SRS-KRN-029")
    void aWindowReportsOnlyWhatCameAfterItsMark() {
        record(10, 1_000 + 40_000);  // a start-up: ten periods 40 ms long
        statistics.recordMissed(30);
        statistics.recordWork(1_500);
        TickStatistics.Mark mark = statistics.mark();
        record(998, 1_000);
        record(2, 1_003);
        statistics.recordWork(2_000);

        JitterReport window = statistics.reportSince(mark);

        assertEquals(1_000, window.ticks());
        assertEquals(3, window.p999Micros(), "the start-up's 40 ms periods are not in the window");
        assertEquals(3, window.maxMicros(), "the window's own maximum");
        assertEquals(1, window.overruns());
        assertEquals(0, window.missedTicks());
        assertEquals(40_000, statistics.report().maxMicros(), "the whole life still has them");
        assertEquals(1_010, statistics.report().ticks());
    }

    @Test
    @Verifies("SRS-KRN-029")
    void aMarkOfAnotherLoopIsRefused() {
        TickStatistics.Mark other = new TickStatistics(1_000).mark();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> statistics.reportSince(other));
        assertTrue(e.getMessage().contains("another loop"), e.getMessage());
    }

    private void record(int times, long periodMicros) {
        for (int i = 0; i < times; i++) {
            statistics.recordPeriod(periodMicros);
        }
    }
}
