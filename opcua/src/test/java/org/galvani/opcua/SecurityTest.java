package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway started with --insecure and anonymous access, whose client certificate is not yet trusted:
 * the certificate is rejected and kept, trusting it lets the client in without a restart, and over the
 * None policy passwords are still encrypted and roles still hold.
 */
class SecurityTest {

    @TempDir
    static Path pki;
    private static GatewayHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = new GatewayHarness(pki, 1, true, true, false);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    @Verifies("SRS-OPC-014")
    void anUnknownClientCertificateIsRejectedKeptAndTrustedWithoutARestart() throws Exception {
        Object[] stranger = GatewayHarness.newIdentity();
        assertThrows(UaException.class, () -> connect(stranger));
        Path rejected = pki.resolve("rejected").resolve("certs");
        List<Path> files;
        try (Stream<Path> list = Files.list(rejected)) {
            files = list.toList();
        }
        assertEquals(1, files.size(), "the rejected certificate is kept: " + files);
        assertTrue(java.util.Arrays.equals(((java.security.cert.X509Certificate) stranger[1]).getEncoded(),
                Files.readAllBytes(files.get(0))), "the rejected client's certificate is the one kept");
        Path trusted = GatewayCertificates.trust(pki, files.get(0));
        assertTrue(Files.exists(trusted));
        assertTrue(trusted.getFileName().toString().matches("[0-9A-F]{40}\\.der"), trusted.toString());

        OpcUaClient client = connectWithin(stranger, 10_000);
        assertEquals("IDLE", new DeviceClient(harness, client, "ch01").read("State"));
        Path notACertificate = Files.writeString(pki.resolve("junk.der"), "junk");
        assertThrows(java.io.IOException.class, () -> GatewayCertificates.trust(pki, notACertificate));
    }

    @Test
    @Verifies("SRS-OPC-015")
    void theNonePolicyIsOfferedOnlyWhenInsecureAndStillEncryptsPasswords() throws Exception {
        List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(harness.gateway.endpointUrl()).get();
        EndpointDescription none = endpoints.stream()
                .filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri())).findFirst().orElseThrow();
        UserTokenPolicy username = java.util.Arrays.stream(none.getUserIdentityTokens())
                .filter(t -> t.getTokenType() == UserTokenType.UserName).findFirst().orElseThrow();
        assertEquals(SecurityPolicy.Basic256Sha256.getUri(), username.getSecurityPolicyUri(),
                "the password is encrypted even without channel security");
        assertTrue(java.util.Arrays.stream(none.getUserIdentityTokens())
                .noneMatch(t -> t.getTokenType() == UserTokenType.Certificate), "no X.509 user tokens");
    }

    @Test
    @Verifies({"SRS-OPC-015", "SRS-OPC-011", "SRS-OPC-012"})
    void overNoneRolesStillHoldAndAnonymousIsReadOnly() throws Exception {
        harness.gateway.certificates().trust(clientCertificate());
        OpcUaClient clinician = harness.client(new UsernameProvider(GatewayHarness.CLINICIAN, GatewayHarness.PASSWORD),
                SecurityPolicy.None);
        DeviceClient device = new DeviceClient(harness, clinician, "ch01");
        assertEquals(StatusCodes.Bad_InvalidState, device.call("Start").getStatusCode().value(),
                "a clinician's Start reaches the kernel");
        assertEquals(StatusCodes.Bad_UserAccessDenied, device.call("AcknowledgeFault").getStatusCode().value());

        OpcUaClient anonymous = harness.client(new AnonymousProvider(), SecurityPolicy.None);
        DeviceClient reader = new DeviceClient(harness, anonymous, "ch01");
        assertEquals("IDLE", reader.read("State"));
        assertEquals(StatusCodes.Bad_UserAccessDenied, reader.arm(1.0, 0.01, 10.0).getStatusCode().value());
        assertEquals(StatusCodes.Bad_UserAccessDenied, reader.call("Stop").getStatusCode().value());
        CallRecord last = harness.calls.get(harness.calls.size() - 1);
        assertEquals("anonymous", last.user());
    }

    private static OpcUaClient connect(Object[] identity) throws UaException {
        return harness.client(new UsernameProvider(GatewayHarness.OBSERVER, GatewayHarness.PASSWORD),
                SecurityPolicy.Basic256Sha256, (java.security.KeyPair) identity[0],
                (java.security.cert.X509Certificate) identity[1]);
    }

    private static OpcUaClient connectWithin(Object[] identity, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            try {
                return connect(identity);
            } catch (UaException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static java.security.cert.X509Certificate clientCertificate() {
        return harness.clientCertificate();
    }
}
