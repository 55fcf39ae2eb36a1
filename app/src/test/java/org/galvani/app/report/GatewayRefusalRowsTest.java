package org.galvani.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.galvani.app.session.GatewayRefusal;
import org.galvani.app.session.SessionRecord;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * The OPC UA calls the gateway refused, in the session report: refusal rows among the kernel's events in
 * wall-clock order, on the run's clock, with user, method, status and reason escaped, and counted.
 */
class GatewayRefusalRowsTest {

    private static final Instant GENERATED = Instant.parse("2026-03-02T10:00:00Z");
    private static final String HOSTILE = "<script>alert(\"u\")</script>";
    private static final String ROW = "<tr class=\"refused gateway\">";

    /** The full synthetic session (run 1's first record at 5 s, a refused START at 6 s, the START at 10 s). */
    private static SessionRecord with(List<GatewayRefusal> refusals) {
        SessionRecord record = SyntheticSessions.everything("T-GW", "operator-1");
        return new SessionRecord(record.summary(), record.events(), record.samples(), refusals);
    }

    private static GatewayRefusal refusal(long secondsAfterStart, String user, String method, String status,
                                          String reason, String... arguments) {
        return new GatewayRefusal(SyntheticSessions.STARTED.plusSeconds(secondsAfterStart), user, "ch-1", method,
                List.of(arguments), status, reason);
    }

    @Test
    @Verifies("SRS-APP-066")
    void aGatewayRefusalIsARefusalRowInTimeOrderOnItsRunsClock() {
        String html = SessionReport.html(with(List.of(
                refusal(7, "olga", "Start", "Bad_UserAccessDenied", "user 'olga' (observer) may not call Start"))),
                GENERATED);
        String row = ROW + "<td class=\"num\">00:02</td><td class=\"num\">1</td><td><span class=\"tag refused\">"
                + "REFUSED</span> OPC UA call Start refused by the gateway</td><td></td><td class=\"num\">–</td>"
                + "<td class=\"origin\">olga</td><td>Bad_UserAccessDenied: user &#39;olga&#39; (observer) may not call"
                + " Start<div class=\"detail\">answered 2026-03-02 09:15:07 UTC on ch-1 with arguments ()</div></td></tr>";
        assertTrue(html.contains(row), "the row: 7 s is 2 s after run 1's first record at 5 s");
        int refusedStart = html.indexOf("request START refused");
        int acceptedStart = html.indexOf("request START accepted");
        int gateway = html.indexOf(ROW);
        assertTrue(refusedStart < gateway && gateway < acceptedStart,
                "between the kernel's refusal at 6 s and the accepted START at 10 s");
        assertTrue(html.contains("2 refused requests (1 by the OPC UA gateway)."), "counted in the summary");
        assertTrue(html.contains("Calls refused by the OPC UA gateway never reached the kernel"), "explained");
    }

    @Test
    @Verifies("SRS-APP-066")
    void callsBeforeTheFirstAndAfterTheLastEventKeepTheirOrder() {
        String html = SessionReport.html(with(List.of(
                refusal(100_000, "late", "Stop", "Bad_Timeout", "the kernel did not decide within 2000 ms"),
                refusal(2, "early", "Arm", "Bad_TypeMismatch", "Arm argument 2 (targetCurrent_mA) must be a Double",
                        "\"lidocaine-hcl\"", "1", "1.0", "10.0"))), GENERATED);
        int early = html.indexOf("<td class=\"origin\">early</td>");
        int firstEvent = html.indexOf("request ARM accepted");
        int late = html.indexOf("<td class=\"origin\">late</td>");
        int lastEvent = html.lastIndexOf("the ramp-down reached zero");
        assertTrue(early > 0 && early < firstEvent, "before the first event");
        assertTrue(late > lastEvent, "after the last event");
        assertTrue(html.contains(ROW + "<td class=\"num\">-00:03</td><td class=\"num\">1</td>"),
                "3 s before run 1's first record");
        assertTrue(html.contains("with arguments (&quot;lidocaine-hcl&quot;, 1, 1.0, 10.0)"), "the arguments as sent");
    }

    @Test
    @Verifies({"SRS-APP-066", "SRS-APP-044"})
    void hostileUserNamesReasonsAndArgumentsAreText() {
        String html = SessionReport.html(with(List.of(refusal(7, HOSTILE, "<b>Arm</b>", "Bad_InvalidArgument",
                "drug '" + HOSTILE + "' is blank", "\"" + HOSTILE + "\""))), GENERATED);
        assertEquals(2, count(html, "<script"), "only the page's own two scripts");
        assertFalse(html.contains("<b>Arm</b>"), "no markup from a method name");
        assertTrue(html.contains("<td class=\"origin\">&lt;script&gt;alert(&quot;u&quot;)&lt;/script&gt;</td>"));
        assertTrue(html.contains("OPC UA call &lt;b&gt;Arm&lt;/b&gt; refused by the gateway"));
        assertTrue(html.contains("Bad_InvalidArgument: drug &#39;&lt;script&gt;alert(&quot;u&quot;)&lt;/script&gt;&#39;"));
    }

    @Test
    @Verifies("SRS-APP-066")
    void aRecordWithOnlyAGatewayRefusalStillHasItsTimeline() {
        SessionRecord record = SyntheticSessions.armedThenRefused("T-GW-ONLY");
        SessionRecord none = new SessionRecord(record.summary(), List.of(), List.of(),
                List.of(refusal(1, "olga", "Start", "Bad_UserAccessDenied", "may not")));
        String html = SessionReport.html(none, GENERATED);
        assertTrue(html.contains(ROW + "<td class=\"num\">–</td><td class=\"num\">–</td>"),
                "no event to place it by: no run clock");
        assertFalse(html.contains("No events were recorded"));
        assertTrue(html.contains("1 refused request (1 by the OPC UA gateway)."));

        String without = SessionReport.html(record, GENERATED);
        assertFalse(without.contains(ROW) || without.contains("by the OPC UA gateway"), "nothing when there is none");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
