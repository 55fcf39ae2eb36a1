package org.galvani.drivers.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.galvani.trace.Implements;

/**
 * The faults injected into a simulated stage, scripted by simulated time. Faults of different kinds
 * combine (several may be active at once); two faults of one kind may not overlap, nor may a dead and a
 * runaway stage (they contradict each other). Immutable.
 *
 * <p>Where faults of different kinds meet, the stronger one decides: a full detach over a partial one, a
 * stuck sensor over a drifting one, a measurement that stopped over a late or duplicated one.
 */
@Implements("SRS-DRV-008")
public final class FaultScript {

    private static final FaultScript NONE = new FaultScript(List.of());

    private final List<Fault> faults;
    /** The faults by kind, as arrays: the stage asks every tick and must not allocate. */
    private final Fault[][] byKind;

    private FaultScript(List<Fault> faults) {
        this.faults = Collections.unmodifiableList(faults);
        this.byKind = new Fault[FaultKind.values().length][];
        for (FaultKind kind : FaultKind.values()) {
            byKind[kind.ordinal()] = faults.stream().filter(f -> f.kind() == kind).toArray(Fault[]::new);
        }
    }

    /** No faults. */
    public static FaultScript none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fault of {@code kind} active at {@code timeMicros}, or null. */
    public Fault active(FaultKind kind, long timeMicros) {
        for (Fault fault : byKind[kind.ordinal()]) {
            if (fault.activeAt(timeMicros)) {
                return fault;
            }
        }
        return null;
    }

    /** Whether a fault of {@code kind} is active at {@code timeMicros}. */
    public boolean isActive(FaultKind kind, long timeMicros) {
        return active(kind, timeMicros) != null;
    }

    /** Whether the script holds any fault of {@code kind}. */
    public boolean contains(FaultKind kind) {
        return byKind[kind.ordinal()].length > 0;
    }

    /** Every fault, in the order added. */
    public List<Fault> faults() {
        return faults;
    }

    /** This script with {@code other}'s faults added, checked as if added one by one. */
    public FaultScript and(FaultScript other) {
        Builder builder = new Builder();
        faults.forEach(builder::add);
        other.faults.forEach(builder::add);
        return builder.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FaultScript script && script.faults.equals(faults);
    }

    @Override
    public int hashCode() {
        return faults.hashCode();
    }

    @Override
    public String toString() {
        return "FaultScript" + faults;
    }

    /** Collects faults in any order; each is checked when added, with a message naming what is wrong. */
    public static final class Builder {
        private final List<Fault> faults = new ArrayList<>();

        private Builder() {
        }

        /** A fault that takes no parameter, from {@code startMicros} until {@code endMicros}. */
        public Builder add(FaultKind kind, long startMicros, long endMicros) {
            return add(new Fault(kind, startMicros, endMicros, 0));
        }

        /** A fault of {@code kind} with its parameter, from {@code startMicros} until {@code endMicros}. */
        public Builder add(FaultKind kind, long startMicros, long endMicros, long parameter) {
            return add(new Fault(kind, startMicros, endMicros, parameter));
        }

        /** A fault; throws {@link IllegalArgumentException} naming the times or value that are wrong. */
        public Builder add(Fault fault) {
            if (fault == null || fault.kind() == null) {
                throw new IllegalArgumentException("fault script: a fault or its kind is missing");
            }
            String kind = fault.kind().id();
            if (fault.startMicros() < 0) {
                throw new IllegalArgumentException("fault script: " + kind + ": the start must not be negative, was "
                        + fault.startMicros() + " us");
            }
            if (fault.endMicros() <= fault.startMicros()) {
                throw new IllegalArgumentException("fault script: " + kind + " from " + fault.startMicros()
                        + " us: the end (" + fault.endMicros() + " us) must come after the start");
            }
            checkParameter(fault);
            for (Fault other : faults) {
                if (fault.overlaps(other) && conflicting(fault.kind(), other.kind())) {
                    throw new IllegalArgumentException("fault script: " + fault + " overlaps " + other
                            + (fault.kind() == other.kind() ? "; faults of one kind must not overlap"
                                    : "; a stage cannot be dead and running away at once"));
                }
            }
            faults.add(fault);
            return this;
        }

        private static void checkParameter(Fault fault) {
            FaultKind kind = fault.kind();
            if (!kind.hasParameter()) {
                if (fault.parameter() != 0) {
                    throw new IllegalArgumentException("fault script: " + kind.id() + " takes no parameter, was given "
                            + fault.parameter());
                }
                return;
            }
            if (fault.parameter() < kind.min() || fault.parameter() > kind.max()
                    || (kind == FaultKind.SENSOR_DRIFT && fault.parameter() == 0)) {
                throw new IllegalArgumentException("fault script: " + kind.id() + " from " + fault.startMicros()
                        + " us: " + kind.parameterName() + " must be " + (kind == FaultKind.SENSOR_DRIFT ? "non-zero and " : "")
                        + "from " + kind.min() + " to " + kind.max() + " " + kind.unit() + ", was " + fault.parameter());
            }
        }

        private static boolean conflicting(FaultKind a, FaultKind b) {
            return a == b || (a == FaultKind.DEAD_STAGE && b == FaultKind.RUNAWAY)
                    || (a == FaultKind.RUNAWAY && b == FaultKind.DEAD_STAGE);
        }

        public FaultScript build() {
            return faults.isEmpty() ? NONE : new FaultScript(new ArrayList<>(faults));
        }
    }
}
