package org.galvani.app.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * counted, not listed: the dose chart shows them.
 */
@Implements({"SRS-APP-040", "SRS-APP-044"})
final class TimelineTable {

    private TimelineTable() {
    }

    static void append(StringBuilder out, List<SessionEvent> events, SessionTimeAxis axis) {
        List<SessionEvent> listed = events.stream().filter(e -> e.type() != KernelEventType.DOSE_CHECKPOINT)
                .sorted(Comparator.comparingInt(SessionEvent::run).thenComparingLong(SessionEvent::timeMicros))
                .toList();
        long checkpoints = events.size() - listed.size();
        if (listed.isEmpty()) {
            out.append("<p class=\"note\">No events were recorded").append(checkpoints > 0 ? " but dose checkpoints" : "")
                    .append(".</p>\n");
            return;
        }
        out.append("<table class=\"timeline\">\n<thead><tr><th>Time</th><th>Run</th><th>Event</th><th>State</th>")
                .append("<th class=\"num\">Dose (mA·min)</th><th>Origin</th><th>Reason</th></tr></thead>\n<tbody>\n");
        for (SessionEvent e : listed) {
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
        out.append("</tbody>\n</table>\n");
        if (checkpoints > 0) {
            out.append("<p class=\"note\">").append(checkpoints).append(" periodic dose checkpoint")
                    .append(checkpoints == 1 ? " is" : "s are").append(" not listed; the dose chart shows the dose.</p>\n");
        }
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
