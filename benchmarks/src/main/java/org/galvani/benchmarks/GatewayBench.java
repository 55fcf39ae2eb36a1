package org.galvani.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.opcua.OpcUaGateway;
import org.galvani.opcua.Role;
import org.galvani.opcua.UserDirectory;

/**
 * The gateway benchmarks' set-up: {@code devices} {@code sim} channels in one runtime at 1 kHz (the
 * drug-delivery patch profile as shipped, 10 ms tick-gap limit), the gateway on 127.0.0.1 over a fresh PKI
 * directory, and Milo clients of a clinician over Basic256Sha256 / SignAndEncrypt.
 */
final class GatewayBench implements AutoCloseable {

    static final String USER = BenchClient.USER;

    final KernelRuntime runtime;
    final OpcUaGateway gateway;
    private final Path pki;
    private final KeyPair clientKeys;
    private final X509Certificate clientCertificate;
    private final List<OpcUaClient> clients = new ArrayList<>();

    /**
     * @param tickGapMillis the profile's tick-gap limit: 10 ms as shipped; a larger one keeps a loaded
     *                      machine's late ticks from latching faults, so that treatments keep delivering
     */
    GatewayBench(int devices, int treatmentSeconds, int tickGapMillis) throws Exception {
        KernelRuntime.Builder builder = KernelRuntime.builder();
        for (int i = 0; i < devices; i++) {
            // A little measurement noise, so that the output current changes between samples as a real one does.
            builder.channel(deviceId(i), RuntimeJitterBenchmark.profileFor(treatmentSeconds).toBuilder()
                            .tickGapLimitMicros(tickGapMillis * 1_000).build(),
                    new SimulatedOutputStage(SimulatorConfig.patchDefaults().withNoise(3, i)));
        }
        runtime = builder.build();
        pki = Files.createTempDirectory("galvani-bench-pki");
        gateway = OpcUaGateway.builder().runtime(runtime)
                .users(UserDirectory.empty().with(USER, Role.CLINICIAN, BenchClient.PASSWORD))
                .endpoint("127.0.0.1", freePort()).pkiDir(pki).build();
        gateway.start();
        clientKeys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        clientCertificate = new SelfSignedCertificateBuilder(clientKeys).setCommonName("galvani benchmark client")
                .setApplicationUri(BenchClient.CLIENT_URI).addIpAddress("127.0.0.1").build();
        gateway.certificates().trust(clientCertificate);
        // Last: the key generation above must not stall the first ticks (a tick gap latches a fault).
        runtime.start();
    }

    static String deviceId(int i) {
        return String.format("ch%02d", i + 1);
    }

    /**
     * Arms and starts a treatment on every channel through the request API (start retried until contact).
     * A channel whose kernel latched a fault on the way (a late tick) is left so: that is a result.
     */
    void startTreatments(int treatmentSeconds) throws Exception {
        for (Channel channel : runtime.channels()) {
            RequestOutcome armed = channel.arm(RuntimeJitterBenchmark.prescription("bench-" + channel.id() + "-"
                    + System.nanoTime(), treatmentSeconds), USER).get(5, TimeUnit.SECONDS);
            if (!armed.accepted() && channel.snapshot().state() != KernelState.FAULT) {
                throw new IllegalStateException(channel.id() + ": arm " + armed.describe() + " (state "
                        + channel.snapshot().state() + ", fault " + channel.snapshot().faultReason() + "; loop timing "
                        + runtime.jitter().describe() + ")");
            }
        }
        for (Channel channel : runtime.channels()) {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            if (channel.snapshot().state() != KernelState.ARMED) {
                continue;
            }
            RequestOutcome started;
            do {
                started = channel.start(USER).get(5, TimeUnit.SECONDS);
                if (!started.accepted()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            } while (!started.accepted() && started.reason() == Reason.CONTACT_NOT_CONFIRMED
                    && System.nanoTime() < giveUp);
            if (!started.accepted() && channel.snapshot().state() != KernelState.FAULT) {
                throw new IllegalStateException(channel.id() + ": start " + started.describe());
            }
        }
    }

    /** A connected clinician client over Basic256Sha256 / SignAndEncrypt, in this JVM. */
    OpcUaClient client() throws UaException {
        OpcUaClient client = BenchClient.connect(gateway.endpointUrl(), gateway.certificates().certificate(), clientKeys,
                clientCertificate);
        clients.add(client);
        return client;
    }

    /**
     * Writes what a client process needs to connect as the trusted client: its key and certificate
     * (PKCS12, password {@code password}) and the gateway's certificate (DER).
     */
    void writeClientFiles(Path keyStore, char[] password, Path gatewayCertificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(GatewayClientsMain.KEY_ALIAS, clientKeys.getPrivate(), password,
                new Certificate[] {clientCertificate});
        try (OutputStream out = Files.newOutputStream(keyStore)) {
            store.store(out, password);
        }
        Files.write(gatewayCertificate, gateway.certificates().certificate().getEncoded());
    }

    /** The fresh PKI directory, where a client process's files may go too (deleted on close). */
    Path workDir() {
        return pki;
    }

    @Override
    public void close() throws IOException {
        for (OpcUaClient client : clients) {
            try {
                client.disconnect();
            } catch (UaException | RuntimeException e) {
                // Closing anyway.
            }
        }
        for (Channel channel : runtime.channels()) {
            channel.stop(USER);
        }
        gateway.close();
        runtime.close();
        try (Stream<Path> files = Files.walk(pki)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
