package org.galvani.app.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.galvani.app.session.SessionEvent;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSample;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.Units;

/**
 * Session records for the report's tests, written as a ledger would record them: one sample per second,
 * the kernel's events at the times they happened, the dose integrated from the measured current.
 */
final class SyntheticSessions {

    static final Instant STARTED = Instant.parse("2026-03-02T09:15:00Z");
    /** Run 1's clock does not start at zero: its first record is at 5 s. */
    static final long RUN1_ORIGIN_S = 5;
    /** The detach of the full session, on run 1's clock (s). */
    static final long DETACH_FROM_S = 120;
    static final long DETACH_TO_S = 140;
    /** The fault of the full session, on run 1's clock (s). */
    static final long FAULT_FROM_S = 200;
    static final long FAULT_TO_S = 210;
    /** Run 1 crashes after this time on its clock (s); run 2 starts at 2 s on its own clock. */
    static final long RUN1_END_S = 260;
    static final long RUN2_ORIGIN_S = 2;

    private final List<SessionEvent> events = new ArrayList<>();
    private final List<SessionSample> samples = new ArrayList<>();
    private final Prescription prescription;
    private int run = 1;
    private KernelState state = KernelState.IDLE;
    private int setpoint;
    private long dose;

    private SyntheticSessions(Prescription prescription) {
        this.prescription = prescription;
    }

    static Prescription prescription(String treatmentId) {
        return prescription(treatmentId, 10.0);
    }

    static Prescription prescription(String treatmentId, double milliampMinutes) {
        return Prescription.builder(treatmentId).drug("dexamethasone").activeElectrode(Polarity.CATHODE)
                .targetMicroamps(3_000).electrodeAreaMm2(1_000).doseMicroampMillis(Units.microampMillis(milliampMinutes))
                .rampMillis(30_000).build();
    }

    /**
     * A dose treatment with everything the report shows: a refused start, ramp up, a detach (impedance unknown
     * while detached), an operator resume, an overcurrent fault, its acknowledgement and a new start, a crash,
     * then a recovered second run whose clock restarts, delivering the rest and completing.
     */
    static SessionRecord everything(String treatmentId, String origin) {
        SyntheticSessions s = new SyntheticSessions(prescription(treatmentId));
        s.request(RequestKind.ARM, origin, 5, KernelState.ARMED, Reason.OPERATOR_REQUEST);
        s.refuse(RequestKind.START, origin, 6, Reason.CONTACT_NOT_CONFIRMED);
        s.run(5, 10, 5_000);
        s.request(RequestKind.START, origin, 10, KernelState.RAMP_UP, Reason.OPERATOR_REQUEST);
        s.ramp(10, 40, 0, 3_000);
        s.change(40, KernelState.DELIVERING, Reason.TARGET_REACHED, "kernel");
        s.run(40, DETACH_FROM_S, 2_000);
        s.change(DETACH_FROM_S, KernelState.CONTACT_LOST, Reason.CONTACT_OUT_OF_WINDOW, "kernel");
        s.setpoint = 0;
        s.run(DETACH_FROM_S, DETACH_TO_S, -1);
        s.request(RequestKind.RESUME, origin, DETACH_TO_S, KernelState.RAMP_UP, Reason.OPERATOR_REQUEST);
        s.ramp(DETACH_TO_S, 170, 0, 3_000);
        s.change(170, KernelState.DELIVERING, Reason.TARGET_REACHED, "kernel");
        s.run(170, FAULT_FROM_S, 2_100);
        s.change(FAULT_FROM_S, KernelState.FAULT, Reason.OVERCURRENT, "kernel");
        s.setpoint = 0;
        s.run(FAULT_FROM_S, FAULT_TO_S, 2_100);
        s.request(RequestKind.ACKNOWLEDGE, origin, FAULT_TO_S, KernelState.ARMED, Reason.OPERATOR_REQUEST);
        s.run(FAULT_TO_S, 215, 2_100);
        s.request(RequestKind.START, origin, 215, KernelState.RAMP_UP, Reason.OPERATOR_REQUEST);
        s.ramp(215, 245, 0, 3_000);
        s.change(245, KernelState.DELIVERING, Reason.TARGET_REACHED, "kernel");
        s.run(245, RUN1_END_S + 1, 2_100);

        // The crash: run 2's clock starts again near zero; the ledger re-arms from the recorded dose.
        s.run = 2;
        s.state = KernelState.IDLE;
        s.setpoint = 0;
        s.request(RequestKind.ARM, "recovery", RUN2_ORIGIN_S, KernelState.ARMED, Reason.OPERATOR_REQUEST);
        s.request(RequestKind.START, origin, 4, KernelState.RAMP_UP, Reason.OPERATOR_REQUEST);
        s.ramp(4, 34, 0, 3_000);
        s.change(34, KernelState.DELIVERING, Reason.TARGET_REACHED, "kernel");
        long t = 34;
        while (s.dose < prescription(treatmentId).doseMicroampMillis() - 3_000L * 30_000 / 2) {
            s.sample(t++, 2_000);
        }
        s.change(t, KernelState.RAMP_DOWN, Reason.DOSE_REACHED, "kernel");
        s.ramp(t, t + 30, 3_000, 0);
        s.change(t + 30, KernelState.COMPLETE, Reason.OUTPUT_AT_ZERO, "kernel");
        s.sample(t + 30, 2_000);
        SessionSummary summary = new SessionSummary(treatmentId, "ch-1", "drug-patch", "sim", s.prescription,
                STARTED, STARTED.plusSeconds(900), KernelState.COMPLETE, s.dose, s.dose + 1_500_000, true);
        return new SessionRecord(summary, s.events, s.samples, List.of());
    }

