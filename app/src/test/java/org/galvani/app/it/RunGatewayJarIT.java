package org.galvani.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.app.opcua.GatewayTestClient;
import org.galvani.app.session.SessionEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.RequestKind;
import org.galvani.opcua.CallRecord;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code galvani run} from the packaged jar with its users from the environment only
 * ({@code GALVANI_CLINICIAN_PASSWORD}, {@code GALVANI_OBSERVER_PASSWORD}; no {@code GALVANI_SERVICE_PASSWORD}):
 * a Milo client over Basic256Sha256 SignAndEncrypt, its certificate trusted with {@code galvani trust},
 * arms and starts as the clinician, is refused as the observer, and cannot log in with a wrong password
 * or as the service user; SIGTERM ends the device cleanly and the ledger names the clinician.
 */
class RunGatewayJarIT {

    private static final String CLINICIAN_PASSWORD = "clinician pass 4711";
    private static final String OBSERVER_PASSWORD = "observer pass 0815";
    private static final String CHANNEL = "ch0";
    private static final long START_RETRY_NANOS = TimeUnit.SECONDS.toNanos(15);

    @TempDir
    Path scratch;

    @Test
    @Verifies({"SRS-APP-064", "SRS-APP-062", "SRS-APP-063", "SRS-OPC-011"})
    void environmentUsersLogInWithTheirRolesAndOthersAreRefused() throws Exception {
        Path data = scratch.resolve("data");
        GatewayTestClient.Identity client = GatewayTestClient.Identity.create();
        trust(client, data);
        int port = GatewayTestClient.freePort();
        String endpoint = "opc.tcp://127.0.0.1:" + port + "/galvani";
        Instant before = Instant.now();
        try (JarProcess run = JarProcess.startWithGalvaniEnvironment(scratch, "run",
                Map.of("GALVANI_CLINICIAN_PASSWORD", CLINICIAN_PASSWORD, "GALVANI_OBSERVER_PASSWORD", OBSERVER_PASSWORD),
                "run", "--no-console", "--no-progress", "--profile", "bench-test", "--opcua-host", "127.0.0.1",
                "--opcua-port", Integer.toString(port), "--data-dir", data.toString())) {
            assertTrue(run.awaitOut(out -> out.contains("Device running:"), 60_000), run.describe());
            String started = run.out();
            assertTrue(started.contains("OPC UA gateway: " + endpoint + "\n"), started);
            assertTrue(started.contains("  users: clinician (clinician), observer (observer); anonymous sessions refused\n"),
                    "the environment's users, and no service user: " + started);
            X509Certificate server = gatewayCertificate(data.resolve("pki"));

            String treatment;
            try (GatewayTestClient clinician = GatewayTestClient.connect(endpoint, server, client, "clinician",
                    CLINICIAN_PASSWORD)) {
                CallMethodResult armed = arm(clinician, 1.0);
                assertEquals(StatusCodes.Good, armed.getStatusCode().value(), GatewayTestClient.outcome(armed));
                treatment = (String) clinician.read(CHANNEL, "TreatmentId");
                CallMethodResult start = startOnceContactIsConfirmed(clinician);
                assertEquals(StatusCodes.Good, start.getStatusCode().value(), GatewayTestClient.outcome(start));
                assertTrue(Set.of("RAMP_UP", "DELIVERING").contains(clinician.read(CHANNEL, "State")),
                        "the kernel runs the treatment");
            }
            try (GatewayTestClient observer = GatewayTestClient.connect(endpoint, server, client, "observer",
                    OBSERVER_PASSWORD)) {
                assertNotNull(observer.read(CHANNEL, "State"), "the observer may read");
                assertEquals(StatusCodes.Bad_UserAccessDenied, arm(observer, 0.5).getStatusCode().value(),
                        "an observer may not arm");
            }
            assertRefusedAtActivation(endpoint, server, client, "clinician", "not the clinician's password");
            assertRefusedAtActivation(endpoint, server, client, "service", CLINICIAN_PASSWORD);
            assertRefusedAtActivation(endpoint, server, client, "service", "");

            run.process().destroy(); // SIGTERM: the shutdown hook stops the treatment with a ramp-down
            assertEquals(0, run.awaitExit(30_000), run.describe());
            String out = run.out();
            assertTrue(out.contains("interrupted: stopping treatment " + treatment), out);
            assertTrue(out.contains("Device stopped: output disabled, driver and ledger closed"), out);
            String err = run.err();
            assertTrue(err.contains("OPC UA login refused for user 'clinician' from"), err);
            assertTrue(err.contains("OPC UA login refused for user 'service' from"), err);
            for (String printed : List.of(out, err)) {
                assertFalse(printed.contains(CLINICIAN_PASSWORD) || printed.contains(OBSERVER_PASSWORD),
                        "no password is printed or logged: " + printed);
            }
            assertLedgerNamesTheUsers(data, treatment, before);
        }
    }

