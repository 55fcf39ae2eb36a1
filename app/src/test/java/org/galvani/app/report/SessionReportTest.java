package org.galvani.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session report's page over synthetic records: content, charts, bands, runs, escaping, size. */
class SessionReportTest {

    private static final Instant GENERATED = Instant.parse("2026-03-02T10:00:00Z");
    private static final String DETACH_FILL = "fill:rgb(245,152,0)";
    private static final String FAULT_FILL = "fill:rgb(211,32,32)";
    private static final String RESTART_STROKE = "stroke:rgb(90,60,150)";
    private static final String IMPEDANCE_STROKE = "stroke:rgb(110,70,160)";

    @TempDir
    Path dir;

    private static String full() {
        return SessionReport.html(SyntheticSessions.everything("T-2026-0042", "operator-1"), GENERATED);
    }

    @Test
    @Verifies("SRS-APP-040")
    void theHeaderAndThePrescriptionAreInClinicalUnits() {
        String html = full();
        for (String expected : new String[] {"<h1>Treatment T-2026-0042</h1>", "<td>ch-1</td>", "<td>drug-patch</td>",
            "<td>sim</td>", "2026-03-02 09:15:00 UTC", "2026-03-02 09:30:00 UTC", "id=\"final-state\">COMPLETE<",
            "<th>Recorded dose</th><td>10.025 mA·min</td>", "<th>Counted dose</th><td><b>10.050 mA·min</b>",
            "<td>dexamethasone</td>", "<td>cathode</td>", "<td>3.00 mA</td>", "<td>10.00 cm²</td>",
            "<td>0.300 mA/cm²</td>", "<th>Prescribed dose</th><td>10.000 mA·min</td>", "<td>30.0 s up",
            "Generated 2026-03-02 10:00:00 UTC"}) {
            assertTrue(html.contains(expected), "the page shows " + expected);
        }
    }

    @Test
    @Verifies("SRS-APP-040")
    void aTimePrescriptionShowsItsDurationInMinutes() {
        SessionRecord record = SyntheticSessions.everything("T-TIME", "operator");
        Prescription time = Prescription.builder("T-TIME").drug("tapwater").activeElectrode(Polarity.ANODE)
                .targetMicroamps(15_000).electrodeAreaMm2(12_000).durationMillis(1_200_000).rampMillis(20_000).build();
        String html = SessionReport.html(withSummary(record, time, true), GENERATED);
        assertTrue(html.contains("<th>Ends after</th><td>20.0 min of output</td>"), "duration in minutes");
        assertTrue(html.contains("<td>15.00 mA</td>") && html.contains("<td>120.00 cm²</td>"));
        assertFalse(html.contains("prescribed dose (mA·min)"), "no prescribed-dose line without a dose prescription");
    }

    @Test
    @Verifies("SRS-APP-040")
    void theTimelineUsesEachRunsClockAndMarksRefusalsFaultsAndDetaches() {
        String html = full();
        // Run 1's first record is at 5 s: the refused start at 6 s is 00:01 into the run.
        assertTrue(row(html, "00:01", "1").contains("<span class=\"tag refused\">REFUSED</span> request START refused"));
        assertTrue(row(html, "00:01", "1").contains("electrode contact is not confirmed"));
        assertTrue(row(html, "01:55", "1").contains("<span class=\"tag detach\">DETACH</span> state change"));
        assertTrue(row(html, "01:55", "1").contains("DELIVERING → <b>CONTACT_LOST</b>"));
        assertTrue(row(html, "03:15", "1").contains("<span class=\"tag fault\">FAULT</span>"));
        assertTrue(row(html, "03:15", "1").contains("measured current above the command plus tolerance"));
        assertTrue(row(html, "03:25", "1").contains("request ACKNOWLEDGE accepted"));
        assertTrue(row(html, "02:15", "1").contains("request RESUME accepted"));
        // Run 2's clock restarts: its re-arm is at 00:00 of run 2, by the recovery.
        assertTrue(row(html, "00:00", "2").contains("request ARM accepted"));
        assertTrue(row(html, "00:00", "2").contains("<td class=\"origin\">recovery</td>"));
        assertTrue(html.contains("periodic dose checkpoints are not listed"), "checkpoints are counted, not listed");
        assertFalse(html.contains("dose checkpoint</td>"));
    }

