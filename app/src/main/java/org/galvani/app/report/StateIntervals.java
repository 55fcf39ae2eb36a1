package org.galvani.app.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.galvani.app.session.SessionEvent;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSample;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.trace.Implements;

/**
 * Finds the detach (CONTACT_LOST) and FAULT intervals of a treatment from every sample's state and every
 * state-change event, so that an interval shorter than the sampling period, or one that only the events show,
 * is not lost. An interval starts at the first record in the state and ends at the first record in another
 * state; a run whose records end in the state closes it at its last record. Intervals never cross a restart.
 */
@Implements("SRS-APP-042")
final class StateIntervals {

    private StateIntervals() {
    }

    /** A state known at a time of a run; events sort after samples of the same time (the decision comes last). */
    private record Observation(int run, long micros, int order, KernelState state) {
    }

    static List<StateInterval> of(SessionRecord record, SessionTimeAxis axis) {
        List<Observation> observations = new ArrayList<>();
        for (SessionSample s : record.samples()) {
            observations.add(new Observation(s.run(), s.timeMicros(), 0, s.state()));
        }
        for (SessionEvent e : record.events()) {
            if (e.type() == KernelEventType.STATE_CHANGED && e.current() != null) {
                observations.add(new Observation(e.run(), e.timeMicros(), 1, e.current()));
            }
        }
        observations.sort(Comparator.comparingInt(Observation::run).thenComparingLong(Observation::micros)
                .thenComparingInt(Observation::order));

        List<StateInterval> intervals = new ArrayList<>();
        Observation open = null;
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (open != null && (o.run() != open.run() || o.state() != open.state())) {
                Observation last = observations.get(i - 1);
                boolean sameRun = o.run() == open.run();
                intervals.add(interval(axis, open, sameRun ? o.micros() : last.micros(), !sameRun));
                open = null;
            }
            if (open == null && shaded(o.state())) {
                open = o;
            }
        }
        if (open != null) {
            intervals.add(interval(axis, open, observations.get(observations.size() - 1).micros(), true));
        }
        return intervals;
    }

    static boolean shaded(KernelState state) {
        return state == KernelState.CONTACT_LOST || state == KernelState.FAULT;
    }

    private static StateInterval interval(SessionTimeAxis axis, Observation start, long endMicros, boolean untilRunEnd) {
        return new StateInterval(start.state(), start.run(), start.micros(), endMicros,
                axis.minutes(start.run(), start.micros()), axis.minutes(start.run(), endMicros), untilRunEnd);
    }
}
