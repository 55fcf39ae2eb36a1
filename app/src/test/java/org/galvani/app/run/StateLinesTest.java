package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class StateLinesTest {

    private static ChannelEvent event(KernelEventType type) {
        return new ChannelEvent("ch0", new KernelEvent(type, 5_000_000, KernelState.RAMP_UP, KernelState.DELIVERING,
                Reason.TARGET_REACHED, 0, 1_872_000, "T-1"), "kernel", null);
    }

    @Test
    @Verifies("SRS-APP-053")
    void everyStateChangeIsALineWithItsReasonAndDoseAndNothingElseIs() {
        StringWriter log = new StringWriter();
        StateLines lines = new StateLines(new PrintWriter(log), false);
        lines.record(event(KernelEventType.DOSE_CHECKPOINT));
        lines.record(event(KernelEventType.STATE_CHANGED));
        assertEquals(String.format("state: T-1 RAMP_UP -> DELIVERING (the ramp reached its goal) at 0.0312 mA·min%n"),
                log.toString());

        StringWriter terminal = new StringWriter();
        new StateLines(new PrintWriter(terminal), true).record(event(KernelEventType.STATE_CHANGED));
        assertEquals(StateLines.ERASE_LINE + log, terminal.toString(), "on a terminal it replaces the progress line");
    }
}
