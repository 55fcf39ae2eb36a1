package org.galvani.kernel.runtime;

import org.galvani.trace.Implements;

/**
 * When the control loop's next tick may start. The loop keeps a grid of slots one period apart, so that
 * on-time ticks hold the nominal rate, and guarantees that no tick starts sooner than a minimum spacing
 * after the one before:
 * <ul>
 *   <li>a tick that starts later than {@code period − spacing} after its slot (the thread woke late)
 *       moves the grid: the next slot is one period after that tick, not the old slot after it, which
 *       could be only microseconds away;</li>
 *   <li>a tick whose work runs past the next slot skips the slots it missed rather than bursting
 *       through them.</li>
 * </ul>
 * Two ticks close together would give a driver less than the control period it declared as its
 * shortest, and let a reading follow a large setpoint step before the load has settled (a skin's
 * capacitance makes voltage over current read far too high just after the current drops, which the
 * contact monitor would take for a detach).
 */
@Implements("SRS-KRN-042")
final class TickSchedule {

    private final long periodMicros;
    /** How late a tick may start and still keep the grid. */
    private final long toleranceMicros;
    private long nextMicros;

    /**
     * A schedule whose first slot is one period after {@code nowMicros}.
     *
     * @param minSpacingMicros the shortest time between two tick starts; from 1 to the period
     */
    TickSchedule(long nowMicros, long periodMicros, long minSpacingMicros) {
        if (periodMicros < 1 || minSpacingMicros < 1 || minSpacingMicros > periodMicros) {
            throw new IllegalArgumentException("tick schedule: the minimum spacing must be from 1 us to the period ("
                    + periodMicros + " us), was " + minSpacingMicros + " us");
        }
        this.periodMicros = periodMicros;
        this.toleranceMicros = periodMicros - minSpacingMicros;
        this.nextMicros = nowMicros + periodMicros;
    }

    long periodMicros() {
        return periodMicros;
    }

    /** The earliest time the next tick may start. */
    long nextMicros() {
        return nextMicros;
    }

    /**
     * Records a tick that started at {@code startMicros} (never before {@link #nextMicros()}) and ended at
     * {@code endMicros}, and moves to the next slot.
     *
     * @return how many slots went by without a tick: those the start was late past, and those the work
     *         overran
     */
    long ticked(long startMicros, long endMicros) {
        long late = Math.max(0, startMicros - nextMicros);
        long missed = late / periodMicros;
        nextMicros = (late > toleranceMicros ? startMicros : nextMicros) + periodMicros;
        if (endMicros >= nextMicros) {
            long overrun = (endMicros - nextMicros) / periodMicros + 1;
            missed += overrun;
            nextMicros += overrun * periodMicros;
        }
        return missed;
    }
}
