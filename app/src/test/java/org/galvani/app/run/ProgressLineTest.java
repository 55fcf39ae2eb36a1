package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static KernelSnapshot snapshot(KernelState state, String treatment, long prescribed, long delivered, long outputMicros) {
        return new KernelSnapshot("ch0", 1, 0, state, 1_000, true, null, 1_002, 5_000, 5_000, true, 0, treatment, 1_000,
                prescribed, delivered, outputMicros, Reason.NONE, Reason.NONE, false);
    }

    @Test
    @Verifies("SRS-APP-053")
    void aDoseBasedLineShowsStateCurrentDosePercentAndTimeLeft() {
        // 1.8 of 3 mA·s... in µA·ms: 1,800,000 of 3,000,000 at 1 mA leaves 1.2 s.
        assertEquals("T-1  DELIVERING    1.002 mA  0.0300 / 0.0500 mA·min [############        ]  60%  left 0:01",
                ProgressLine.of(snapshot(KernelState.DELIVERING, "T-1", 3_000_000, 1_800_000, 0)));
        assertEquals("T-1  COMPLETE      1.002 mA  0.0500 / 0.0500 mA·min [####################] 100%",
                ProgressLine.of(snapshot(KernelState.COMPLETE, "T-1", 3_000_000, 3_000_000, 0)));
        assertEquals("-  IDLE          1.002 mA  no treatment armed", ProgressLine.of(snapshot(KernelState.IDLE, null, 0, 0, 0)));
    }

    @Test
    @Verifies("SRS-APP-053")
    void aTimeBasedLineShowsOutputTimeAgainstTheDurationWhenKnown() {
        KernelSnapshot s = snapshot(KernelState.DELIVERING, "W-1", 0, 600_000_000, 90_000_000);
        assertEquals("W-1  DELIVERING    1.002 mA  1:30 / 10:00 of output [###                 ]  15%  left 8:30",
                ProgressLine.of(s, 600_000));
        assertEquals("W-1  DELIVERING    1.002 mA  10.0000 mA·min delivered", ProgressLine.of(s));
        assertEquals("1:01:01", ProgressLine.clock(3_661_000));
    }

    @Test
    @Verifies("SRS-APP-053")
    void offATerminalALineEveryIntervalOnATerminalOneLineRewrittenAndNothingWhileIdle() {
        StringWriter log = new StringWriter();
        ProgressPrinter lines = new ProgressPrinter(new PrintWriter(log), true, false, 5_000);
        KernelSnapshot running = snapshot(KernelState.DELIVERING, "T-1", 3_000_000, 1_800_000, 0);
        lines.show(running, 0, 0);
        lines.show(running, 0, 4_999);
        lines.show(running, 0, 5_000);
        lines.show(snapshot(KernelState.IDLE, null, 0, 0, 0), 0, 20_000);
        assertEquals(2, log.toString().lines().count(), log.toString());
        assertTrue(log.toString().startsWith("progress: T-1  DELIVERING"), log.toString());

        StringWriter terminal = new StringWriter();
        ProgressPrinter bar = new ProgressPrinter(new PrintWriter(terminal), true, true, 5_000);
        bar.show(running, 0, 0);
        bar.show(running, 0, ProgressPrinter.TERMINAL_REFRESH_MILLIS);
        bar.show(snapshot(KernelState.COMPLETE, "T-1", 3_000_000, 3_000_000, 0), 0, 10_000);
        assertEquals(2, terminal.toString().split("\r", -1).length - 1, "rewritten in place: " + terminal);
        assertTrue(terminal.toString().endsWith(System.lineSeparator()), "the line is ended when the treatment is");

        StringWriter off = new StringWriter();
        new ProgressPrinter(new PrintWriter(off), false, false, 5_000).show(running, 0, 0);
        assertEquals("", off.toString());
    }
}
