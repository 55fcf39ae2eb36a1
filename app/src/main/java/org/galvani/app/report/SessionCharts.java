package org.galvani.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSample;
import org.galvani.kernel.EndCriterion;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Units;
import org.galvani.trace.Implements;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts against the treatment's time axis, drawn by XChart as SVG: setpoint and measured
 * current (mA), impedance (kΩ; unknown impedance is a gap in the line), cumulative dose (mA·min, with the
 * prescribed dose as a dashed reference line). Each run's series are broken at a restart, every chart carries
 * the detach and fault bands and the restart markers, and each series is thinned to {@link #MAX_POINTS}.
 */
@Implements({"SRS-APP-041", "SRS-APP-045"})
final class SessionCharts {

    /** Points per plotted series at most; longer series are thinned by {@link Downsampler}. */
    static final int MAX_POINTS = 2_000;
    static final int WIDTH = 1000;
    static final int HEIGHT = 270;

    private static final Color SETPOINT = new Color(25, 85, 165);
    private static final Color MEASURED = new Color(0, 150, 110);
    private static final Color IMPEDANCE = new Color(110, 70, 160);
    private static final Color DOSE = new Color(25, 85, 165);
    private static final Color PRESCRIBED = new Color(200, 30, 30);

    /** One chart of the page. */
    record Chart(String id, String title, String svg) {
    }

    /** The charts, and whether any series had to be thinned. */
    record Result(List<Chart> charts, boolean downsampled) {
    }

    private final SessionTimeAxis axis;
    private final List<StateInterval> intervals;
    private final List<SessionSample> samples;
    private final double[] minutes;
    private boolean downsampled;

    private SessionCharts(SessionRecord record, SessionTimeAxis axis, List<StateInterval> intervals) {
        this.axis = axis;
        this.intervals = intervals;
        this.samples = record.samples().stream()
                .sorted(Comparator.comparingInt(SessionSample::run).thenComparingLong(SessionSample::timeMicros))
                .toList();
        this.minutes = samples.stream().mapToDouble(s -> axis.minutes(s.run(), s.timeMicros())).toArray();
    }

    /** The charts of a record with samples; none for a record without samples. */
    static Result of(SessionRecord record, SessionTimeAxis axis, List<StateInterval> intervals) {
        if (record.samples().isEmpty()) {
            return new Result(List.of(), false);
        }
        SessionCharts charts = new SessionCharts(record, axis, intervals);
        List<Chart> out = new ArrayList<>();
        out.add(charts.current());
        if (record.samples().stream().anyMatch(s -> s.impedanceOhms() >= 0)) {
            out.add(charts.impedance());
        }
        out.add(charts.dose(record.summary().prescription()));
        return new Result(out, charts.downsampled);
    }

    private Chart current() {
        XYChart chart = chart("current (mA)");
        add(chart, "setpoint (mA)", s -> Units.milliamps(s.setpointMicroamps()), SETPOINT, 1.6f);
        add(chart, "measured (mA)", s -> Units.milliamps(s.measuredMicroamps()), MEASURED, 1.0f);
        headroom(chart, highest(s -> Units.milliamps(Math.max(s.setpointMicroamps(), s.measuredMicroamps()))));
        return new Chart("chart-current", "Setpoint and measured current", SvgExport.inline(chart, "current"));
    }

    private Chart impedance() {
        XYChart chart = chart("impedance (kΩ)");
        ToDoubleFunction<SessionSample> kiloohms = s -> s.impedanceOhms() < 0 ? Double.NaN : Units.kiloohms(s.impedanceOhms());
        add(chart, "impedance (kΩ; gaps: unknown)", kiloohms, IMPEDANCE, 1.2f);
        headroom(chart, highest(kiloohms));
        return new Chart("chart-impedance", "Electrode impedance", SvgExport.inline(chart, "impedance"));
    }

    private Chart dose(Prescription prescription) {
        XYChart chart = chart("dose (mA·min)");
        ToDoubleFunction<SessionSample> dose = s -> Units.milliampMinutes(s.deliveredMicroampMillis());
        add(chart, "delivered dose (mA·min)", dose, DOSE, 1.6f);
        double highest = highest(dose);
        if (prescription != null && prescription.endCriterion() == EndCriterion.DOSE) {
            double prescribed = Units.milliampMinutes(prescription.doseMicroampMillis());
            XYSeries line = chart.addSeries("prescribed dose (mA·min)", new double[] {0, xMax()},
                    new double[] {prescribed, prescribed});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(PRESCRIBED);
            line.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 5f}, 0f));
            highest = Math.max(highest, prescribed);
        }
        headroom(chart, highest);
        return new Chart("chart-dose", "Cumulative dose", SvgExport.inline(chart, "dose"));
    }

    private double xMax() {
        return Math.max(axis.endMinutes(), 1.0 / 60);
    }

    /** Leaves head room above the highest value drawn (and the prescribed dose), so that no line runs along the frame. */
    private static void headroom(XYChart chart, double highest) {
        chart.getStyler().setYAxisMax(highest > 0 ? highest * 1.1 : 1.0);
    }

    private double highest(ToDoubleFunction<SessionSample> value) {
        return samples.stream().mapToDouble(value).filter(Double::isFinite).max().orElse(0);
    }

    private XYChart chart(String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle("time (mm:ss)").yAxisTitle(yTitle)
                .build();
        var style = chart.getStyler();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        style.setBaseFont(font);
        style.setAxisTickLabelsFont(font);
        style.setAxisTitleFont(font);
        style.setLegendFont(font);
        style.setChartTitleVisible(false);
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotBorderColor(new Color(150, 150, 150));
        style.setPlotGridLinesColor(new Color(226, 226, 226));
        style.setPlotGridLinesStroke(new BasicStroke(0.6f));
        style.setAxisTickMarksColor(new Color(150, 150, 150));
        style.setLegendPosition(Styler.LegendPosition.OutsideS);
        style.setLegendLayout(Styler.LegendLayout.Horizontal);
        style.setLegendBorderColor(Color.WHITE);
        style.setChartPadding(8);
        style.setMarkerSize(0);
        // The data fill the plot area exactly, so that a band's position follows from the axis range alone.
        style.setPlotContentSize(1.0);
        style.setXAxisMin(0.0);
        style.setXAxisMax(xMax());
        style.setYAxisMin(0.0);
        chart.setCustomXAxisTickLabelsFormatter(SessionTimeAxis::clockOfMinutes);
        chart.addAnnotation(new ShadingAnnotation(intervals, axis.runs().subList(1, axis.runs().size())));
        return chart;
    }

    /** Adds a series over every sample, broken (NaN) where a new run starts, thinned to MAX_POINTS. */
    private void add(XYChart chart, String name, ToDoubleFunction<SessionSample> value, Color color, float width) {
        int n = samples.size();
        double[] x = new double[n + axis.runs().size()];
        double[] y = new double[x.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && samples.get(i).run() != samples.get(i - 1).run()) {
                x[k] = minutes[i];
                y[k++] = Double.NaN;
            }
            x[k] = minutes[i];
            y[k++] = value.applyAsDouble(samples.get(i));
        }
        Downsampler.Series series = Downsampler.thin(Arrays.copyOf(x, k), Arrays.copyOf(y, k),
                MAX_POINTS);
        downsampled |= series.size() < k;
        XYSeries s = chart.addSeries(name, series.x(), series.y());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(width);
    }
}
