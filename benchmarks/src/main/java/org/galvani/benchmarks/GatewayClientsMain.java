package org.galvani.benchmarks;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;

/**
 * The gateway load benchmark's clients in a process of their own, as clinic systems are: their decoding,
 * decryption and garbage do not share the server's JVM, so the server's CPU and its control loop's timing
 * are the server's. Driven over standard input and output by {@link ClientProcess}:
 *
 * <pre>
 * args:   ENDPOINT_URL GATEWAY_CERT.der CLIENT.p12 PASSWORD CLIENTS DEVICES INTERVAL_MS
 * prints: "ready ITEMS" once every client is subscribed ("error: ..." and exit 1 if not)
 * reads:  "count" -> prints the notifications received so far; "quit" (or end of input) -> disconnects, exits 0
 * </pre>
 */
public final class GatewayClientsMain {

    static final String KEY_ALIAS = "client";

    private GatewayClientsMain() {
    }

    public static void main(String[] args) throws Exception {
        // This process's standard output is the protocol with the benchmark: nothing else may print there.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        if (args.length != 7) {
            protocol.println("error: expected ENDPOINT_URL GATEWAY_CERT CLIENT_P12 PASSWORD CLIENTS DEVICES INTERVAL_MS, got "
                    + args.length + " arguments");
            System.exit(2);
        }
        List<OpcUaClient> clients = new ArrayList<>();
        LongAdder notifications = new LongAdder();
        try {
            X509Certificate gateway = certificate(Path.of(args[1]));
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = args[3].toCharArray();
            try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
                store.load(in, password);
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate(KEY_ALIAS);
            KeyPair keys = new KeyPair(certificate.getPublicKey(), (PrivateKey) store.getKey(KEY_ALIAS, password));
            int count = Integer.parseInt(args[4]);
            int devices = Integer.parseInt(args[5]);
            double interval = Double.parseDouble(args[6]);
            for (int c = 0; c < count; c++) {
                OpcUaClient client = BenchClient.connect(args[0], gateway, keys, certificate);
                clients.add(client);
                BenchClient.subscribeEverything(client, devices, interval, notifications);
            }
            protocol.println("ready " + (long) count * devices * BenchClient.VARIABLES.length);
            protocol.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
                protocol.println(line.equals("count") ? Long.toString(notifications.sum()) : "error: unknown command " + line);
                protocol.flush();
            }
        } catch (Exception e) {
            protocol.println("error: " + e);
            protocol.flush();
            e.printStackTrace(System.err);
            System.exit(1);
        } finally {
            for (OpcUaClient client : clients) {
                try {
                    client.disconnect();
                } catch (RuntimeException | org.eclipse.milo.opcua.stack.core.UaException e) {
                    // Leaving anyway.
                }
            }
        }
        System.exit(0);
    }

    private static X509Certificate certificate(Path der) throws Exception {
        try (InputStream in = Files.newInputStream(der)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