    @Test
    @Verifies("SRS-APP-040")
    void aRecordWithoutSamplesHasNoChartsButSaysSo() {
        String html = SessionReport.html(SyntheticSessions.armedThenRefused("T-EMPTY"), GENERATED);
        assertFalse(html.contains("<figure"), "no chart");
        assertFalse(html.contains("<svg"), "no chart");
        assertTrue(html.contains("<b>No samples were recorded for this treatment</b>"));
        assertTrue(html.contains("<body data-charts=\"0\">"));
        assertTrue(html.contains("<span class=\"tag refused\">REFUSED</span> request START refused"));
        assertTrue(html.contains("not ended (still running, or interrupted)"));
        assertTrue(html.contains("No detach (CONTACT_LOST) and no FAULT was recorded."));
        assertFalse(html.contains("NaN"));
    }

    @Test
    @Verifies("SRS-APP-041")
    void theChartsAreWellFormedSvgWithoutNaN() throws Exception {
        String html = full();
        assertTrue(html.contains("<body data-charts=\"3\">"));
        for (String id : List.of("chart-current", "chart-impedance", "chart-dose")) {
            ReportSvg svg = ReportSvg.of(html, id);
            assertEquals("svg", svg.document.getDocumentElement().getLocalName(), id);
            assertTrue(svg.plotArea()[2] > 800, id + " has a plot area");
        }
        assertFalse(html.contains("NaN"), "no NaN anywhere in the page");
        assertFalse(html.contains("Infinity"), "no infinite coordinate anywhere in the page");
        int prefixed = count(html, "<clipPath id=\"current-") + count(html, "<clipPath id=\"impedance-")
                + count(html, "<clipPath id=\"dose-");
        assertTrue(prefixed >= 3, "each chart has its clip path");
        assertEquals(count(html, "<clipPath id=\""), prefixed, "every clip path ID is prefixed with its chart");
    }

    @Test
    @Verifies("SRS-APP-041")
    void unknownImpedanceIsAGapNotADive() throws Exception {
        String html = full();
        ReportSvg svg = ReportSvg.of(html, "chart-impedance");
        double[] plot = svg.plotArea();
        double[] band = svg.rects(DETACH_FILL).get(0);
        int inPlot = 0;
        for (List<double[]> polyline : svg.polylines(IMPEDANCE_STROKE)) {
            for (int i = 0; i < polyline.size(); i++) {
                double[] p = polyline.get(i);
                if (p[1] > plot[1] + plot[3] + 15) {
                    continue; // the legend's sample line, below the plot and its tick labels
                }
                inPlot++;
                assertTrue(p[1] < plot[1] + plot[3] - 20, "no point near the bottom of the plot (an unknown value drawn): " + p[1]);
                if (i > 0) {
                    double[] q = polyline.get(i - 1);
                    assertFalse(q[0] < band[0] + 1 && p[0] > band[0] + band[1] - 1,
                            "no line crosses the detach interval, where the impedance is unknown");
                }
            }
        }
        assertTrue(inPlot > 50, "the impedance line is drawn: " + inPlot);
    }

    @Test
    @Verifies("SRS-APP-041")
    void theDoseChartHasThePrescribedDoseAsAReferenceLine() throws Exception {
        String html = full();
        ReportSvg dose = ReportSvg.of(html, "chart-dose");
        double[] plot = dose.plotArea();
        List<List<double[]>> reference = dose.polylines("stroke:rgb(200,30,30)");
        assertFalse(reference.isEmpty(), "a prescribed-dose line");
        boolean spans = reference.stream().flatMap(List::stream).anyMatch(p -> Math.abs(p[0] - (plot[0] + plot[2])) < 1.5)
                && reference.stream().flatMap(List::stream).anyMatch(p -> Math.abs(p[0] - plot[0]) < 1.5);
        assertTrue(spans, "the reference line runs across the whole plot");
    }

