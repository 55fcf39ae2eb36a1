package org.galvani.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.galvani.app.session.SessionEvent;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSample;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class StateIntervalsTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");

    @Test
    @Verifies("SRS-APP-042")
    void theFullSessionHasItsDetachAndItsFault() {
        SessionRecord record = SyntheticSessions.everything("T", "operator");
        SessionTimeAxis axis = SessionTimeAxis.of(record);
        List<StateInterval> intervals = StateIntervals.of(record, axis);
        assertEquals(List.of(
                new StateInterval(KernelState.CONTACT_LOST, 1, 120_000_000, 140_000_000, 115 / 60.0, 135 / 60.0, false),
                new StateInterval(KernelState.FAULT, 1, 200_000_000, 210_000_000, 195 / 60.0, 205 / 60.0, false)),
                intervals);
    }

    @Test
    @Verifies("SRS-APP-042")
    void aDetachBetweenTwoSamplesIsFoundFromTheEvents() {
        SessionRecord record = record(
                List.of(change(1_500_000, 1, KernelState.DELIVERING, KernelState.CONTACT_LOST),
                        change(1_800_000, 1, KernelState.CONTACT_LOST, KernelState.RAMP_UP)),
                List.of(sample(0, 1, KernelState.DELIVERING), sample(1_000_000, 1, KernelState.DELIVERING),
                        sample(2_000_000, 1, KernelState.RAMP_UP)));
        List<StateInterval> intervals = StateIntervals.of(record, SessionTimeAxis.of(record));
        assertEquals(1, intervals.size());
        assertEquals(1_500_000, intervals.get(0).startMicros());
        assertEquals(1_800_000, intervals.get(0).endMicros());
        assertEquals(0.025, intervals.get(0).startMinutes(), 1e-12);
    }

    @Test
    @Verifies({"SRS-APP-042", "SRS-APP-043"})
    void aRunEndingInFaultClosesAtItsLastRecordAndTheNextRunStartsAfresh() {
        SessionRecord record = record(
                List.of(change(3_000_000, 1, KernelState.DELIVERING, KernelState.FAULT)),
                List.of(sample(1_000_000, 1, KernelState.DELIVERING), sample(3_000_000, 1, KernelState.FAULT),
                        sample(4_000_000, 1, KernelState.FAULT),
                        sample(0, 2, KernelState.FAULT), sample(500_000, 2, KernelState.IDLE),
                        sample(600_000, 2, KernelState.CONTACT_LOST)));
        SessionTimeAxis axis = SessionTimeAxis.of(record);
        assertEquals(3.0 / 60, axis.runs().get(1).offsetMinutes(), 1e-12, "run 2 starts where run 1's last record was");
        assertEquals(List.of(
                new StateInterval(KernelState.FAULT, 1, 3_000_000, 4_000_000, 2.0 / 60, 3.0 / 60, true),
                new StateInterval(KernelState.FAULT, 2, 0, 500_000, 3.0 / 60, 3.5 / 60, false),
                new StateInterval(KernelState.CONTACT_LOST, 2, 600_000, 600_000, 3.6 / 60, 3.6 / 60, true)),
                StateIntervals.of(record, axis));
    }

    @Test
    @Verifies("SRS-APP-043")
    void eachRunsClockIsPrintedAsMinutesAndSeconds() {
        assertEquals("00:00", SessionTimeAxis.clock(999_999));
        assertEquals("01:01", SessionTimeAxis.clock(61_900_000));
        assertEquals("62:05", SessionTimeAxis.clock(3_725_000_000L));
        assertEquals("-00:02", SessionTimeAxis.clock(-2_000_000));
        assertEquals("02:30", SessionTimeAxis.clockOfMinutes(2.4999));
        SessionRecord record = record(List.of(), List.of(sample(5_000_000, 1, KernelState.IDLE)));
        assertEquals(0, SessionTimeAxis.of(record).elapsedMicros(1, 5_000_000));
        var e = assertThrows(IllegalArgumentException.class,
                () -> SessionTimeAxis.of(record).minutes(3, 0));
        assertEquals("run 3 has no sample or event in this record", e.getMessage());
    }

    private static SessionRecord record(List<SessionEvent> events, List<SessionSample> samples) {
        SessionSummary summary = new SessionSummary("T", "ch-1", "drug-patch", "sim",
                SyntheticSessions.prescription("T"), AT, null, KernelState.FAULT, 0, 0, false);
        return new SessionRecord(summary, events, samples, List.of());
    }

    private static SessionEvent change(long micros, int run, KernelState from, KernelState to) {
        return new SessionEvent(micros, run, AT, KernelEventType.STATE_CHANGED, from, to, Reason.NONE, "kernel", null, 0,
                "STATE_CHANGED " + from + " -> " + to);
    }

    private static SessionSample sample(long micros, int run, KernelState state) {
        return new SessionSample(micros, run, state, 0, 0, 2_000, 0, true, false);
    }
}
