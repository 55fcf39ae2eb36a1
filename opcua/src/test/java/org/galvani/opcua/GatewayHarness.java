package org.galvani.opcua;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.testing.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runtime with simulated channels in real time, a gateway over it on a free port of 127.0.0.1, three
 * users (one per role), and Milo clients over SignAndEncrypt. One per test class: startup costs seconds.
 */
final class GatewayHarness implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayHarness.class);

    static final String OBSERVER = "olga";
    static final String CLINICIAN = "clara";
    static final String SERVICE = "sam";
    static final String PASSWORD = "correct horse battery staple";
    static final String CLIENT_URI = "urn:galvani:test-client";

    final KernelRuntime runtime;
    final List<DetachableStage> stages = new ArrayList<>();
    final List<CallRecord> calls = new CopyOnWriteArrayList<>();
    final List<ChannelEvent> kernelEvents = new CopyOnWriteArrayList<>();
    final OpcUaGateway gateway;
    private final KeyPair clientKeys;
    private final X509Certificate clientCertificate;
    private final List<OpcUaClient> clients = new CopyOnWriteArrayList<>();

    GatewayHarness(Path pkiDir, int devices, boolean anonymous) throws Exception {
        this(pkiDir, devices, anonymous, false, true);
    }

    /**
     * @param anonymous   allow anonymous (read-only) sessions
     * @param insecure    offer the None policy too
     * @param trustClient trust the test client's certificate up front
     */
    GatewayHarness(Path pkiDir, int devices, boolean anonymous, boolean insecure, boolean trustClient)
            throws Exception {
        this(pkiDir, devices, anonymous, insecure, trustClient, RequestGate.direct());
    }

    /** As above, with requests through {@code gate}. */
    GatewayHarness(Path pkiDir, int devices, boolean anonymous, boolean insecure, boolean trustClient,
                   RequestGate gate) throws Exception {
        KernelRuntime.Builder builder = KernelRuntime.builder()
                .sink(event -> LOG.info("{}: {} (origin {})", event.channelId(), event.describe(), event.origin()))
                .sink(kernelEvents::add);
        for (int i = 1; i <= devices; i++) {
            DetachableStage stage = new DetachableStage();
            stages.add(stage);
            builder.channel(deviceId(i), profile(), stage);
        }
        runtime = builder.build();
        runtime.start();
        UserDirectory users = UserDirectory.empty()
                .with(OBSERVER, Role.OBSERVER, PASSWORD)
                .with(CLINICIAN, Role.CLINICIAN, PASSWORD)
                .with(SERVICE, Role.SERVICE, PASSWORD)
                .allowingAnonymous(anonymous);
        gateway = OpcUaGateway.builder()
                .runtime(runtime)
                .users(users)
                .endpoint("127.0.0.1", freePort())
                .pkiDir(pkiDir)
                .rampMillis(100)
                .insecure(insecure)
                .auditSink(calls::add)
                .requestGate(gate)
                .identity(deviceId(1), new DeviceIdentity("Acme Medical", "IontoPatch 3", "SN-0001", "1.2.3"))
                .build();
        gateway.start();
        Object[] identity = newIdentity();
        clientKeys = (KeyPair) identity[0];
        clientCertificate = (X509Certificate) identity[1];
        if (trustClient) {
            gateway.certificates().trust(clientCertificate);
        }
    }

    X509Certificate clientCertificate() {
        return clientCertificate;
    }

    static String deviceId(int i) {
        return String.format("ch%02d", i);
    }

    /**
     * Treatments of seconds: 100 ms ramps, small doses. The watchdog limits are relaxed to 2 s: these tests
     * check the gateway on a shared, busy machine, not the control loop's timing. The kernel keeps a
     * tick-gap's worth of dose in reserve before the end (2 s at the target current), so test doses are
     * at least 0.06 mA·min.
     */
    static DeviceProfile profile() {
        return Profiles.quickDrugDelivery("opcua-test", 60_000_000L)
                .tickGapLimitMicros(2_000_000)
                .measurementMaxAgeMicros(2_000_000)
                .build();
    }

    /** A connected client of {@code user} over Basic256Sha256 / SignAndEncrypt. */
    OpcUaClient client(String user) throws UaException {
        return client(new UsernameProvider(user, PASSWORD), SecurityPolicy.Basic256Sha256);
    }

    OpcUaClient client(IdentityProvider identity, SecurityPolicy policy) throws UaException {
        return client(identity, policy, clientKeys, clientCertificate);
    }

    /** A fresh key pair and self-signed certificate for the test client's application URI. */
    static Object[] newIdentity() throws Exception {
        KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keys).setCommonName("galvani test client")
                .setApplicationUri(CLIENT_URI).addIpAddress("127.0.0.1").build();
        return new Object[] {keys, certificate};
    }

    OpcUaClient client(IdentityProvider identity, SecurityPolicy policy, KeyPair keys, X509Certificate certificate)
            throws UaException {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        trust.addTrustedCertificate(gateway.certificates().certificate());
        OpcUaClient client = OpcUaClient.create(gateway.endpointUrl(),
                endpoints -> endpoints.stream()
                        .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()))
                        .filter(e -> policy == SecurityPolicy.None || e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                        .findFirst(),
                transport -> { },
                config -> config.setApplicationName(LocalizedText.english("galvani test client"))
                        .setApplicationUri(CLIENT_URI)
                        .setKeyPair(keys)
                        .setCertificate(certificate)
                        .setCertificateChain(new X509Certificate[] {certificate})
                        .setCertificateValidator(new DefaultClientCertificateValidator(trust,
                                new MemoryCertificateQuarantine()))
                        .setRequestTimeout(UInteger.valueOf(10_000))
                        .setIdentityProvider(identity));
        client.connect();
        clients.add(client);
        return client;
    }

    OpcUaClient anonymousClient() throws UaException {
        return client(new AnonymousProvider(), SecurityPolicy.Basic256Sha256);
    }

    NodeId node(OpcUaClient client, String path) throws UaException {
        int index = client.getNamespaceTable().getIndex(GalvaniNamespace.URI).intValue();
        return new NodeId(index, path);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (OpcUaClient client : clients) {
            try {
                client.disconnect();
            } catch (UaException | RuntimeException e) {
                // The server may already have dropped it.
            }
        }
        gateway.close();
        runtime.close();
    }
}
