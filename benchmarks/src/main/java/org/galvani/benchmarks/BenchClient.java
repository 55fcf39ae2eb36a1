package org.galvani.benchmarks;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * The gateway benchmarks' client: a clinician over Basic256Sha256 / SignAndEncrypt that trusts exactly the
 * gateway's certificate, and its subscription to every variable of every device. Used in the benchmark's
 * JVM and in the separate client process ({@link GatewayClientsMain}) alike.
 */
final class BenchClient {

    static final String USER = "bench";
    static final String PASSWORD = "bench-password";
    static final String CLIENT_URI = "urn:galvani:benchmark-client";
    static final String[] VARIABLES = {"State", "Setpoint", "OutputCurrent", "Impedance", "DeliveredDose",
        "PrescribedDose", "ContactOk", "Fault", "TreatmentId", "DeviceHealth"};

    private BenchClient() {
    }

    /** A connected client of {@link #USER}. */
    static OpcUaClient connect(String endpointUrl, X509Certificate gatewayCertificate, KeyPair keys,
                               X509Certificate certificate) throws UaException {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        trust.addTrustedCertificate(gatewayCertificate);
        OpcUaClient client = OpcUaClient.create(endpointUrl,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.Basic256Sha256.getUri().equals(e.getSecurityPolicyUri())
                                && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                        .findFirst(),
                transport -> { },
                config -> config.setApplicationName(LocalizedText.english("galvani benchmark client"))
                        .setApplicationUri(CLIENT_URI)
                        .setKeyPair(keys)
                        .setCertificate(certificate)
                        .setCertificateChain(new X509Certificate[] {certificate})
                        .setCertificateValidator(new DefaultClientCertificateValidator(trust,
                                new MemoryCertificateQuarantine()))
                        .setRequestTimeout(UInteger.valueOf(30_000))
                        .setIdentityProvider(new UsernameProvider(USER, PASSWORD)));
        client.connect();
        return client;
    }

    /** Subscribes {@code client} to every variable of devices 0 to {@code devices}-1, counting notifications. */
    static OpcUaSubscription subscribeEverything(OpcUaClient client, int devices, double intervalMillis,
                                                 LongAdder notifications) throws UaException {
        OpcUaSubscription subscription = new OpcUaSubscription(client, intervalMillis);
        subscription.create();
        int namespace = client.getNamespaceTable().getIndex("urn:galvani:device").intValue();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            for (String variable : VARIABLES) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(namespace,
                        "Devices/" + GatewayBench.deviceId(d) + "/" + variable));
                item.setSamplingInterval(intervalMillis);
                item.setDataValueListener((monitored, value) -> notifications.increment());
                items.add(item);
            }
        }
        subscription.addMonitoredItems(items);
        subscription.synchronizeMonitoredItems();
        return subscription;
    }
}
