package org.galvani.app.opcua;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.galvani.opcua.OpcUaGateway;

/**
 * A Milo client of a device's gateway for the app's tests: its own certificate (trusted by the gateway
 * first), Basic256Sha256 with SignAndEncrypt, a user name and password; one method call or read per
 * connection.
 */
public final class GatewayTestClient implements AutoCloseable {

    private static final String NAMESPACE = "urn:galvani:device";
    private static final String APPLICATION_URI = "urn:galvani:app-test-client";

    private final OpcUaClient client;
    private final int namespace;

    private GatewayTestClient(OpcUaClient client) throws Exception {
        this.client = client;
        this.namespace = client.getNamespaceTable().getIndex(NAMESPACE).intValue();
    }

    /** Connects to {@code gateway} as {@code user}, trusting a fresh client certificate first. */
    public static GatewayTestClient connect(OpcUaGateway gateway, String user, String password) throws Exception {
        Identity identity = Identity.create();
        gateway.certificates().trust(identity.certificate());
        return connect(gateway.endpointUrl(), gateway.certificates().certificate(), identity, user, password);
    }

    /**
     * Connects to the gateway at {@code endpointUrl} (a device in another process) as {@code user} with
     * {@code identity}, which that gateway must trust already, accepting only {@code serverCertificate}.
     */
    public static GatewayTestClient connect(String endpointUrl, X509Certificate serverCertificate, Identity identity,
                                            String user, String password) throws Exception {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        trust.addTrustedCertificate(serverCertificate);
        OpcUaClient client = OpcUaClient.create(endpointUrl,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.Basic256Sha256.getUri().equals(e.getSecurityPolicyUri()))
                        .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                        .findFirst(),
                transport -> { },
                config -> config.setApplicationName(LocalizedText.english("galvani app test client"))
                        .setApplicationUri(APPLICATION_URI)
                        .setKeyPair(identity.keys())
                        .setCertificate(identity.certificate())
                        .setCertificateChain(new X509Certificate[] {identity.certificate()})
                        .setCertificateValidator(new DefaultClientCertificateValidator(trust,
                                new MemoryCertificateQuarantine()))
                        .setRequestTimeout(UInteger.valueOf(10_000))
                        .setIdentityProvider(new UsernameProvider(user, password)));
        try {
            client.connect();
        } catch (Exception e) {
            // A refused session leaves its secure channel open otherwise.
            try {
                client.disconnect();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new GatewayTestClient(client);
    }

    /** The test client's application instance: its key pair and self-signed certificate (127.0.0.1). */
    public record Identity(KeyPair keys, X509Certificate certificate) {

        /** A fresh RSA key and certificate. */
        public static Identity create() throws Exception {
            KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate certificate = new SelfSignedCertificateBuilder(keys).setCommonName("galvani app test client")
                    .setApplicationUri(APPLICATION_URI).addIpAddress("127.0.0.1").build();
            return new Identity(keys, certificate);
        }
    }

    /** Calls {@code method} on device {@code device}. */
    public CallMethodResult call(String device, String method, Variant... inputs) throws Exception {
        return client.call(List.of(new CallMethodRequest(new NodeId(namespace, "Devices/" + device),
                new NodeId(namespace, "Devices/" + device + "/" + method), inputs))).getResults()[0];
    }

    /** Arms dexamethasone at {@code milliamps} for 0.06 mA·min over 10 cm². */
    public CallMethodResult arm(String device, double milliamps) throws Exception {
        return call(device, "Arm", new Variant("dexamethasone-sodium-phosphate"), new Variant(milliamps),
                new Variant(0.06), new Variant(10.0));
    }

    /** The value of {@code Devices/<device>/<variable>}. */
    public Object read(String device, String variable) throws Exception {
        return client.readValue(0, TimestampsToReturn.Neither, new NodeId(namespace, "Devices/" + device + "/" + variable))
                .getValue().getValue();
    }

    /** The Outcome output argument ("accepted" or "refused: ..."). */
    public static String outcome(CallMethodResult result) {
        Variant[] outputs = result.getOutputArguments();
        return outputs == null || outputs.length == 0 ? null : (String) outputs[0].getValue();
    }

    /** A port free on 127.0.0.1 a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        client.disconnect();
    }
}
