package org.galvani.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class SvgExportTest {

    private static final String S = "fill:none;stroke:rgb(1,2,3);";

    private static String line(String style, String x1, String y1, String x2, String y2) {
        return "<line style=\"" + style + "\" x1=\"" + x1 + "\" x2=\"" + x2 + "\" y1=\"" + y1 + "\" y2=\"" + y2 + "\"/>";
    }

    @Test
    @Verifies("SRS-APP-041")
    void joinedSegmentsOfOneStyleBecomeOnePath() {
        String svg = "<g>" + line(S, "1", "2", "3", "4") + "\n " + line(S, "3", "4", "5", "6") + line(S, "5", "6", "7", "8")
                + "</g>";
        assertEquals("<g><path d=\"M1,2 L3,4 L5,6 L7,8\" style=\"" + S + "\"/></g>", SvgExport.joinLines(svg));
    }

    @Test
    @Verifies("SRS-APP-041")
    void segmentsThatDoNotJoinOrDifferInStyleStaySeparate() {
        String other = "fill:none;stroke:rgb(9,9,9);";
        String gap = line(S, "1", "2", "3", "4") + line(S, "9", "9", "10", "10") + line(S, "10", "10", "11", "11");
        assertEquals(line(S, "1", "2", "3", "4") + "<path d=\"M9,9 L10,10 L11,11\" style=\"" + S + "\"/>",
                SvgExport.joinLines(gap));
        String styles = line(S, "1", "2", "3", "4") + line(other, "3", "4", "5", "6");
        assertEquals(styles, SvgExport.joinLines(styles));
        String between = line(S, "1", "2", "3", "4") + "<rect/>" + line(S, "3", "4", "5", "6");
        assertEquals(between, SvgExport.joinLines(between));
        String filled = line("fill:rgb(1,1,1);", "1", "2", "3", "4") + line("fill:rgb(1,1,1);", "3", "4", "5", "6");
        assertEquals(filled, SvgExport.joinLines(filled), "a filled style is never joined into a path");
    }
}
