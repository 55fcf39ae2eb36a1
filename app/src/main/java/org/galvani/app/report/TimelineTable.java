package org.galvani.app.report;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.galvani.app.session.GatewayRefusal;
import org.galvani.app.session.SessionEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.Units;
import org.galvani.trace.Implements;

/**
 * The timeline of a treatment's events as an HTML table: each run's own clock (mm:ss from its first record),
 * the run, what happened, the state, the dose at that moment, who asked and why. Refusals, faults and detaches
 * are marked with a word and a colour, so that they survive a black-and-white print. Dose checkpoints are
 * counted, not listed: the dose chart shows them. The OPC UA calls the gateway refused (the kernel never saw
 * them) are refusal rows among the events, in time order, with user, method, status and reason.
 */
@Implements({"SRS-APP-040", "SRS-APP-044", "SRS-APP-066"})
final class TimelineTable {

    private TimelineTable() {
    }

    static void append(StringBuilder out, List<SessionEvent> events, List<GatewayRefusal> refusals,
                       SessionTimeAxis axis) {
        List<SessionEvent> ordered = events.stream()
                .sorted(Comparator.comparingInt(SessionEvent::run).thenComparingLong(SessionEvent::timeMicros))
                .toList();
        long checkpoints = events.stream().filter(e -> e.type() == KernelEventType.DOSE_CHECKPOINT).count();
        if (ordered.size() == checkpoints && refusals.isEmpty()) {
            out.append("<p class=\"note\">No events were recorded").append(checkpoints > 0 ? " but dose checkpoints" : "")
                    .append(".</p>\n");
            return;
        }
        out.append("<table class=\"timeline\">\n<thead><tr><th>Time</th><th>Run</th><th>Event</th><th>State</th>")
                .append("<th class=\"num\">Dose (mA·min)</th><th>Origin</th><th>Reason</th></tr></thead>\n<tbody>\n");
        // The gateway's refusals have a wall-clock time only: each goes in before the first event the ledger
        // recorded after it, and is placed on the clock of the run around it.
        List<GatewayRefusal> pending = refusals.stream().sorted(Comparator.comparing(GatewayRefusal::time)).toList();
        int next = 0;
        SessionEvent previous = null;
        for (SessionEvent e : ordered) {
            while (next < pending.size() && pending.get(next).time().isBefore(e.recordedAt())) {
                refusalRow(out, pending.get(next++), previous != null ? previous : e, axis);
            }
            previous = e;
            if (e.type() != KernelEventType.DOSE_CHECKPOINT) {
                eventRow(out, e, axis);
            }
        }
        while (next < pending.size()) {
            refusalRow(out, pending.get(next++), previous, axis);
        }
        out.append("</tbody>\n</table>\n");
        if (checkpoints > 0) {
            out.append("<p class=\"note\">").append(checkpoints).append(" periodic dose checkpoint")
                    .append(checkpoints == 1 ? " is" : "s are").append(" not listed; the dose chart shows the dose.</p>\n");
        }
        if (!refusals.isEmpty()) {
            out.append("<p class=\"note\">Calls refused by the OPC UA gateway never reached the kernel: their time is")
                    .append(" the gateway's answer (UTC, in the row), shown on the clock of the run around it.</p>\n");
        }
    }

    private static void eventRow(StringBuilder out, SessionEvent e, SessionTimeAxis axis) {
        String mark = mark(e);
        out.append("<tr").append(mark == null ? "" : " class=\"" + mark + "\"").append("><td class=\"num\">")
                .append(SessionTimeAxis.clock(axis.elapsedMicros(e.run(), e.timeMicros()))).append("</td><td class=\"num\">")
                .append(e.run()).append("</td><td>");
        if (mark != null) {
            out.append("<span class=\"tag ").append(mark).append("\">").append(mark.toUpperCase(Locale.ROOT))
                    .append("</span> ");
        }
        out.append(Html.text(label(e))).append("</td><td>").append(state(e)).append("</td><td class=\"num\">")
                .append(String.format(Locale.ROOT, "%.3f",
                        Units.milliampMinutes(e.deliveredMicroampMillis())))
                .append("</td><td class=\"origin\">").append(Html.text(e.origin())).append("</td><td>");
        if (e.reason() != null && e.reason() != Reason.NONE) {
            out.append(Html.text(e.reason().text()));
        }
        if (e.text() != null && !e.text().isBlank()) {
            out.append("<div class=\"detail\">").append(Html.text(e.text())).append("</div>");
        }
        out.append("</td></tr>\n");
    }

    /**
     * A call the gateway refused, as a refusal row: no state and no dose (the kernel never saw it); the time
     * on the run clock of {@code near} (the event recorded just before it, or the first one when none was),
     * shifted by the wall-clock time between them; a dash without any event.
     */
    @Implements("SRS-APP-066")
    private static void refusalRow(StringBuilder out, GatewayRefusal call, SessionEvent near, SessionTimeAxis axis) {
        String time = "–";
        String run = "–";
        if (near != null) {
            long shiftMicros = Duration.between(near.recordedAt(), call.time()).toNanos() / 1_000L;
            time = SessionTimeAxis.clock(axis.elapsedMicros(near.run(), near.timeMicros()) + shiftMicros);
            run = String.valueOf(near.run());
        }
        out.append("<tr class=\"refused gateway\"><td class=\"num\">").append(time).append("</td><td class=\"num\">")
                .append(run).append("</td><td><span class=\"tag refused\">REFUSED</span> ")
                .append("OPC UA call ").append(Html.text(call.method())).append(" refused by the gateway</td><td></td>")
                .append("<td class=\"num\">–</td><td class=\"origin\">").append(Html.text(call.user()))
                .append("</td><td>").append(Html.text(call.status())).append(": ").append(Html.text(call.reason()))
                .append("<div class=\"detail\">answered ").append(ReportFormat.instant(call.time())).append(" on ")
                .append(Html.text(call.deviceId())).append(" with arguments (")
                .append(Html.text(String.join(", ", call.arguments()))).append(")</div></td></tr>\n");
    }

    /** refused, fault or detach, or null for an ordinary event. */
    static String mark(SessionEvent e) {
        if (e.type() == KernelEventType.REQUEST_REFUSED) {
            return "refused";
        }
        if ((e.reason() != null && e.reason().kind() == Reason.Kind.FAULT)
                || (e.type() == KernelEventType.STATE_CHANGED && e.current() == KernelState.FAULT)) {
            return "fault";
        }
        if (e.type() == KernelEventType.STATE_CHANGED && e.current() == KernelState.CONTACT_LOST) {
            return "detach";
        }
        return null;
    }

    private static String label(SessionEvent e) {
        String request = e.request() == null ? "" : " " + e.request().name();
        return switch (e.type()) {
            case REQUEST_ACCEPTED -> "request" + request + " accepted";
            case REQUEST_REFUSED -> "request" + request + " refused";
            case STATE_CHANGED -> "state change";
            case CURRENT_REDUCED -> "current reduced";
            case DOSE_CHECKPOINT -> "dose checkpoint";
        };
    }

    private static String state(SessionEvent e) {
        if (e.type() == KernelEventType.STATE_CHANGED && e.previous() != null && e.current() != null) {
            return e.previous().name() + " → <b>" + e.current().name() + "</b>";
        }
        return e.current() == null ? "" : e.current().name();
    }
}
