package org.galvani.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Locale;
import org.galvani.kernel.KernelState;
import org.galvani.trace.Implements;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * What XChart 4.0.3 cannot draw by itself, drawn over a chart's plot area in data coordinates: a translucent
 * band over each detach and fault interval, and a dashed vertical line with a label where a run restarted
 * after a crash. XChart paints annotations last, so the bands tint the lines under them.
 */
@Implements({"SRS-APP-042", "SRS-APP-043"})
final class ShadingAnnotation extends Annotation {

    /** Detach (CONTACT_LOST) bands: amber. */
    static final Color DETACH = new Color(245, 152, 0, 64);
    /** FAULT bands: red. */
    static final Color FAULT = new Color(211, 32, 32, 56);
    /** Restart lines and their labels. */
    static final Color RESTART = new Color(90, 60, 150);
    /** A band narrower than this (px) is widened to it, so that a short interval stays visible. */
    static final int MIN_BAND_WIDTH = 2;

    private final List<StateInterval> intervals;
    private final List<SessionTimeAxis.Run> restarts;

    ShadingAnnotation(List<StateInterval> intervals, List<SessionTimeAxis.Run> restarts) {
        super(false);
        this.intervals = List.copyOf(intervals);
        this.restarts = List.copyOf(restarts);
    }

    static Color color(KernelState state) {
        return state == KernelState.FAULT ? FAULT : DETACH;
    }

    /** The colour as CSS, for the page's legend. */
    static String css(Color color) {
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", color.getRed(), color.getGreen(), color.getBlue(),
                color.getAlpha() / 255.0);
    }

    @Override
    public void paint(Graphics2D g) {
        int left = getXAxisScreenValueForMin();
        int right = getXAxisScreenValueForMax();
        int top = getYAxisScreenValueForMin();
        int bottom = getYAxisScreenValueForMax();
        for (StateInterval interval : intervals) {
            int x1 = Math.max(left, getXAxisScreenValue(interval.startMinutes()));
            int x2 = Math.min(right, Math.max(x1 + MIN_BAND_WIDTH, getXAxisScreenValue(interval.endMinutes())));
            g.setColor(color(interval.state()));
            g.fillRect(x1, top, x2 - x1, bottom - top);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        for (SessionTimeAxis.Run run : restarts) {
            int x = getXAxisScreenValue(run.offsetMinutes());
            g.setColor(RESTART);
            g.drawLine(x, top, x, bottom);
            g.drawString("restart: run " + run.number(), x + 4, top + 12);
        }
    }
}
