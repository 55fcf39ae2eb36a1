package org.galvani.drivers.sim;

import java.util.Locale;

/**
 * The faults the simulator can inject, each with at most one integer parameter in its own unit. The
 * name (lower case, with '-') is how scenario files and messages spell the kind.
 */
public enum FaultKind {
    /** The electrodes come off: an open circuit (a hand out of the basin, a patch fallen off). */
    DETACH(null, null, 0, 0),
    /** The contact area shrinks to a percentage: skin resistance rises as 1/area, capacitance falls with it. */
    PARTIAL_DETACH("area-percent", "%", 1, 99),
    /** The current sensor reads a fixed value whatever flows. */
    SENSOR_STUCK("microamps", "uA", 0, 100_000),
    /** The current sensor's offset grows at a rate (µA per second) from the fault's start. */
    SENSOR_DRIFT("microamps-per-second", "uA/s", -100_000, 100_000),
    /** The stage drives a current whatever the command (also when commanded off), compliance-limited. */
    RUNAWAY("microamps", "uA", 1, 1_000_000),
    /** The stage drives nothing whatever the command. */
    DEAD_STAGE(null, null, 0, 0),
    /** No new reading arrives: sample returns the last reading again, with its old time stamp. */
    MEASUREMENT_STOPS(null, null, 0, 0),
    /** Readings arrive late: each shows what was true this many ms ago, with that older time stamp. */
    LATE_MEASUREMENT("delay-ms", "ms", 1, 1_000),
    /** Every other sample returns the previous reading again, with its old time stamp. */
    DUPLICATED_MEASUREMENT(null, null, 0, 0),
    /** {@code sample} throws a RuntimeException. */
    SAMPLE_THROWS(null, null, 0, 0),
    /** {@code apply} throws a RuntimeException (and the command is not applied). */
    APPLY_THROWS(null, null, 0, 0),
    /** The stage reports HARDWARE_FAULT (for example over-temperature) while the fault lasts. */
    HARDWARE_FAULT(null, null, 0, 0);

    private final String parameterName;
    private final String unit;
    private final long min;
    private final long max;

    FaultKind(String parameterName, String unit, long min, long max) {
        this.parameterName = parameterName;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    /** The kind's name in scenario files and messages, for example {@code partial-detach}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind called {@code id} (as {@link #id()} spells it), or null. */
    public static FaultKind byId(String id) {
        for (FaultKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        return null;
    }

    /** Whether the kind takes a parameter. */
    public boolean hasParameter() {
        return parameterName != null;
    }

    /** The parameter's name (for example {@code area-percent}), or null when the kind takes none. */
    public String parameterName() {
        return parameterName;
    }

    /** The parameter's unit, for messages and summaries, or null. */
    public String unit() {
        return unit;
    }

    /** The smallest allowed parameter. */
    public long min() {
        return min;
    }

    /** The largest allowed parameter. */
    public long max() {
        return max;
    }

    @Override
    public String toString() {
        return id();
    }
}