    /** Armed, then the start refused at once: no sample was ever recorded. */
    static SessionRecord armedThenRefused(String treatmentId) {
        SyntheticSessions s = new SyntheticSessions(prescription(treatmentId));
        s.request(RequestKind.ARM, "operator", 0, KernelState.ARMED, Reason.OPERATOR_REQUEST);
        s.refuse(RequestKind.START, "operator", 0, Reason.CONTACT_NOT_CONFIRMED);
        SessionSummary summary = new SessionSummary(treatmentId, "ch-1", "drug-patch", "sim", s.prescription,
                STARTED, null, KernelState.ARMED, 0, 0, false);
        return new SessionRecord(summary, s.events, s.samples, List.of());
    }

    /** A long delivery with {@code count} samples (10 ms apart), a detach in the middle and impedance noise. */
    static SessionRecord big(int count) {
        SyntheticSessions s = new SyntheticSessions(prescription("T-BIG", 60.0));
        s.request(RequestKind.ARM, "operator", 0, KernelState.ARMED, Reason.OPERATOR_REQUEST);
        s.request(RequestKind.START, "operator", 0, KernelState.RAMP_UP, Reason.OPERATOR_REQUEST);
        s.state = KernelState.DELIVERING;
        for (int i = 0; i < count; i++) {
            long micros = i * 10_000L;
            boolean detached = i >= count / 2 && i < count / 2 + count / 100;
            KernelState state = detached ? KernelState.CONTACT_LOST : KernelState.DELIVERING;
            int current = detached ? 0 : 3_000 + (i % 7) - 3;
            s.dose += current * 10L;
            s.samples.add(new SessionSample(micros, 1, state, current, current,
                    detached ? -1 : 2_000 + (i * 7919 % 300), s.dose, !detached, !detached));
        }
        SessionSummary summary = new SessionSummary("T-BIG", "ch-1", "drug-patch", "sim", s.prescription,
                STARTED, STARTED.plusSeconds(count / 100), KernelState.DELIVERING, s.dose, s.dose, false);
        return new SessionRecord(summary, s.events, s.samples, List.of());
    }

    private void request(RequestKind kind, String origin, long second, KernelState next, Reason reason) {
        events.add(new SessionEvent(second * 1_000_000, run, STARTED.plusSeconds(second), KernelEventType.REQUEST_ACCEPTED,
                state, state, Reason.NONE, origin, kind, dose, "REQUEST_ACCEPTED " + kind));
        change(second, next, reason, origin);
    }

    private void refuse(RequestKind kind, String origin, long second, Reason reason) {
        events.add(new SessionEvent(second * 1_000_000, run, STARTED.plusSeconds(second), KernelEventType.REQUEST_REFUSED,
                state, state, reason, origin, kind, dose, "REQUEST_REFUSED " + kind + ": " + reason.text()));
    }

    private void change(long second, KernelState next, Reason reason, String origin) {
        events.add(new SessionEvent(second * 1_000_000, run, STARTED.plusSeconds(second), KernelEventType.STATE_CHANGED,
                state, next, reason, origin, null, dose, "STATE_CHANGED " + state + " -> " + next));
        state = next;
    }

    /** Samples at whole seconds [from, to) at the present setpoint. */
    private void run(long from, long to, int impedance) {
        for (long t = from; t < to; t++) {
            sample(t, impedance);
        }
    }

    private void ramp(long from, long to, int fromMicroamps, int toMicroamps) {
        for (long t = from; t < to; t++) {
            setpoint = (int) (fromMicroamps + (toMicroamps - fromMicroamps) * (t - from) / (to - from));
            sample(t, 2_000);
        }
        setpoint = toMicroamps;
    }

    private void sample(long second, int impedance) {
        boolean output = state == KernelState.RAMP_UP || state == KernelState.DELIVERING || state == KernelState.RAMP_DOWN;
        int measured = output ? setpoint : 0;
        dose += measured * 1_000L;
        samples.add(new SessionSample(second * 1_000_000, run, state, output ? setpoint : 0, measured, impedance, dose,
                impedance >= 0, output));
        if (second % 30 == 0) {
            events.add(new SessionEvent(second * 1_000_000, run, STARTED.plusSeconds(second), KernelEventType.DOSE_CHECKPOINT,
                    state, state, Reason.DOSE_CHECKPOINT, "kernel", null, dose, "DOSE_CHECKPOINT"));
        }
    }
}