    /** {@code galvani trust FILE --data-dir DATA} with the client's certificate, before the device runs. */
    private void trust(GatewayTestClient.Identity client, Path data) throws Exception {
        Path certificate = Files.write(scratch.resolve("client.der"), client.certificate().getEncoded());
        try (JarProcess trust = JarProcess.start(scratch, "trust", List.of(), "trust", certificate.toString(),
                "--data-dir", data.toString())) {
            assertEquals(0, trust.awaitExit(60_000), trust.describe());
            assertTrue(trust.out().startsWith("trusted ") && trust.out().contains("CN=galvani app test client"),
                    trust.describe());
        }
    }

    /** The gateway's own certificate from its key store, so that the client accepts no other server. */
    private static X509Certificate gatewayCertificate(Path pki) throws Exception {
        Path own = pki.resolve("own");
        char[] password = Files.readString(own.resolve("keystore-password"), StandardCharsets.US_ASCII).trim()
                .toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(own.resolve("gateway.pfx"))) {
            store.load(in, password);
        }
        List<String> aliases = Collections.list(store.aliases());
        assertEquals(1, aliases.size(), "one key in the gateway's key store: " + aliases);
        return (X509Certificate) store.getCertificate(aliases.get(0));
    }

    /** Arms dexamethasone at {@code milliamps} for 0.03 mA·min over 10 cm², within the bench-test profile's cap. */
    private static CallMethodResult arm(GatewayTestClient user, double milliamps) throws Exception {
        return user.call(CHANNEL, "Arm", new Variant("dexamethasone-sodium-phosphate"), new Variant(milliamps),
                new Variant(0.03), new Variant(10.0));
    }

    /** Start, retried while the kernel refuses it because electrode contact is not yet confirmed (bounded). */
    private static CallMethodResult startOnceContactIsConfirmed(GatewayTestClient clinician) throws Exception {
        long deadline = System.nanoTime() + START_RETRY_NANOS;
        while (true) {
            CallMethodResult start = clinician.call(CHANNEL, "Start");
            String outcome = GatewayTestClient.outcome(start);
            boolean waitingForContact = "refused: electrode contact is not confirmed".equals(outcome);
            if (!waitingForContact || System.nanoTime() - deadline > 0) {
                return start;
            }
            Thread.sleep(200);
        }
    }

    private static void assertRefusedAtActivation(String endpoint, X509Certificate server, GatewayTestClient.Identity client,
                                                  String user, String password) {
        UaException refused = assertThrows(UaException.class,
                () -> GatewayTestClient.connect(endpoint, server, client, user, password).close(),
                user + " must not log in");
        assertEquals(StatusCodes.Bad_UserAccessDenied, refused.getStatusCode().value(),
                user + ": " + refused.getStatusCode());
    }

    /** The ledger's audit trail and the treatment's events name the clinician as the one who armed and started. */
    private static void assertLedgerNamesTheUsers(Path data, String treatment, Instant before) {
        try (SqliteLedger ledger = SqliteLedger.openForReading(data, Clock.systemUTC())) {
            List<String> calls = ledger.gatewayCalls(CHANNEL, before.minusSeconds(1), Instant.now().plusSeconds(1))
                    .stream().map(CallRecord::describe).toList();
            String decided = " (decided by kernel, treatment " + treatment + ")";
            assertTrue(calls.contains("clinician called ch0.Arm[\"dexamethasone-sodium-phosphate\", 1.0, 0.03, 10.0]"
                    + " -> Good" + decided), calls.toString());
            assertTrue(calls.contains("clinician called ch0.Start[] -> Good" + decided), calls.toString());
            assertTrue(calls.stream().anyMatch(c -> c.startsWith("observer called ch0.Arm[")
                    && c.contains("] -> Bad_UserAccessDenied") && c.contains("(decided by gateway, ")), calls.toString());
            assertEquals(Set.of("clinician", "observer"), calls.stream().map(c -> c.substring(0, c.indexOf(' ')))
                    .collect(Collectors.toSet()), "only logged-in users made calls: " + calls);
            List<SessionEvent> accepted = ledger.session(treatment).orElseThrow().events().stream()
                    .filter(e -> e.type() == KernelEventType.REQUEST_ACCEPTED).toList();
            assertEquals(List.of(RequestKind.ARM, RequestKind.START, RequestKind.STOP),
                    accepted.stream().map(SessionEvent::request).toList(), accepted.toString());
            assertEquals("clinician", accepted.get(0).origin(), "armed by");
            assertEquals("clinician", accepted.get(1).origin(), "started by");
        }
    }
}
