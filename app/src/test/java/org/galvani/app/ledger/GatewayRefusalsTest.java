package org.galvani.app.ledger;

import static org.galvani.app.ledger.LedgerTreatment.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.galvani.app.report.SessionReport;
import org.galvani.app.session.GatewayRefusal;
import org.galvani.app.session.SessionRecord;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.opcua.CallRecord;
import org.galvani.opcua.DecidedBy;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A treatment's record gives the OPC UA calls about it that the gateway refused itself, and only those: the
 * calls the kernel decided are its events already; other treatments' calls and calls about no treatment are
 * not its own. Read from a real ledger, after reopening, and rendered into the session report.
 */
class GatewayRefusalsTest {

    private static final String HOSTILE = "<script>alert('olga')</script>";

    @TempDir
    Path dir;

    private final TickingClock clock = new TickingClock();

    @Test
    @Verifies({"SRS-APP-065", "SRS-APP-066"})
    void aTreatmentsRecordHasTheCallsTheGatewayRefusedAboutIt() {
        Instant armedAt;
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock);
             LedgerTreatment treatment = new LedgerTreatment(ledger, LedgerTreatment.patch())) {
            RequestOutcome armed = treatment.arm(dexamethasone("T-300", 5_000_000L));
            assertTrue(armed.accepted(), armed.describe());
            armedAt = ledger.session("T-300").orElseThrow().events().get(0).recordedAt();
            Instant t = armedAt.plusMillis(200);
            // Recorded out of time order on purpose: the record gives them oldest first.
            ledger.recordGatewayCall(call(t.plusMillis(20), HOSTILE, "Stop", List.of(), "Bad_UserAccessDenied",
                    "user '" + HOSTILE + "' (observer) may not call Stop", "T-300", DecidedBy.GATEWAY));
            ledger.recordGatewayCall(call(t, "dora", "Start", List.of("1.0"), "Bad_TooManyArguments",
                    "Start takes no arguments, got 1", "T-300", DecidedBy.GATEWAY));
            ledger.recordGatewayCall(call(t.plusMillis(30), "dora", "Pause", List.of(), "Bad_InvalidState",
                    "not allowed in the current state", "T-300", DecidedBy.KERNEL));
            ledger.recordGatewayCall(call(t.plusMillis(40), "dora", "Stop", List.of(), "Bad_UserAccessDenied",
                    "another treatment's", "T-OTHER", DecidedBy.GATEWAY));
            ledger.recordGatewayCall(call(t.plusMillis(50), "olga", "Start", List.of(), "Bad_UserAccessDenied",
                    "no treatment on the channel", null, DecidedBy.GATEWAY));
        }
        try (SqliteLedger reader = SqliteLedger.openForReading(dir, clock)) {
            SessionRecord record = reader.session("T-300").orElseThrow();
            List<GatewayRefusal> refused = record.gatewayRefusals();
            assertEquals(List.of("dora Start Bad_TooManyArguments", HOSTILE + " Stop Bad_UserAccessDenied"),
                    refused.stream().map(r -> r.user() + " " + r.method() + " " + r.status()).toList(),
                    "only the gateway's refusals about T-300, oldest first");
            GatewayRefusal start = refused.get(0);
            assertEquals(armedAt.plusMillis(200), start.time());
            assertEquals(LedgerTreatment.CHANNEL, start.deviceId());
            assertEquals(List.of("1.0"), start.arguments());
            assertEquals("Start takes no arguments, got 1", start.reason());

            String html = SessionReport.html(record, Instant.parse("2026-02-01T00:00:00Z"));
            assertTrue(html.contains("<span class=\"tag refused\">REFUSED</span> OPC UA call Start refused by the gateway"),
                    "a refusal row");
            assertTrue(html.contains("<td class=\"origin\">&lt;script&gt;alert(&#39;olga&#39;)&lt;/script&gt;</td>"),
                    "the hostile user name as text");
            assertFalse(html.contains(HOSTILE), "never as markup");
            assertFalse(html.contains("another treatment&#39;s") || html.contains("no treatment on the channel"),
                    "no other treatment's calls");
            assertTrue(html.contains("2 refused requests (2 by the OPC UA gateway)."), "counted in the summary");
        }
    }

    private static CallRecord call(Instant time, String user, String method, List<String> arguments, String status,
                                   String reason, String treatmentId, DecidedBy decidedBy) {
        return new CallRecord(time, user, LedgerTreatment.CHANNEL, method, arguments, false, status, reason,
                treatmentId, decidedBy);
    }
}
