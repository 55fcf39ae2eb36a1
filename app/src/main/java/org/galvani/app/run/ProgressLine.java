package org.galvani.app.run;

import java.util.Locale;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Units;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Implements;

/**
 * One progress line of a channel: treatment, state, measured current, dose against the prescription (a
 * bar and a percentage) and the time left at the target current, e.g.
 * {@code T-1  DELIVERING    1.002 mA  0.0312 / 0.0500 mA·min [############        ]  62%  left 0:01}.
 * A time-based treatment shows its output time instead, when its duration is known.
 */
@Implements("SRS-APP-053")
public final class ProgressLine {

    private static final int BAR = 20;

    private ProgressLine() {
    }

    /** The line for a snapshot whose treatment's duration (time-based) is not known here. */
    public static String of(KernelSnapshot s) {
        return of(s, 0L);
    }

    /** The line for a snapshot; {@code durationMillis} is the time-based treatment's duration, else 0. */
    public static String of(KernelSnapshot s, long durationMillis) {
        String head = String.format(Locale.ROOT, "%s  %-12s %6.3f mA", s.treatmentId() == null ? "-" : s.treatmentId(),
                s.halted() ? "HALTED" : s.state(), Units.milliamps(s.measuredMicroamps()));
        if (s.treatmentId() == null) {
            return head + "  no treatment armed";
        }
        double fraction;
        String amount;
        long leftMillis;
        if (s.prescribedDoseMicroampMillis() > 0) {
            fraction = (double) s.deliveredDoseMicroampMillis() / s.prescribedDoseMicroampMillis();
            amount = String.format(Locale.ROOT, "%.4f / %.4f mA·min", Units.milliampMinutes(s.deliveredDoseMicroampMillis()),
                    Units.milliampMinutes(s.prescribedDoseMicroampMillis()));
            long remaining = Math.max(0, s.prescribedDoseMicroampMillis() - s.deliveredDoseMicroampMillis());
            leftMillis = s.targetMicroamps() > 0 ? remaining / s.targetMicroamps() : -1;
        } else if (durationMillis > 0) {
            long outputMillis = s.outputMicros() / 1_000;
            fraction = (double) outputMillis / durationMillis;
            amount = String.format(Locale.ROOT, "%s / %s of output", clock(outputMillis), clock(durationMillis));
            leftMillis = Math.max(0, durationMillis - outputMillis);
        } else {
            return head + String.format(Locale.ROOT, "  %.4f mA·min delivered", Units.milliampMinutes(s.deliveredDoseMicroampMillis()));
        }
        boolean ended = s.state() == KernelState.COMPLETE || s.state() == KernelState.IDLE;
        return String.format(Locale.ROOT, "%s  %s %s %3d%%%s", head, amount, bar(fraction),
                Math.round(Math.min(1.0, fraction) * 100), ended || leftMillis < 0 ? "" : "  left " + clock(leftMillis));
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0.0, Math.min(1.0, fraction)) * BAR);
        return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "]";
    }

    /** m:ss (h:mm:ss from an hour). */
    static String clock(long millis) {
        long seconds = millis / 1_000;
        return seconds >= 3_600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3_600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
