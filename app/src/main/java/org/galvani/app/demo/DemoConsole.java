package org.galvani.app.demo;

import java.io.PrintWriter;
import java.util.Locale;
import org.galvani.drivers.sim.Fault;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Units;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Implements;

/**
 * What the demo prints: a live progress line while the treatment runs (rewritten in place on a terminal,
 * one line per simulated minute and per state change otherwise) and the final summary.
 */
@Implements({"SRS-APP-001", "SRS-APP-007"})
final class DemoConsole {

    private static final long SECOND = 1_000_000L;
    private static final long WALL_REFRESH_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean enabled;
    private final boolean interactive;
    private KernelState lastState;
    private long lastLineMicros = Long.MIN_VALUE;
    private long lastRefreshNanos;
    private boolean lineOpen;

    DemoConsole(PrintWriter out, boolean enabled, boolean interactive) {
        this.out = out;
        this.enabled = enabled;
        this.interactive = interactive;
    }

    void progress(DemoSettings settings, KernelSnapshot s) {
        if (!enabled) {
            return;
        }
        boolean stateChanged = s.state() != lastState;
        lastState = s.state();
        if (interactive) {
            long wall = System.nanoTime();
            if (stateChanged || wall - lastRefreshNanos >= WALL_REFRESH_NANOS) {
                lastRefreshNanos = wall;
                out.print("\r" + line(settings, s) + "   ");
                out.flush();
                lineOpen = true;
            }
        } else if (stateChanged || s.timeMicros() - lastLineMicros >= 60 * SECOND) {
            lastLineMicros = s.timeMicros();
            out.println(line(settings, s));
        }
    }

    void endProgress() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    /** One progress line: time, state, current, dose against its target, impedance. */
    static String line(DemoSettings settings, KernelSnapshot s) {
        String amount;
        double fraction;
        if (settings.durationMinutes() > 0) {
            double minutes = s.outputMicros() / 60e6;
            amount = String.format(Locale.ROOT, "%6.2f / %.2f min", minutes, settings.durationMinutes());
            fraction = minutes / settings.durationMinutes();
        } else {
            double dose = Units.milliampMinutes(s.deliveredDoseMicroampMillis());
            amount = String.format(Locale.ROOT, "%7.3f / %.3f mA·min", dose, settings.doseMilliampMinutes());
            fraction = dose / settings.doseMilliampMinutes();
        }
        String impedance = s.impedanceOhms() < 0 ? "  open" : String.format(Locale.ROOT, "%5.2f kΩ", Units.kiloohms(s.impedanceOhms()));
        return String.format(Locale.ROOT, "[%s] %-12s %6.3f mA  %s %s  Z %s", clock(s.timeMicros()), s.state(),
                Units.milliamps(s.measuredMicroamps()), amount, bar(fraction), impedance);
    }

    /** The ledger the run records into; treatments it recovered after a crash are named at once. */
    void ledger(SqliteLedger ledger) {
        if (!ledger.recoveredOnOpen().isEmpty()) {
            out.printf(Locale.ROOT, "Ledger %s: recovered after a crash, dose counted up to the crash bound: %s"
                    + " (galvani sessions lists them)%n", ledger.file(), String.join(", ", ledger.recoveredOnOpen()));
        }
    }

