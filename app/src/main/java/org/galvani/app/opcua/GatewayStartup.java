package org.galvani.app.opcua;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.galvani.app.config.OpcUaSettings;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.opcua.CallAuditSink;
import org.galvani.opcua.DeviceIdentity;
import org.galvani.opcua.GatewayUser;
import org.galvani.opcua.OpcUaGateway;
import org.galvani.opcua.RequestGate;
import org.galvani.opcua.UserDirectory;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and starts the OPC UA gateway of {@code galvani run} from the configuration's {@code opcua:}
 * section: its users (the file's, plus one per {@code GALVANI_<ROLE>_PASSWORD} environment variable),
 * anonymous access and the None policy only when configured, the PKI directory (default
 * {@code <data directory>/pki}), the device identity and the audit sink. Its first start creates the
 * gateway's RSA key, which takes the CPU for a moment: start it before the runtime's control loop.
 */
@Implements("SRS-APP-064")
public final class GatewayStartup {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayStartup.class);

    private GatewayStartup() {
    }

    /** The users: the configured ones, then the environment's quick-start ones; a name used twice is an error. */
    public static UserDirectory users(OpcUaSettings settings, Map<String, String> environment) {
        UserDirectory users = UserDirectory.empty();
        for (GatewayUser user : settings.users()) {
            users = users.with(user);
        }
        return users.withEnvironment(environment).allowingAnonymous(settings.anonymous());
    }

    /** The PKI directory: the configured one, else {@code <dataDir>/pki}. */
    public static Path pkiDir(OpcUaSettings settings, Path dataDir) {
        return settings.pkiDir() != null ? Path.of(settings.pkiDir()) : dataDir.resolve("pki");
    }

    /**
     * Builds and starts the gateway over {@code runtime}'s channels, its requests through {@code gate}.
     * Throws naming the address when it cannot bind, or what is wrong with the settings.
     */
    public static OpcUaGateway start(OpcUaSettings settings, KernelRuntime runtime, Path dataDir, CallAuditSink audit,
                                     Map<String, String> environment, RequestGate gate) throws Exception {
        UserDirectory users = users(settings, environment);
        if (users.users().isEmpty()) {
            LOG.warn("OPC UA gateway: no users configured{}; set opcua.users in the configuration or"
                    + " GALVANI_CLINICIAN_PASSWORD for a quick start", users.anonymousAllowed()
                    ? " (anonymous sessions may read)" : ": every session is refused");
        }
        OpcUaGateway.Builder builder = OpcUaGateway.builder()
                .runtime(runtime)
                .users(users)
                .endpoint(settings.host(), settings.port())
                .insecure(settings.insecure())
                .pkiDir(pkiDir(settings, dataDir))
                .auditSink(audit)
                .requestGate(gate);
        for (Channel channel : runtime.channels()) {
            builder.identity(channel.id(), new DeviceIdentity(
                    settings.manufacturer() == null ? "Galvani" : settings.manufacturer(),
                    settings.model() == null ? "Galvani channel" : settings.model(),
                    settings.serialNumber() == null ? channel.id() : settings.serialNumber(),
                    softwareRevision()));
        }
        OpcUaGateway gateway = builder.build();
        try {
            gateway.start();
        } catch (Exception e) {
            // Milo's threads and the PKI directory are released even when the port could not be bound.
            gateway.close();
            throw e;
        }
        return gateway;
    }

    private static String softwareRevision() {
        String version = GatewayStartup.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /** What the operator is told: the endpoint, its security policies, and who may log in. */
    public static List<String> describe(OpcUaGateway gateway, OpcUaSettings settings, UserDirectory users) {
        List<String> lines = new ArrayList<>();
        lines.add("OPC UA gateway: " + gateway.endpointUrl());
        lines.add("  security: " + OpcUaGateway.DEFAULT_POLICIES.stream().map(Enum::name).sorted()
                .collect(Collectors.joining(", ")) + " (SignAndEncrypt)"
                + (settings.insecure() ? "; None (INSECURE: --insecure / opcua.insecure)" : ""));
        lines.add("  users: " + (users.users().isEmpty() ? "none" : users.users().stream()
                .map(u -> u.name() + " (" + u.role().configName() + ")").sorted().collect(Collectors.joining(", ")))
                + (users.anonymousAllowed() ? "; anonymous sessions read-only" : "; anonymous sessions refused"));
        lines.add("  client certificates: unknown ones are rejected; trust one with: galvani trust FILE (galvani trust"
                + " --list shows them)");
        return lines;
    }
}
