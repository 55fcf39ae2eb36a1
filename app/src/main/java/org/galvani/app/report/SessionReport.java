package org.galvani.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.EndCriterion;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;
import org.galvani.trace.Implements;

/**
 * A treatment's session report: one self-contained HTML page (inline style, charts as inline SVG, no external
 * resource, no script needed) with the treatment and its outcome, the prescription in clinical units, charts
 * of current, impedance and dose with the detach and fault intervals shaded, those intervals, and the timeline
 * of events. Every string from the record is escaped: treatment IDs, origins and texts are untrusted.
 *
 * <p>Opened with {@code #selfcheck} (as the build's browser test does), a small inline script checks, once the
 * page has loaded, that every chart was laid out, that nothing was fetched and that no script error occurred,
 * and writes its verdict into {@code #selfcheck}; otherwise the script does nothing.
 */
@Implements({"SRS-APP-040", "SRS-APP-042", "SRS-APP-043", "SRS-APP-044", "SRS-APP-045", "SRS-APP-066"})
public final class SessionReport {

    private static final String STYLE = """
            :root{--ink:#1f2933;--muted:#5f6b7a;--line:#d5dbe3;--soft:#f3f5f8;--ok:#1e7d3a;--warn:#a45f00;--bad:#b3261e}
            *{box-sizing:border-box}
            body{margin:0;background:#e9edf2;color:var(--ink);font:14px/1.45 "DejaVu Sans",system-ui,sans-serif;
              -webkit-print-color-adjust:exact;print-color-adjust:exact}
            main{max-width:1060px;margin:18px auto;background:#fff;padding:28px 34px 20px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
            header.top{display:flex;justify-content:space-between;align-items:flex-start;border-bottom:3px solid var(--ink);padding-bottom:10px}
            .kicker{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
            h1{font-size:24px;margin:2px 0 0;word-break:break-all}
            h2{font-size:16px;margin:26px 0 8px;padding-bottom:3px;border-bottom:1px solid var(--line)}
            .state{font-weight:700;font-size:15px;padding:6px 12px;border-radius:4px;color:#fff;white-space:nowrap}
            .state.ok{background:var(--ok)}.state.warn{background:var(--warn)}.state.bad{background:var(--bad)}
            .banner{margin:16px 0 0;padding:10px 14px;border:2px solid var(--bad);background:#fdecea;border-radius:4px}
            .banner b{color:var(--bad)}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--line)}
            th{background:var(--soft);font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
            .facts{display:grid;grid-template-columns:1fr 1fr;gap:0 28px}
            .facts table th{width:44%;text-transform:none;letter-spacing:0;font-size:13px;background:none;color:var(--muted);font-weight:400}
            .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .note{color:var(--muted);font-size:13px;margin:6px 0}
            .glance{margin:10px 0 0;font-size:13px}
            figure{margin:10px 0 18px;break-inside:avoid;page-break-inside:avoid}
            figcaption{font-weight:700;font-size:13px;margin-bottom:2px}
            figure svg{width:100%;height:auto;display:block}
            .legend{display:flex;gap:22px;flex-wrap:wrap;font-size:13px;margin:6px 0 4px}
            .legend span{display:inline-flex;align-items:center;gap:6px}
            .swatch{display:inline-block;width:26px;height:12px;border:1px solid rgba(0,0,0,.25)}
            .restart{display:inline-block;width:26px;border-top:2px dashed #5a3c96}
            .timeline td{font-size:13px}.timeline td.origin{white-space:nowrap}.detail{color:var(--muted);font-size:11px;word-break:break-word}
            tr.refused td{background:#fff4e0}tr.fault td{background:#fdecea}tr.detach td{background:#fff8e8}
            .tag{display:inline-block;font-size:10px;font-weight:700;padding:0 5px;border-radius:3px;color:#fff}
            .tag.refused{background:var(--warn)}.tag.fault{background:var(--bad)}.tag.detach{background:#c77800}
            tr{break-inside:avoid;page-break-inside:avoid}
            footer{margin-top:24px;padding-top:8px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
            #selfcheck{display:none}
            @page{size:A4;margin:12mm}
            @media print{body{background:#fff}main{box-shadow:none;margin:0;max-width:none;padding:0}}
            """;