    @Test
    @Verifies({"SRS-APP-042", "SRS-APP-043"})
    void bandsAndRestartLinesAreAtTheirTimesInEveryChart() throws Exception {
        SessionRecord record = SyntheticSessions.everything("T-2026-0042", "operator-1");
        String html = SessionReport.html(record, GENERATED);
        // The axis: run 1 from its first record (5 s) to its last (260 s), then run 2 from 2 s to its last record.
        long run2End = record.samples().stream().filter(s -> s.run() == 2).mapToLong(s -> s.timeMicros()).max().orElseThrow();
        double run1 = SyntheticSessions.RUN1_END_S - SyntheticSessions.RUN1_ORIGIN_S;
        double axisSeconds = run1 + (run2End / 1e6 - SyntheticSessions.RUN2_ORIGIN_S);
        for (String id : List.of("chart-current", "chart-impedance", "chart-dose")) {
            ReportSvg svg = ReportSvg.of(html, id);
            double[] plot = svg.plotArea();
            java.util.function.DoubleUnaryOperator x = s -> plot[0] + s / axisSeconds * plot[2];

            List<double[]> detach = svg.rects(DETACH_FILL);
            assertEquals(1, detach.size(), id + ": one detach band");
            assertEquals(x.applyAsDouble(SyntheticSessions.DETACH_FROM_S - SyntheticSessions.RUN1_ORIGIN_S), detach.get(0)[0], 1.5, id);
            assertEquals(x.applyAsDouble(SyntheticSessions.DETACH_TO_S - SyntheticSessions.RUN1_ORIGIN_S),
                    detach.get(0)[0] + detach.get(0)[1], 1.5, id);

            List<double[]> fault = svg.rects(FAULT_FILL);
            assertEquals(1, fault.size(), id + ": one fault band");
            assertEquals(x.applyAsDouble(SyntheticSessions.FAULT_FROM_S - SyntheticSessions.RUN1_ORIGIN_S), fault.get(0)[0], 1.5, id);
            assertEquals(x.applyAsDouble(SyntheticSessions.FAULT_TO_S - SyntheticSessions.RUN1_ORIGIN_S),
                    fault.get(0)[0] + fault.get(0)[1], 1.5, id);

            List<double[]> restart = svg.lines(RESTART_STROKE);
            assertEquals(1, restart.size(), id + ": one restart line");
            assertEquals(x.applyAsDouble(run1), restart.get(0)[0], 1.5, id);
        }
        assertEquals(3, count(html, ">restart: run 2</text>"), "each restart line is labelled");
        assertTrue(html.contains("electrodes detached (CONTACT_LOST)</span>") && html.contains("FAULT (output disabled)</span>")
                && html.contains("restart after a crash</span>"), "the legend names the bands and the restart line");
    }

    @Test
    @Verifies("SRS-APP-042")
    void theIntervalsAreListedOnEachRunsClock() {
        String html = full();
        assertTrue(html.contains("<span class=\"tag detach\">DETACH</span> CONTACT_LOST</td><td class=\"num\">1</td>"
                + "<td class=\"num\">01:55</td><td class=\"num\">02:15</td><td class=\"num\">00:20</td>"), "the detach");
        assertTrue(html.contains("<span class=\"tag fault\">FAULT</span> FAULT</td><td class=\"num\">1</td>"
                + "<td class=\"num\">03:15</td><td class=\"num\">03:25</td><td class=\"num\">00:10</td>"), "the fault");
        assertTrue(html.contains("1 detach interval, 1 fault interval, 1 refused request."));
    }

    @Test
    @Verifies("SRS-APP-043")
    void aRecoveredTreatmentHasTheBannerWithTheCountedDoseRuleAndSaysHowRunsAreDrawn() {
        String html = full();
        assertTrue(html.contains("<b>RECOVERED after a crash.</b>"));
        assertTrue(html.contains("the counted dose (10.050 mA·min) is the last recorded dose checkpoint (10.025 mA·min)"
                + " plus the most that could have flowed between that checkpoint and the crash"));
        assertTrue(html.contains("<td>2 (restarted after a crash)</td>"));
        assertTrue(html.contains("The treatment ran 2 times: each run's clock restarted at zero, so the runs are drawn end to end"));

        SessionRecord record = SyntheticSessions.everything("T-OK", "operator");
        String normal = SessionReport.html(withSummary(record, record.summary().prescription(), false), GENERATED);
        assertFalse(normal.contains("RECOVERED"), "no banner for a treatment that was not recovered");
    }

