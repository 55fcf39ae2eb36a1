package org.galvani.verification.stateful;

import java.util.ArrayList;
import java.util.List;
import org.galvani.drivers.sim.ContactScript;
import org.galvani.drivers.sim.Fault;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.trace.Implements;

/**
 * The simulated stage's scripts for one generated sequence, built up front: every step takes a fixed
 * stretch of simulated time, so the time at which each detach and each injected fault begins is known
 * before the run. The stage is then an unmodified {@code sim} driver with an ordinary contact and fault
 * script. Where two faults of one kind (or a dead and a runaway stage) would overlap, the earlier one
 * ends where the later one begins; overlapping detaches merge.
 */
@Implements("SRS-VER-004")
final class Plan {

    private final List<long[]> detached = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    /** Schedules the steps from time 0 (the runtime's build) on. */
    static Plan of(List<Step> steps) {
        Plan plan = new Plan();
        long at = 0;
        for (Step step : steps) {
            step.schedule(plan, at);
            at += step.micros();
        }
        return plan;
    }

    /** The electrodes are off from {@code fromMicros} (inclusive) until {@code untilMicros}. */
    void detach(long fromMicros, long untilMicros) {
        if (!detached.isEmpty()) {
            long[] last = detached.get(detached.size() - 1);
            if (fromMicros <= last[1]) {
                last[1] = Math.max(last[1], untilMicros);
                return;
            }
        }
        detached.add(new long[] {fromMicros, untilMicros});
    }

    /** A fault of {@code kind} from {@code fromMicros} until {@code untilMicros}. */
    void inject(FaultKind kind, long parameter, long fromMicros, long untilMicros) {
        for (int i = 0; i < faults.size(); i++) {
            Fault earlier = faults.get(i);
            boolean conflicting = earlier.kind() == kind
                    || (earlier.kind() == FaultKind.DEAD_STAGE && kind == FaultKind.RUNAWAY)
                    || (earlier.kind() == FaultKind.RUNAWAY && kind == FaultKind.DEAD_STAGE);
            if (conflicting && earlier.endMicros() > fromMicros) {
                faults.set(i, new Fault(earlier.kind(), earlier.startMicros(), fromMicros, earlier.parameter()));
            }
        }
        faults.add(new Fault(kind, fromMicros, untilMicros, parameter));
    }

    ContactScript contact() {
        ContactScript.Builder script = ContactScript.builder();
        for (long[] span : detached) {
            script.detachAt(span[0]).attachAt(span[1]);
        }
        return script.build();
    }

    FaultScript faults() {
        FaultScript.Builder script = FaultScript.builder();
        faults.forEach(script::add);
        return script.build();
    }

    /**
     * Whether a runaway stage and a sensor fault that can hide its current (stuck, drifting, stopped, late or
     * duplicated measurements) are active together at {@code timeMicros}: two faults at once, outside the
     * single-fault condition (IEC 60601-1) that the kernel's detection is designed for. A runaway behind a
     * sensor stuck at zero drives current that nothing in the measurement shows.
     */
    boolean hiddenRunawayAt(long timeMicros) {
        boolean runaway = false;
        boolean blindSensor = false;
        for (Fault fault : faults) {
            if (fault.activeAt(timeMicros)) {
                runaway |= fault.kind() == FaultKind.RUNAWAY;
                blindSensor |= fault.kind() == FaultKind.SENSOR_STUCK || fault.kind() == FaultKind.SENSOR_DRIFT
                        || fault.kind() == FaultKind.MEASUREMENT_STOPS || fault.kind() == FaultKind.LATE_MEASUREMENT
                        || fault.kind() == FaultKind.DUPLICATED_MEASUREMENT;
            }
        }
        return runaway && blindSensor;
    }

    /** Whether a fault other than a (partial) detach is active at {@code timeMicros}: the stage or sensor lies. */
    boolean stageMisbehavesAt(long timeMicros) {
        for (Fault fault : faults) {
            if (fault.activeAt(timeMicros) && fault.kind() != FaultKind.DETACH && fault.kind() != FaultKind.PARTIAL_DETACH) {
                return true;
            }
        }
        return false;
    }
}
