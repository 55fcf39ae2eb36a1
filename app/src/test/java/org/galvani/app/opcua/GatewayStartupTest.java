package org.galvani.app.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.config.OpcUaSettings;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.app.session.SessionEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.kernel.testing.Profiles;
import org.galvani.opcua.CallRecord;
import org.galvani.opcua.GatewayUser;
import org.galvani.opcua.OpcUaGateway;
import org.galvani.opcua.RequestGate;
import org.galvani.opcua.PasswordHash;
import org.galvani.opcua.Role;
import org.galvani.opcua.UserDirectory;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as galvani run starts it: users from the configuration and the environment, the PKI
 * directory in the data directory, and an Arm from a real OPC UA client that reaches the kernel and the
 * ledger with the user as origin, its call audited.
 */
class GatewayStartupTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    private static OpcUaSettings settings(int port, GatewayUser... users) {
        return new OpcUaSettings("127.0.0.1", port, false, false, null, List.of(users), "Acme", null, null);
    }

    @Test
    @Verifies("SRS-APP-064")
    void usersComeFromTheConfigurationAndTheEnvironment() {
        GatewayUser dora = new GatewayUser("dora", Role.CLINICIAN, PasswordHash.of(PASSWORD));
        UserDirectory users = GatewayStartup.users(settings(4840, dora),
                Map.of("GALVANI_OBSERVER_PASSWORD", "look only", "GALVANI_SERVICE_PASSWORD", "", "PATH", "/bin"));
        assertEquals(List.of("dora", "observer"), users.users().stream().map(GatewayUser::name).sorted().toList());
        assertTrue(users.authenticate("observer", "look only").isPresent());
        assertEquals(Optional.empty(), users.authenticate("service", ""), "an empty variable creates no user");
        assertFalse(users.anonymousAllowed(), "anonymous refused unless configured");
        OpcUaSettings anonymous = new OpcUaSettings("127.0.0.1", 4840, false, true, null, List.of(), null, null, null);
        assertTrue(GatewayStartup.users(anonymous, Map.of()).anonymousAllowed());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> GatewayStartup.users(
                settings(4840, new GatewayUser("clinician", Role.OBSERVER, PasswordHash.of(PASSWORD))),
                Map.of("GALVANI_CLINICIAN_PASSWORD", "x")));
        assertEquals("user 'clinician' is configured twice", twice.getMessage());
    }

    @Test
    @Verifies("SRS-APP-064")
    void theCommandLineOverridesHostAndPortAndCanOnlySwitchNoneOn() {
        OpcUaSettings file = new OpcUaSettings("0.0.0.0", 4840, true, false, "pki", List.of(), null, null, null);
        assertEquals(new OpcUaSettings("127.0.0.1", 4841, true, false, "pki", List.of(), null, null, null),
                file.overriddenBy("127.0.0.1", 4841, false));
        assertEquals(file, file.overriddenBy(null, null, false));
        assertTrue(OpcUaSettings.defaults().overriddenBy(null, null, true).insecure());
        assertEquals(dir.resolve("pki"), GatewayStartup.pkiDir(OpcUaSettings.defaults(), dir));
        assertEquals(Path.of("elsewhere"), GatewayStartup.pkiDir(file.overriddenBy(null, null, false)
                .withPkiDir("elsewhere"), dir));
    }

    @Test
    @Verifies({"SRS-APP-064", "SRS-APP-062", "SRS-APP-065"})
    void anArmFromAClinicianReachesTheKernelAndTheLedgerWithTheUserAsOrigin() throws Exception {
        GatewayUser dora = new GatewayUser("dora", Role.CLINICIAN, PasswordHash.of(PASSWORD));
        OpcUaSettings settings = settings(GatewayTestClient.freePort(), dora);
        try (SqliteLedger ledger = SqliteLedger.open(dir, Clock.systemUTC());
             KernelRuntime runtime = KernelRuntime.builder()
                     .channel("ch0", Profiles.quickDrugDelivery("opcua-app-test", 60_000_000L)
                             .tickGapLimitMicros(2_000_000).measurementMaxAgeMicros(2_000_000).build(),
                             DriverRegistry.load(getClass().getClassLoader())
                                     .create(GalvaniConfig.defaults().settingsFor("sim")))
                     .ledger(ledger)
                     .build()) {
            OpcUaGateway gateway = GatewayStartup.start(settings, runtime, dir, new LedgerCallAudit(ledger),
                    Map.of("GALVANI_OBSERVER_PASSWORD", PASSWORD), RequestGate.direct());
            try {
                runtime.start();
                assertEquals("opc.tcp://127.0.0.1:" + settings.port() + "/galvani", gateway.endpointUrl());
                assertTrue(Files.isDirectory(dir.resolve("pki").resolve("trusted")), "the PKI folder in the data dir");
                List<String> told = GatewayStartup.describe(gateway, settings, GatewayStartup.users(settings, Map.of()));
                assertEquals("OPC UA gateway: " + gateway.endpointUrl(), told.get(0));
                assertEquals("  security: Aes256_Sha256_RsaPss, Basic256Sha256 (SignAndEncrypt)", told.get(1));
                assertEquals("  users: dora (clinician); anonymous sessions refused", told.get(2));

                Instant before = Instant.now();
                CallMethodResult refused = call(gateway, "observer", "Arm", 1.0);
                assertEquals(StatusCodes.Bad_UserAccessDenied, refused.getStatusCode().value());
                CallMethodResult armed = call(gateway, "dora", "Arm", 1.0);
                assertEquals(StatusCodes.Good, armed.getStatusCode().value());
                assertEquals("accepted", armed.getOutputArguments()[0].getValue());
                CallMethodResult tooMuch = call(gateway, "dora", "Arm", 50.0);
                String reason = (String) tooMuch.getOutputArguments()[0].getValue();
                assertEquals(StatusCodes.Bad_InvalidState, tooMuch.getStatusCode().value(), reason);

                CallMethodResult stop = call(gateway, "observer", "Stop", 0);
                assertEquals(StatusCodes.Bad_UserAccessDenied, stop.getStatusCode().value());

                String treatment = runtime.channel("ch0").snapshot().treatmentId();
                assertTrue(treatment.startsWith("opcua-ch0-"), treatment);
                List<CallRecord> calls = ledger.gatewayCalls("ch0", before.minusSeconds(1), Instant.now().plusSeconds(1));
                assertEquals(List.of("observer Arm false Bad_UserAccessDenied GATEWAY", "dora Arm true Good KERNEL",
                                "dora Arm false Bad_InvalidState KERNEL", "observer Stop false Bad_UserAccessDenied GATEWAY"),
                        calls.stream().map(c -> c.user() + " " + c.method() + " " + c.accepted() + " " + c.status() + " "
                                + c.decidedBy()).toList());
                assertEquals(null, calls.get(0).treatmentId(), "no treatment on the channel yet");
                assertEquals(treatment, calls.get(1).treatmentId(), "the accepted Arm's own");
                assertTrue(calls.get(2).treatmentId().startsWith("opcua-ch0-") && !calls.get(2).treatmentId().equals(treatment),
                        "a refused Arm names what it asked for: " + calls.get(2).treatmentId());
                assertEquals(treatment, calls.get(3).treatmentId(), "the armed treatment");
                assertEquals(List.of("observer Stop Bad_UserAccessDenied"), ledger.session(treatment).orElseThrow()
                        .gatewayRefusals().stream().map(r -> r.user() + " " + r.method() + " " + r.status()).toList(),
                        "the treatment's record has the call the gateway refused, and only that one");
                assertEquals(List.of("\"dexamethasone-sodium-phosphate\"", "1.0", "0.06", "10.0"), calls.get(1).arguments());
                assertEquals("refused: " + Reason.INVALID_STATE.text(), reason, "the kernel's reason reaches the client");
                assertEquals(Reason.INVALID_STATE.text(), calls.get(2).reason(), "and the ledger");
                SessionEvent accepted = awaitAcceptedArm(ledger, treatment);
                assertEquals("dora", accepted.origin(), "the kernel and the ledger name the user as requester");
            } finally {
                gateway.close();
            }
        }
    }

    private static SessionEvent awaitAcceptedArm(SqliteLedger ledger, String treatment) throws InterruptedException {
        // The runtime's dispatcher writes events shortly after the decision; bounded wait.
        for (int i = 0; i < 100; i++) {
            Optional<SessionEvent> event = ledger.session(treatment).stream()
                    .flatMap(s -> s.events().stream())
                    .filter(e -> e.type() == KernelEventType.REQUEST_ACCEPTED && e.request() == RequestKind.ARM)
                    .findFirst();
            if (event.isPresent()) {
                return event.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the accepted ARM of " + treatment + " never reached the ledger");
    }

    private static CallMethodResult call(OpcUaGateway gateway, String user, String method, double milliamps)
            throws Exception {
        try (GatewayTestClient client = GatewayTestClient.connect(gateway, user, PASSWORD)) {
            assertEquals("Acme", ((LocalizedText) client.read("ch0", "Manufacturer")).getText(), "the configured identity");
            return "Arm".equals(method) ? client.arm("ch0", milliamps) : client.call("ch0", method);
        }
    }
}