    void summary(DemoSettings settings, DemoResult result) {
        KernelSnapshot last = result.last();
        out.println();
        if (settings.scenario() != null) {
            out.printf(Locale.ROOT, "Scenario:   %s%n", settings.scenario());
        }
        out.printf(Locale.ROOT, "Treatment %s on profile %s: %s, %s, %.3f mA over %.1f cm², %s%n", settings.treatmentId(),
                settings.profile().id(), settings.drug(), settings.activeElectrode().name().toLowerCase(Locale.ROOT),
                settings.currentMilliamps(), settings.areaCm2(), prescribed(settings));
        out.printf(Locale.ROOT, "Result:     %s (%s)%n", last.state(), last.lastReason().text());
        double delivered = Units.milliampMinutes(last.deliveredDoseMicroampMillis());
        if (settings.durationMinutes() > 0) {
            out.printf(Locale.ROOT, "Delivered:  %.3f mA·min in %s of output (%.2f min prescribed)%n", delivered,
                    clock(last.outputMicros()), settings.durationMinutes());
        } else {
            out.printf(Locale.ROOT, "Delivered:  %.4f mA·min of %.4f mA·min prescribed (%+.4f)%n", delivered,
                    settings.doseMilliampMinutes(), delivered - settings.doseMilliampMinutes());
        }
        out.printf(Locale.ROOT, "Driver:     %s%n", result.stage());
        if (result.counter() == null || result.trueChargeMicroampMicros() < 0) {
            out.println("Stage:      not counted here: the stage is outside this process");
        } else {
            out.printf(Locale.ROOT, "Stage:      %.4f mA·min really flowed, by %s"
                    + " (the kernel counts the larger of commanded and measured, so never less)%n",
                    result.trueChargeMicroampMicros() / 1e3 / Units.MICROAMP_MILLIS_PER_MILLIAMP_MINUTE, result.counter());
        }
        out.printf(Locale.ROOT, "Ledger:     recorded in %s as treatment %s%s; it counts %.4f mA·min%n",
                settings.dataDir().resolve(SqliteLedger.FILE_NAME), settings.treatmentId(),
                settings.treatmentIdGenerated() ? " (an ID generated for this run; --treatment-id chooses one)" : "",
                Units.milliampMinutes(result.ledgerDoseMicroampMillis()));
        out.printf(Locale.ROOT, "Duration:   %s simulated, output on for %s; %.1f s of wall time%n",
                clock(result.simulatedMicros()), clock(last.outputMicros()), result.wallNanos() / 1e9);
        faults(settings, result);
        out.println("Events:");
        int checkpoints = 0;
        for (ChannelEvent recorded : result.events()) {
            KernelEvent e = recorded.event();
            if (e.type() == KernelEventType.DOSE_CHECKPOINT) {
                checkpoints++;
                continue;
            }
            out.printf(Locale.ROOT, "  %s  %8.4f mA·min  %-14s %s%n", clock(e.timeMicros()),
                    Units.milliampMinutes(e.deliveredMicroampMillis()), recorded.origin(), recorded.describe());
        }
        out.printf(Locale.ROOT, "  ... and %d dose checkpoints%n", checkpoints);
    }

    /**
     * Each injected fault and the kernel's first state change at or after its start (what the kernel did
     * about it, and how long it took); the command in the tick the kernel latched a fault; and a current
     * the stage still drives after the run (a runaway obeys only its own disconnect).
     */
    private void faults(DemoSettings settings, DemoResult result) {
        if (settings.faults().faults().isEmpty()) {
            out.println("Faults:     none injected");
        } else {
            out.println("Faults injected, and the kernel's first state change from each one's start:");
        }
        for (Fault fault : settings.faults().faults()) {
            String what = fault.kind().hasParameter()
                    ? fault.kind().id() + " (" + fault.kind().parameterName() + " " + fault.parameter() + ")" : fault.kind().id();
            String until = fault.endMicros() == Fault.OPEN_END ? "on" : "until " + clock(fault.endMicros());
            ChannelEvent reaction = firstStateChange(result, fault.startMicros());
            String kernel = reaction == null ? "no state change"
                    : String.format(Locale.ROOT, "%s after %.1f ms", reaction.describe(),
                            (reaction.event().timeMicros() - fault.startMicros()) / 1e3);
            out.printf(Locale.ROOT, "  %s %-8s %-36s -> %s%n", clock(fault.startMicros()), until, what, kernel);
        }
        KernelSnapshot fault = result.firstFault();
        if (fault != null) {
            out.printf(Locale.ROOT, "Command:    %.3f mA, output %s in the tick the kernel latched FAULT (%s)%n",
                    Units.milliamps(fault.setpointMicroamps()), fault.outputEnabled() ? "ENABLED" : "disabled",
                    clock(fault.timeMicros()));
        }
        if (result.flowingAtEndMicroamps() > 0) {
            out.printf(Locale.ROOT, "Warning:    the stage still drove %.3f mA when the run ended: it does not obey the"
                    + " command; only its independent disconnect (safe disable) stops it%n",
                    Units.milliamps(result.flowingAtEndMicroamps()));
        }
    }

    private static ChannelEvent firstStateChange(DemoResult result, long fromMicros) {
        for (ChannelEvent recorded : result.events()) {
            KernelEvent e = recorded.event();
            if (e.type() == KernelEventType.STATE_CHANGED && e.timeMicros() >= fromMicros) {
                return recorded;
            }
        }
        return null;
    }

    private static String prescribed(DemoSettings settings) {
        return settings.durationMinutes() > 0
                ? String.format(Locale.ROOT, "%.1f min", settings.durationMinutes())
                : String.format(Locale.ROOT, "%.3f mA·min", settings.doseMilliampMinutes());
    }

    private static String bar(double fraction) {
        int width = 20;
        int filled = (int) Math.max(0, Math.min(width, Math.round(fraction * width)));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** Simulated time as mm:ss.s (or h:mm:ss beyond an hour). */
    static String clock(long micros) {
        long tenths = Math.max(0, micros) / 100_000L;
        long seconds = tenths / 10;
        if (seconds >= 3_600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3_600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%02d:%02d.%d", seconds / 60, seconds % 60, tenths % 10);
    }
}
