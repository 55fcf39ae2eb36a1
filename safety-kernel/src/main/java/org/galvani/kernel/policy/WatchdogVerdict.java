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
    STALE
}
