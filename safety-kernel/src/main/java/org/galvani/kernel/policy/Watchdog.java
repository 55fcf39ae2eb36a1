package org.galvani.kernel.policy;

import org.galvani.trace.Implements;

/**
 * The watchdog: every tick, time must move forward, ticks must come within the tick-gap limit, and the
 * measurement must be fresh. A measurement that stops coming, or is repeated, ages until it is stale.
 * Time is passed in by the caller (never read from a clock here).
 */
@Implements("SRS-KRN-019")
public final class Watchdog {

    /** "No tick yet." */
    public static final long NONE = Long.MIN_VALUE;

    private /*@ spec_public @*/ final long maxAgeMicros;
    private /*@ spec_public @*/ final long tickGapLimitMicros;
    private /*@ spec_public @*/ long previousTickMicros;
    private /*@ spec_public @*/ long previousSampleMicros;

    /*@ public invariant maxAgeMicros >= 0 && tickGapLimitMicros >= 0;
      @ public invariant previousTickMicros == NONE || previousTickMicros >= 0;
      @ public invariant previousSampleMicros == NONE || previousSampleMicros >= 0;
      @*/

    /** A watchdog that has seen no tick yet. */
    /*@ public normal_behavior
      @ requires maxAgeMicros >= 0 && tickGapLimitMicros >= 0;
      @ ensures this.maxAgeMicros == maxAgeMicros && this.tickGapLimitMicros == tickGapLimitMicros;
      @ ensures previousTickMicros == NONE && previousSampleMicros == NONE;
      @*/
    public Watchdog(long maxAgeMicros, long tickGapLimitMicros) {
        this.maxAgeMicros = maxAgeMicros;
        this.tickGapLimitMicros = tickGapLimitMicros;
        this.previousTickMicros = NONE;
        this.previousSampleMicros = NONE;
    }

    /**
     * Checks one tick at {@code nowMicros} whose measurement was sampled at {@code sampledAtMicros}.
     * Both times must be non-negative. The times are remembered only when they move forward.
     */
    /*@ public normal_behavior
      @ requires nowMicros >= 0 && sampledAtMicros >= 0;
      @ requires \static_invariant_for(WatchdogVerdict);
      @ ensures (\old(previousTickMicros) != NONE && nowMicros < \old(previousTickMicros))
      @     ==> \result == WatchdogVerdict.TIME_BACKWARDS;
      @ ensures (\old(previousSampleMicros) != NONE && sampledAtMicros < \old(previousSampleMicros))
      @     ==> \result == WatchdogVerdict.TIME_BACKWARDS;
      @ ensures sampledAtMicros > nowMicros ==> \result == WatchdogVerdict.TIME_BACKWARDS;
      @ ensures \result == WatchdogVerdict.OK ==> (nowMicros - sampledAtMicros <= maxAgeMicros
      @     && (\old(previousTickMicros) == NONE || nowMicros - \old(previousTickMicros) <= tickGapLimitMicros));
      @ ensures \result != WatchdogVerdict.TIME_BACKWARDS
      @     ==> (previousTickMicros == nowMicros && previousSampleMicros == sampledAtMicros);
      @ ensures \result == WatchdogVerdict.TIME_BACKWARDS
      @     ==> (previousTickMicros == \old(previousTickMicros) && previousSampleMicros == \old(previousSampleMicros));
      @ ensures \result != null;
      @ assignable previousTickMicros, previousSampleMicros;
      @*/
    public WatchdogVerdict check(long nowMicros, long sampledAtMicros) {
        if ((previousTickMicros != NONE && nowMicros < previousTickMicros)
                || (previousSampleMicros != NONE && sampledAtMicros < previousSampleMicros)
                || sampledAtMicros > nowMicros) {
            return WatchdogVerdict.TIME_BACKWARDS;
        }
        boolean gap = previousTickMicros != NONE && nowMicros - previousTickMicros > tickGapLimitMicros;
        previousTickMicros = nowMicros;
        previousSampleMicros = sampledAtMicros;
        if (gap) {
            return WatchdogVerdict.TICK_GAP;
        }
        if (nowMicros - sampledAtMicros > maxAgeMicros) {
            return WatchdogVerdict.STALE;
        }
        return WatchdogVerdict.OK;
    }
}
