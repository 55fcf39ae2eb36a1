package org.galvani.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** Where the control loop's next tick goes after an on-time, a late and an overrunning tick. */
class TickScheduleTest {

    private static final long PERIOD = 1_000;
    private static final long SPACING = 750;

    @Test
    @Verifies("SRS-KRN-042")
    void onTimeTicksKeepTheGrid() {
        TickSchedule schedule = new TickSchedule(0, PERIOD, SPACING);
        assertEquals(1_000, schedule.nextMicros());
        assertEquals(0, schedule.ticked(1_010, 1_030));
        assertEquals(2_000, schedule.nextMicros(), "10 us late keeps the grid: no drift");
        assertEquals(0, schedule.ticked(2_250, 2_260));
        assertEquals(3_000, schedule.nextMicros(), "late by exactly period - spacing still keeps it");
    }

    @Test
    @Verifies("SRS-KRN-042")
    void aTickThatStartsLateMovesTheGridSoTheNextIsAFullPeriodLater() {
        TickSchedule schedule = new TickSchedule(0, PERIOD, SPACING);
        assertEquals(0, schedule.ticked(1_950, 1_960));
        assertEquals(2_950, schedule.nextMicros(), "not 2,000, 50 us after this tick");
        assertEquals(0, schedule.ticked(2_951, 2_960));
        assertEquals(3_950, schedule.nextMicros(), "and then on the new grid");
    }

    @Test
    @Verifies("SRS-KRN-042")
    void slotsAStartWasLatePastAreCountedAsMissed() {
        TickSchedule schedule = new TickSchedule(0, PERIOD, SPACING);
        assertEquals(2, schedule.ticked(3_400, 3_410), "the slots at 2,000 and 3,000 went by");
        assertEquals(4_400, schedule.nextMicros());
    }

    @Test
    @Verifies({"SRS-KRN-029", "SRS-KRN-042"})
    void workThatOverrunsSkipsTheSlotsItMissedOnTheGrid() {
        TickSchedule schedule = new TickSchedule(0, PERIOD, SPACING);
        assertEquals(3, schedule.ticked(1_000, 4_500), "work ended 2.5 periods past the next slot");
        assertEquals(5_000, schedule.nextMicros());
        assertEquals(1, schedule.ticked(5_900, 6_950), "late start moves the grid to 6,900; the work overran that");
        assertEquals(7_900, schedule.nextMicros());
    }

    @Test
    @Verifies("SRS-KRN-042")
    void aSpacingOfAWholePeriodTicksAPeriodAfterEachStart() {
        TickSchedule schedule = new TickSchedule(0, PERIOD, PERIOD);
        schedule.ticked(1_001, 1_002);
        assertEquals(2_001, schedule.nextMicros());
    }

    @Test
    @Verifies("SRS-KRN-042")
    void noTwoTicksStartCloserThanTheSpacingWhateverTheLatenessAndWork() {
        // Each pair: how late the thread wakes after the slot, and how long the tick's work takes (µs).
        qt().forAll(lists().of(integers().between(0, 3_000)).ofSizeBetween(2, 60),
                lists().of(integers().between(0, 3_000)).ofSizeBetween(2, 60)).checkAssert((wakes, works) -> {
            TickSchedule schedule = new TickSchedule(0, PERIOD, SPACING);
            long previousStart = Long.MIN_VALUE;
            long slotsGoneBy = 0;
            int ticks = Math.min(wakes.size(), works.size());
            for (int i = 0; i < ticks; i++) {
                long start = schedule.nextMicros() + wakes.get(i);
                long end = start + works.get(i);
                if (previousStart != Long.MIN_VALUE) {
                    assertTrue(start - previousStart >= SPACING, "tick " + i + " started " + (start - previousStart)
                            + " us after the one before");
                }
                slotsGoneBy += schedule.ticked(start, end);
                assertTrue(schedule.nextMicros() > end, "the next slot is after this tick's end");
                previousStart = start;
            }
            // Every tick and every slot counted missed takes a period of the time the schedule moved on.
            assertTrue((ticks + slotsGoneBy) * PERIOD <= schedule.nextMicros() - PERIOD, "more slots counted missed ("
                    + slotsGoneBy + ") than went by: " + List.of(wakes, works));
        });
    }

    @Test
    void aSpacingOutsideOneMicrosecondToThePeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TickSchedule(0, PERIOD, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TickSchedule(0, PERIOD, PERIOD + 1));
        assertTrue(e.getMessage().contains("1001"), e.getMessage());
    }
}
