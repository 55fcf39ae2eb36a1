package org.galvani.opcua;

import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.util.HostnameUtil;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC UA gateway: serves a runtime's channels over OPC UA (Eclipse Milo). To the kernel it is an
 * untrusted user interface: every method call becomes a request the kernel may refuse.
 *
 * <pre>{@code
 * OpcUaGateway gateway = OpcUaGateway.builder()
 *         .runtime(runtime).users(users).endpoint("0.0.0.0", 4840).pkiDir(Path.of("pki"))
 *         .auditSink(ledger::recordCall).build();
 * gateway.start();   // opc.tcp://<host>:4840/galvani
 * ...
 * gateway.close();
 * }</pre>
 */
@Implements({"SRS-OPC-001", "SRS-OPC-013", "SRS-OPC-015", "SRS-OPC-032"})
public final class OpcUaGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaGateway.class);

    public static final int DEFAULT_PORT = 4840;
    public static final String PATH = "/galvani";
    /** The secure policies offered by default, each with SignAndEncrypt. */
    public static final Set<SecurityPolicy> DEFAULT_POLICIES = Set.of(SecurityPolicy.Basic256Sha256,
            SecurityPolicy.Aes256_Sha256_RsaPss);

    static {
        // Aes256_Sha256_RsaPss needs Bouncy Castle's RSA-PSS.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final Builder config;
    private final GatewayCertificates certificates;
    private final ExecutorService serviceExecutor;
    private final OpcUaServer server;
    private final GalvaniNamespace namespace;
    private final DeviceEvents events;
    private boolean started;
    private boolean closed;

    private OpcUaGateway(Builder b) throws Exception {
        this.config = b;
        Set<String> hostnames = hostnames(b.host);
        this.certificates = GatewayCertificates.open(b.pkiDir, hostnames);
        this.serviceExecutor = serviceExecutor();
        this.server = new OpcUaServer(serverConfig(b, hostnames), profile -> new OpcTcpServerTransport(
                OpcTcpServerTransportConfig.newBuilder().build()));
        this.namespace = new GalvaniNamespace(server);
        server.addServiceSet(PATH, new WriteGuard(server, namespace.getNamespaceIndex()));
        this.events = new DeviceEvents(server, namespace);
        GatewaySettings settings = new GatewaySettings(b.rampMillis, b.decisionTimeoutMillis, b.audit, b.gate);
        namespace.addDevices(b.runtime.channels(), b.identities, settings, events);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts serving and subscribes the events sink to every channel. Throws {@link IllegalStateException}
     * naming the address when no endpoint could be bound.
     */
    public synchronized void start() throws Exception {
        if (started || closed) {
            throw new IllegalStateException("gateway already started or closed");
        }
        namespace.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        started = true;
        if (server.getBoundEndpoints().isEmpty()) {
            close();
            throw new IllegalStateException("OPC UA gateway: could not bind " + config.host + ":" + config.port
                    + " (in use, or not an address of this machine)");
        }
        for (Channel channel : config.runtime.channels()) {
            channel.addSink(events);
        }
        LOG.info("OPC UA gateway serving {} device(s) at {} ({}{})", config.runtime.channels().size(), endpointUrl(),
                config.policies, config.insecure ? " + None: INSECURE" : "");
    }

    /** The endpoint URL clients connect to. */
    public String endpointUrl() {
        return "opc.tcp://" + advertisedHost(config.host) + ":" + port() + PATH;
    }

    /** The port bound (the configured one; tests pass a free one). */
    public int port() {
        return config.port;
    }

    /** The gateway's own certificate, for clients that pin it. */
    public GatewayCertificates certificates() {
        return certificates;
    }

    /** The Milo server, for in-process tests of requests that arrive without a session. */
    OpcUaServer server() {
        return server;
    }

    /** Stops serving: namespace, server, Milo's shared resources, then the PKI directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        events.close();
        try {
            namespace.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("OPC UA gateway did not shut down cleanly", e);
        } finally {
            serviceExecutor.shutdownNow();
            Stack.releaseSharedResources();
            certificates.close();
        }
        LOG.info("OPC UA gateway stopped");
    }

    private OpcUaServerConfig serverConfig(Builder b, Set<String> hostnames) {
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        for (String hostname : hostnames) {
            EndpointConfig.Builder base = EndpointConfig.newBuilder()
                    .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .setBindAddress(b.host)
                    .setBindPort(b.port)
                    .setHostname(hostname)
                    .setPath(PATH)
                    .setCertificate(certificates.certificate());
            for (SecurityPolicy policy : b.policies) {
                EndpointConfig.Builder secure = base.copy()
                        .setSecurityPolicy(policy)
                        .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                        .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
                if (b.users.anonymousAllowed()) {
                    secure.addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
                }
                endpoints.add(secure.build());
            }
            EndpointConfig.Builder none = base.copy()
                    .setSecurityPolicy(SecurityPolicy.None)
                    .setSecurityMode(MessageSecurityMode.None);
            if (b.insecure) {
                // Even without channel security the password is encrypted with the server's key.
                none.addTokenPolicy(ENCRYPTED_USERNAME);
                if (b.users.anonymousAllowed()) {
                    none.addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
                }
                endpoints.add(none.build());
            } else {
                // Discovery only (GetEndpoints, FindServers): the only thing None is good for by default.
                endpoints.add(none.setPath(PATH + "/discovery").build());
            }
        }
        IdentityValidator identities = new GatewayIdentityValidator(b.users);
        if (b.users.anonymousAllowed()) {
            identities = new CompositeValidator(AnonymousIdentityValidator.INSTANCE, identities);
        }
        return OpcUaServerConfig.builder()
                .setApplicationUri(GatewayCertificates.APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Galvani OPC UA gateway"))
                .setProductUri("urn:galvani")
                .setBuildInfo(new BuildInfo("urn:galvani", "Galvani", "Galvani OPC UA gateway",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setEndpoints(endpoints)
                .setCertificateManager(certificates.manager())
                .setIdentityValidator(identities)
                .setExecutor(serviceExecutor)
                .build();
    }

    /** A user-name token whose password is encrypted with Basic256Sha256 whatever the channel's policy. */
    private static final UserTokenPolicy ENCRYPTED_USERNAME = new UserTokenPolicy("username-basic256sha256",
            UserTokenType.UserName, null, null, SecurityPolicy.Basic256Sha256.getUri());

    /**
     * The service threads: Milo 1.1 answers a Call synchronously, so the bounded wait for the kernel's
     * decision happens here, on the gateway's own threads, not on Milo's shared pool.
     */
    private static ExecutorService serviceExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "galvani-opcua-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static Set<String> hostnames(String host) {
        Set<String> names = new LinkedHashSet<>();
        if ("0.0.0.0".equals(host)) {
            names.add(HostnameUtil.getHostname());
            names.addAll(HostnameUtil.getHostnames(host, false));
        } else {
            names.add(host);
        }
        return names;
    }

    private static String advertisedHost(String host) {
        return "0.0.0.0".equals(host) ? HostnameUtil.getHostname() : host;
    }

    /** Collects the gateway's configuration; {@link #build()} checks it. */
    public static final class Builder {
        private KernelRuntime runtime;
        private UserDirectory users = UserDirectory.empty();
        private String host = "0.0.0.0";
        private int port = DEFAULT_PORT;
        private Set<SecurityPolicy> policies = DEFAULT_POLICIES;
        private boolean insecure;
        private Path pkiDir = Path.of("pki");
        private CallAuditSink audit = call -> { };
        private RequestGate gate = RequestGate.direct();
        private final Map<String, DeviceIdentity> identities = new LinkedHashMap<>();
        private int rampMillis = 30_000;
        private long decisionTimeoutMillis = 2_000;

        private Builder() {
        }

        /** The runtime whose channels are served (required; it must run in real time). */
        public Builder runtime(KernelRuntime runtime) {
            this.runtime = runtime;
            return this;
        }

        public Builder users(UserDirectory users) {
            this.users = users;
            return this;
        }

        /** The address to bind ("0.0.0.0" for all) and the port (default 4840). */
        public Builder endpoint(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        /** The secure policies offered, each with SignAndEncrypt (default Basic256Sha256, Aes256_Sha256_RsaPss). */
        public Builder securityPolicies(Set<SecurityPolicy> policies) {
            this.policies = policies;
            return this;
        }

        /** Also offers the None policy (passwords still travel encrypted; roles still hold). */
        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        /** The PKI directory: own certificate, trusted and rejected client certificates (default ./pki). */
        public Builder pkiDir(Path pkiDir) {
            this.pkiDir = pkiDir;
            return this;
        }

        /** Where every method call is recorded (default: the log only). */
        public Builder auditSink(CallAuditSink audit) {
            this.audit = audit;
            return this;
        }

        /**
         * Where calls that pass the gateway's checks become kernel requests (default: straight to the
         * channel): an application with other request sources routes them all through one place.
         */
        public Builder requestGate(RequestGate gate) {
            this.gate = gate;
            return this;
        }

        /** The DI identification of one device (default: Galvani, the channel ID as serial number). */
        public Builder identity(String channelId, DeviceIdentity identity) {
            identities.put(channelId, identity);
            return this;
        }

        /** The ramp of treatments armed over OPC UA (default 30 s; the kernel enforces the profile's minimum). */
        public Builder rampMillis(int rampMillis) {
            this.rampMillis = rampMillis;
            return this;
        }

        /** How long a method call waits for the kernel's decision (default 2 s). */
        public Builder decisionTimeoutMillis(long decisionTimeoutMillis) {
            this.decisionTimeoutMillis = decisionTimeoutMillis;
            return this;
        }

        /** Builds the gateway (creating the PKI directory and certificate on first use); call start(). */
        public OpcUaGateway build() throws Exception {
            List<String> problems = new ArrayList<>();
            if (runtime == null) {
                problems.add("runtime is required");
            }
            if (users == null || pkiDir == null || audit == null || gate == null || host == null || host.isBlank()) {
                problems.add("users, pkiDir, auditSink, requestGate and host must not be null");
            }
            if (port < 1 || port > 65_535) {
                problems.add("port must be 1 to 65535, was " + port);
            }
            if (policies == null || policies.isEmpty() || policies.contains(SecurityPolicy.None)) {
                problems.add("securityPolicies must name at least one secure policy (None only through insecure(true))");
            }
            if (rampMillis < 1 || decisionTimeoutMillis < 1) {
                problems.add("rampMillis and decisionTimeoutMillis must be positive");
            }
            if (runtime != null) {
                for (String id : identities.keySet()) {
                    runtime.channel(id);
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("OPC UA gateway: " + String.join("; ", problems));
            }
            policies = EnumSet.copyOf(policies);
            return new OpcUaGateway(this);
        }
    }
}
