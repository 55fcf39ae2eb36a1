package org.galvani.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.galvani.app.session.SessionEvent;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSample;
import org.galvani.trace.Implements;

/**
 * One time axis for a treatment that may have run several times: each run's clock restarts at zero after a
 * crash, so each run is measured from its own first sample or event and the runs are laid end to end, run 2
 * starting where run 1's last record was. The plots use these axis minutes; the timeline prints each run's
 * own clock.
 */
@Implements("SRS-APP-043")
final class SessionTimeAxis {

    /**
     * One run on the axis.
     *
     * @param number        the run number the ledger gave it
     * @param originMicros  its first sample or event time on its own clock
     * @param endMicros     its last sample or event time on its own clock
     * @param offsetMinutes where it starts on the axis
     */
    record Run(int number, long originMicros, long endMicros, double offsetMinutes) {

        double durationMinutes() {
            return (endMicros - originMicros) / 60e6;
        }
    }

    private final TreeMap<Integer, Run> runs;

    private SessionTimeAxis(TreeMap<Integer, Run> runs) {
        this.runs = runs;
    }

    static SessionTimeAxis of(SessionRecord record) {
        TreeMap<Integer, long[]> spans = new TreeMap<>();
        for (SessionSample s : record.samples()) {
            widen(spans, s.run(), s.timeMicros());
        }
        for (SessionEvent e : record.events()) {
            widen(spans, e.run(), e.timeMicros());
        }
        TreeMap<Integer, Run> runs = new TreeMap<>();
        double offset = 0;
        for (var span : spans.entrySet()) {
            Run run = new Run(span.getKey(), span.getValue()[0], span.getValue()[1], offset);
            runs.put(run.number(), run);
            offset += run.durationMinutes();
        }
        return new SessionTimeAxis(runs);
    }

    private static void widen(TreeMap<Integer, long[]> spans, int run, long micros) {
        long[] span = spans.computeIfAbsent(run, r -> new long[] {micros, micros});
        span[0] = Math.min(span[0], micros);
        span[1] = Math.max(span[1], micros);
    }

    List<Run> runs() {
        return new ArrayList<>(runs.values());
    }

    /** The position on the axis (minutes) of a time on a run's own clock. */
    double minutes(int run, long timeMicros) {
        Run r = run(run);
        return r.offsetMinutes() + (timeMicros - r.originMicros()) / 60e6;
    }

    /** The time since the run's first record (µs). */
    long elapsedMicros(int run, long timeMicros) {
        return timeMicros - run(run).originMicros();
    }

    /** Where the last run ends on the axis (minutes); 0 without any record. */
    double endMinutes() {
        return runs.isEmpty() ? 0 : runs.lastEntry().getValue().offsetMinutes() + runs.lastEntry().getValue().durationMinutes();
    }

    private Run run(int run) {
        Run r = runs.get(run);
        if (r == null) {
            throw new IllegalArgumentException("run " + run + " has no sample or event in this record");
        }
        return r;
    }

    /** A duration as mm:ss (minutes may exceed 59), truncated to the second. */
    static String clock(long micros) {
        long seconds = Math.abs(micros) / 1_000_000L;
        return String.format(Locale.ROOT, "%s%02d:%02d", micros < 0 ? "-" : "", seconds / 60, seconds % 60);
    }

    /** Axis minutes as mm:ss, rounded to the second (for tick labels). */
    static String clockOfMinutes(double minutes) {
        return clock(Math.round(minutes * 60) * 1_000_000L);
    }
}
