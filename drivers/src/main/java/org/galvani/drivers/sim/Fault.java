package org.galvani.drivers.sim;

/**
 * One injected fault: a kind, active from {@code startMicros} (inclusive) until {@code endMicros}
 * (exclusive; {@link #OPEN_END} for "until the end of the run"), with the kind's parameter (0 when it
 * takes none). Checked by {@link FaultScript.Builder}, which names what is wrong.
 */
public record Fault(FaultKind kind, long startMicros, long endMicros, long parameter) {

    /** The end of a fault that lasts for the rest of the run. */
    public static final long OPEN_END = Long.MAX_VALUE;

    /** Whether the fault is active at {@code timeMicros}. */
    public boolean activeAt(long timeMicros) {
        return startMicros <= timeMicros && timeMicros < endMicros;
    }

    /** Whether this fault's time span overlaps {@code other}'s. */
    public boolean overlaps(Fault other) {
        return startMicros < other.endMicros && other.startMicros < endMicros;
    }

    /** For messages and summaries: {@code runaway (microamps 6000 uA) from 120000000 us on}. */
    @Override
    public String toString() {
        String what = kind.hasParameter() ? kind.id() + " (" + kind.parameterName() + " " + parameter + " " + kind.unit()
                + ")" : kind.id();
        return what + " from " + startMicros + " us" + (endMicros == OPEN_END ? " on" : " until " + endMicros + " us");
    }
}
