package org.galvani.app.run;

import java.io.PrintWriter;
import java.util.Locale;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.Units;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.port.ChannelEventSink;
import org.galvani.trace.Implements;

/**
 * Prints every state change of the channel as it is recorded (on the runtime's dispatcher thread), e.g.
 * {@code state: T-1 RAMP_UP -> DELIVERING (the ramp reached its goal) at 0.0041 mA·min}: the operator and
 * scripts see each phase of a treatment begin, between the progress lines.
 */
@Implements("SRS-APP-053")
final class StateLines implements ChannelEventSink {

    /** On a terminal: back to the line's start and erase it, so that an open progress line is replaced. */
    static final String ERASE_LINE = "\r\u001b[K";

    private final PrintWriter out;
    private final String prefix;

    /** {@code interactive}: standard output is a terminal whose progress line this line replaces. */
    StateLines(PrintWriter out, boolean interactive) {
        this.out = out;
        this.prefix = interactive ? ERASE_LINE : "";
    }

    @Override
    public void record(ChannelEvent recorded) {
        if (recorded.event().type() != KernelEventType.STATE_CHANGED) {
            return;
        }
        var e = recorded.event();
        out.printf(Locale.ROOT, "%sstate: %s %s -> %s (%s) at %.4f mA·min%n", prefix, e.treatmentId() == null ? "-" : e.treatmentId(),
                e.previous(), e.current(), e.reason().text(), Units.milliampMinutes(e.deliveredMicroampMillis()));
        out.flush();
    }
}