    /** Records every script error and every resource that fails to load, before anything else runs. */
    private static final String HEAD_SCRIPT = "window.galvaniErrors=[];window.addEventListener('error',function(e){"
            + "window.galvaniErrors.push(e.message||('failed to load '+((e.target&&(e.target.src||e.target.href))||'?')));},true);";

    private static final String SELFCHECK_SCRIPT = """
            window.addEventListener('load',function(){
              if(location.hash!=='#selfcheck'){return;}
              var problems=[],svgs=document.querySelectorAll('figure svg');
              var expected=Number(document.body.getAttribute('data-charts'));
              if(svgs.length!==expected){problems.push(svgs.length+' charts, expected '+expected);}
              Array.prototype.forEach.call(svgs,function(s){var r=s.getBoundingClientRect();
                if(!(r.width>300&&r.height>50)){problems.push('chart '+s.parentNode.id+' is '+r.width+'x'+r.height);}});
              var loaders=document.querySelectorAll('[src],link[href],object,embed,iframe').length;
              if(loaders>0){problems.push(loaders+' elements load resources');}
              var fetched=performance.getEntriesByType('resource').length;
              if(fetched>0){problems.push(fetched+' resources fetched');}
              var errors=window.galvaniErrors||[];
              document.getElementById('selfcheck').textContent=(problems.length===0&&errors.length===0?'SELFCHECK PASS':'SELFCHECK FAIL')
                +' charts='+svgs.length+' errors='+errors.length
                +(problems.length?' problems: '+problems.join('; '):'')+(errors.length?' page errors: '+errors.join('; '):'');
            });
            """;

    private SessionReport() {
    }