    @Test
    @Verifies("SRS-APP-044")
    void untrustedStringsAreEscaped() {
        String id = "T-<script>alert(\"id\")</script>'x'";
        String origin = "\"><img src=x onerror=alert(1)>";
        String html = SessionReport.html(SyntheticSessions.everything(id, origin), GENERATED);
        assertEquals(2, count(html, "<script"), "only the page's own two scripts");
        assertFalse(html.contains("<img"), "no element from an origin");
        assertFalse(html.contains("alert(\"id\")"), "quotes are escaped");
        assertTrue(html.contains("<h1>Treatment T-&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt;&#39;x&#39;</h1>"));
        assertTrue(html.contains("<title>Session report: T-&lt;script&gt;"));
        assertTrue(html.contains("<td class=\"origin\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>"));
        assertEquals("a b", Html.text("a\u0000\tb"), "control characters dropped, tabs as spaces");
    }

    @Test
    @Verifies("SRS-APP-044")
    void thePageReferencesNothingOutsideItself() {
        String html = full();
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(?!#)", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no src or href attribute other than a fragment");
        assertFalse(html.contains("@import") || html.contains("url(http"), "no external style");
        assertFalse(html.contains("http://www.w3.org/1999/xhtml"), "plain HTML");
    }

    @Test
    @Verifies("SRS-APP-045")
    void aHundredThousandSamplesRenderSmallAndSayTheyAreDownsampled() throws Exception {
        String html = SessionReport.html(SyntheticSessions.big(100_000), GENERATED);
        assertTrue(html.length() < 1_500_000, "page size " + html.length());
        assertTrue(html.contains("<span id=\"downsampled\">Downsampled: the 100000 samples are drawn with at most 2000 points"));
        ReportSvg impedance = ReportSvg.of(html, "chart-impedance");
        int points = impedance.polylines(IMPEDANCE_STROKE).stream().mapToInt(List::size).sum();
        assertTrue(points <= SessionCharts.MAX_POINTS + 10 && points > 500, "impedance points drawn: " + points);
        assertEquals(1, impedance.rects(DETACH_FILL).size(), "the detach in the middle is shaded");
        assertFalse(html.contains("NaN"));
        assertFalse(full().contains("id=\"downsampled\""), "a short session is drawn whole");
    }

    @Test
    @Verifies("SRS-APP-040")
    void writeReplacesTheFileWholeAndCreatesItsFolder() throws Exception {
        Path file = dir.resolve("reports/T-2026-0042.html");
        SessionReport.write(SyntheticSessions.armedThenRefused("first"), file, GENERATED);
        SessionReport.write(SyntheticSessions.everything("T-2026-0042", "operator-1"), file, GENERATED);
        assertEquals(full(), Files.readString(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no partial file is left");
        }
    }

    static SessionRecord withSummary(SessionRecord record, Prescription prescription, boolean recovered) {
        SessionSummary s = record.summary();
        return new SessionRecord(new SessionSummary(s.treatmentId(), s.channelId(), s.profileName(), s.driverName(),
                prescription, s.startedAt(), s.endedAt(), s.lastState(), s.recordedDoseMicroampMillis(),
                recovered ? s.countedDoseMicroampMillis() : s.recordedDoseMicroampMillis(), recovered),
                record.events(), record.samples(), record.gatewayRefusals());
    }

    /** The timeline row at this time of this run (the first such). */
    private static String row(String html, String time, String run) {
        Matcher m = Pattern.compile("<tr[^>]*><td class=\"num\">" + time + "</td><td class=\"num\">" + run + "</td>.*?</tr>")
                .matcher(html);
        assertTrue(m.find(), "a timeline row at " + time + " of run " + run);
        StringBuilder all = new StringBuilder(m.group());
        while (m.find()) {
            all.append(m.group());
        }
        return all.toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
