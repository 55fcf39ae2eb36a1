package org.galvani.kernel.policy;

/** What the watchdog concluded from one tick's time and measurement time. */
public enum WatchdogVerdict {
    /** Time moves forward and the measurement is fresh. */
    OK,
    /** The tick time or the measurement time went backwards, or the measurement is from the future. */
    TIME_BACKWARDS,
    /** The gap since the previous tick is longer than the tick-gap limit (a tick overrun). */
    TICK_GAP,
    /** The measurement is older than the freshness limit (stale, missing or duplicated). */
    STALE;

    /*
     * Java guarantees that enum constants are distinct and non-null (JLS 8.9). KeY 2.12 does not know it
     * (KeYProject/key issues 1522 and 3670), so the fact is stated here and contracts that compare
     * WatchdogVerdict constants require \static_invariant_for(WatchdogVerdict). KeY does not verify static
     * initialisation: this invariant is an assumption, justified by the language, not a proof result.
     */
    /*@ public static invariant
      @     OK != null && TIME_BACKWARDS != null && TICK_GAP != null && STALE != null && OK != TIME_BACKWARDS &&
      @     OK != TICK_GAP && OK != STALE && TIME_BACKWARDS != TICK_GAP && TIME_BACKWARDS != STALE &&
      @     TICK_GAP != STALE;
      @*/
}
