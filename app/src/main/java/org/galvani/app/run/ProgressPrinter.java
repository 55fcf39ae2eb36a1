package org.galvani.app.run;

import java.io.PrintWriter;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Implements;

/**
 * The progress bar while a treatment runs: on a terminal one line rewritten in place a few times a
 * second; otherwise (a log, a pipe) a whole line every few seconds. Nothing while no treatment runs.
 */
@Implements("SRS-APP-053")
final class ProgressPrinter {

    /** How often the terminal line is rewritten. */
    static final long TERMINAL_REFRESH_MILLIS = 250;

    private final PrintWriter out;
    private final boolean enabled;
    private final boolean interactive;
    private final long everyMillis;
    private long lastMillis = Long.MIN_VALUE / 2;
    private boolean lineOpen;

    ProgressPrinter(PrintWriter out, boolean enabled, boolean interactive, long everyMillis) {
        this.out = out;
        this.enabled = enabled;
        this.interactive = interactive;
        this.everyMillis = interactive ? TERMINAL_REFRESH_MILLIS : everyMillis;
    }

    /** Shows {@code s} if a treatment runs and the interval has passed ({@code nowMillis}: any monotonic clock). */
    void show(KernelSnapshot s, long durationMillis, long nowMillis) {
        if (!enabled) {
            return;
        }
        if (!running(s.state())) {
            end();
            return;
        }
        if (nowMillis - lastMillis < everyMillis) {
            return;
        }
        lastMillis = nowMillis;
        String line = "progress: " + ProgressLine.of(s, durationMillis);
        if (interactive) {
            out.print(StateLines.ERASE_LINE + line);
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends an open terminal line, so that what follows starts on its own. */
    void end() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }

    static boolean running(KernelState state) {
        return state == KernelState.RAMP_UP || state == KernelState.DELIVERING || state == KernelState.RAMP_DOWN
                || state == KernelState.PAUSED || state == KernelState.CONTACT_LOST;
    }
}