    /** Writes the report of {@code record} to {@code file} (replacing it; parent folders are created). */
    public static void write(SessionRecord record, Path file, Instant generatedAt) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        // Written beside the target and moved into place, so that a failed write never leaves half a report.
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.writeString(partial, html(record, generatedAt), StandardCharsets.UTF_8);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The report of {@code record} as one HTML page; {@code generatedAt} is printed in its footer. */
    public static String html(SessionRecord record, Instant generatedAt) {
        SessionSummary summary = record.summary();
        SessionTimeAxis axis = SessionTimeAxis.of(record);
        List<StateInterval> intervals = StateIntervals.of(record, axis);
        SessionCharts.Result charts = SessionCharts.of(record, axis, intervals);

        StringBuilder out = new StringBuilder(1 << 20);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Session report: ").append(Html.text(summary.treatmentId())).append("</title>\n<style>")
                .append(STYLE).append("</style>\n<script>").append(HEAD_SCRIPT).append("</script>\n</head>\n")
                .append("<body data-charts=\"").append(charts.charts().size()).append("\">\n<main>\n");
        header(out, summary);
        treatment(out, record, axis, intervals);
        prescription(out, summary.prescription());
        charts(out, record, axis, charts);
        intervalTable(out, intervals, axis);
        out.append("<h2>Timeline of events</h2>\n");
        TimelineTable.append(out, record.events(), record.gatewayRefusals(), axis);
        out.append("<footer>Generated ").append(ReportFormat.instant(generatedAt))
                .append(" by Galvani from the session ledger. Times in the timeline are mm:ss from the first sample or")
                .append(" event of each run; wall-clock times are UTC. Doses are in mA·min (1 mA·min = 60 mC).</footer>\n")
                .append("</main>\n<p id=\"selfcheck\">SELFCHECK NOT RUN (open this page with #selfcheck)</p>\n<script>")
                .append(SELFCHECK_SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, SessionSummary s) {
        KernelState last = s.lastState();
        String tone = last == KernelState.COMPLETE ? "ok" : last == KernelState.FAULT ? "bad" : "warn";
        out.append("<header class=\"top\"><div><div class=\"kicker\">Galvani · iontophoresis session report</div>")
                .append("<h1>Treatment ").append(Html.text(s.treatmentId())).append("</h1></div>")
                .append("<div class=\"state ").append(tone).append("\" id=\"final-state\">")
                .append(last == null ? "NO STATE" : last.name()).append("</div></header>\n");
        if (s.recovered()) {
            out.append("<div class=\"banner\" id=\"recovered\"><b>RECOVERED after a crash.</b> This treatment was")
                    .append(" interrupted without ending normally and was recovered from the dose ledger. <b>Counted")
                    .append(" dose rule:</b> the counted dose (").append(ReportFormat.milliampMinutes(s.countedDoseMicroampMillis()))
                    .append(") is the last recorded dose checkpoint (").append(ReportFormat.milliampMinutes(s.recordedDoseMicroampMillis()))
                    .append(") plus the most that could have flowed between that checkpoint and the crash. It is never")
                    .append(" less than the recorded dose, and it is the dose that counts against the prescription and the")
                    .append(" dose cap.</div>\n");
        }
    }

    private static void treatment(StringBuilder out, SessionRecord record, SessionTimeAxis axis,
            List<StateInterval> intervals) {
        SessionSummary s = record.summary();
        int runs = axis.runs().size();
        out.append("<h2>Treatment</h2>\n<div class=\"facts\"><table>\n");
        fact(out, "Treatment ID", Html.text(s.treatmentId()));
        fact(out, "Channel", Html.text(s.channelId()));
        fact(out, "Device profile", Html.text(s.profileName()));
        fact(out, "Output stage driver", Html.text(s.driverName()));
        fact(out, "Runs", runs + (runs > 1 ? " (restarted after a crash)" : ""));
        out.append("</table><table>\n");
        fact(out, "Started", ReportFormat.instant(s.startedAt()));
        fact(out, "Ended", s.endedAt() == null ? "not ended (still running, or interrupted)" : ReportFormat.instant(s.endedAt()));
        fact(out, "Final state", s.lastState() == null ? "–" : s.lastState().name());
        fact(out, "Recorded dose", ReportFormat.milliampMinutes(s.recordedDoseMicroampMillis()));
        fact(out, "Counted dose", "<b>" + ReportFormat.milliampMinutes(s.countedDoseMicroampMillis()) + "</b>"
                + (s.countedDoseMicroampMillis() != s.recordedDoseMicroampMillis() ? " (after crash recovery)" : ""));
        out.append("</table></div>\n");
        long detaches = intervals.stream().filter(i -> i.state() == KernelState.CONTACT_LOST).count();
        long faults = intervals.size() - detaches;
        long byGateway = record.gatewayRefusals().size();
        long refusals = record.events().stream().filter(e -> "refused".equals(TimelineTable.mark(e))).count() + byGateway;
        out.append("<p class=\"glance\" id=\"glance\">").append(record.samples().size()).append(" samples and ")
                .append(record.events().size()).append(" events recorded; ").append(detaches).append(" detach interval")
                .append(detaches == 1 ? "" : "s").append(", ").append(faults).append(" fault interval").append(faults == 1 ? "" : "s")
                .append(", ").append(refusals).append(" refused request").append(refusals == 1 ? "" : "s")
                .append(byGateway == 0 ? "" : " (" + byGateway + " by the OPC UA gateway)").append(".</p>\n");
    }

    private static void prescription(StringBuilder out, Prescription p) {
        out.append("<h2>Prescription</h2>\n");
        if (p == null) {
            out.append("<p class=\"note\">No prescription was recorded.</p>\n");
            return;
        }
        out.append("<div class=\"facts\"><table id=\"prescription\">\n");
        fact(out, "Drug", Html.text(p.drug()));
        fact(out, "Active electrode", p.activeElectrode() == null ? "–" : p.activeElectrode().name().toLowerCase(Locale.ROOT));
        fact(out, "Target current", ReportFormat.milliamps(p.targetMicroamps()));
        fact(out, "Electrode area", ReportFormat.squareCentimetres(p.electrodeAreaMm2()));
        out.append("</table><table>\n");
        fact(out, "Current density", ReportFormat.density(p.targetMicroamps(), p.electrodeAreaMm2()));
        if (p.endCriterion() == EndCriterion.TIME) {
            fact(out, "Ends after", ReportFormat.minutes(p.durationMillis()) + " of output");
        } else {
            fact(out, "Prescribed dose", ReportFormat.milliampMinutes(p.doseMicroampMillis()));
        }
        fact(out, "Ramp", ReportFormat.seconds(p.rampMillis()) + " up (the ramp down uses the same rate)");
        out.append("</table></div>\n");
    }

    private static void charts(StringBuilder out, SessionRecord record, SessionTimeAxis axis, SessionCharts.Result charts) {
        out.append("<h2>Current, impedance and dose</h2>\n");
        if (charts.charts().isEmpty()) {
            out.append("<p class=\"note\" id=\"no-charts\"><b>No samples were recorded for this treatment</b>, so there")
                    .append(" is nothing to plot: it never delivered current. The timeline below shows what happened.</p>\n");
            return;
        }
        out.append("<div class=\"legend\"><span><i class=\"swatch\" style=\"background:")
                .append(ShadingAnnotation.css(ShadingAnnotation.DETACH)).append("\"></i>electrodes detached (CONTACT_LOST)</span>")
                .append("<span><i class=\"swatch\" style=\"background:").append(ShadingAnnotation.css(ShadingAnnotation.FAULT))
                .append("\"></i>FAULT (output disabled)</span>");
        if (axis.runs().size() > 1) {
            out.append("<span><i class=\"restart\"></i>restart after a crash</span>");
        }
        out.append("</div>\n<p class=\"note\">Time axis: mm:ss from the first sample or event of the treatment.");
        if (axis.runs().size() > 1) {
            out.append(" The treatment ran ").append(axis.runs().size()).append(" times: each run's clock restarted at")
                    .append(" zero, so the runs are drawn end to end, each starting where the previous one's last record")
                    .append(" was (the time the device was down is not shown), and a dashed line marks each restart.");
        }
        if (charts.downsampled()) {
            out.append(" <span id=\"downsampled\">Downsampled: the ").append(record.samples().size())
                    .append(" samples are drawn with at most ").append(SessionCharts.MAX_POINTS).append(" points per")
                    .append(" line, keeping the first, last, lowest and highest point of each stretch of samples (and")
                    .append(" every gap), so peaks and dips remain; the shading and the timeline use every record.</span>");
        }
        out.append("</p>\n");
        for (SessionCharts.Chart chart : charts.charts()) {
            out.append("<figure id=\"").append(chart.id()).append("\"><figcaption>").append(chart.title())
                    .append("</figcaption>\n").append(chart.svg()).append("\n</figure>\n");
        }
    }

    private static void intervalTable(StringBuilder out, List<StateInterval> intervals, SessionTimeAxis axis) {
        out.append("<h2>Detach and fault intervals</h2>\n");
        if (intervals.isEmpty()) {
            out.append("<p class=\"note\">No detach (CONTACT_LOST) and no FAULT was recorded.</p>\n");
            return;
        }
        out.append("<table id=\"intervals\"><thead><tr><th>Kind</th><th>Run</th><th class=\"num\">From</th>")
                .append("<th class=\"num\">To</th><th class=\"num\">Duration</th><th>Note</th></tr></thead><tbody>\n");
        for (StateInterval i : intervals) {
            boolean fault = i.state() == KernelState.FAULT;
            out.append("<tr class=\"").append(fault ? "fault" : "detach").append("\"><td><span class=\"tag ")
                    .append(fault ? "fault\">FAULT" : "detach\">DETACH").append("</span> ").append(i.state().name())
                    .append("</td><td class=\"num\">").append(i.run()).append("</td><td class=\"num\">")
                    .append(SessionTimeAxis.clock(axis.elapsedMicros(i.run(), i.startMicros()))).append("</td><td class=\"num\">")
                    .append(SessionTimeAxis.clock(axis.elapsedMicros(i.run(), i.endMicros()))).append("</td><td class=\"num\">")
                    .append(SessionTimeAxis.clock(i.endMicros() - i.startMicros())).append("</td><td>")
                    .append(i.untilRunEnd() ? "the run's records end in this state" : "").append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static void fact(StringBuilder out, String name, String html) {
        out.append("<tr><th>").append(name).append("</th><td>").append(html).append("</td></tr>\n");
    }
}
