package org.galvani.app.config;

import java.util.List;
import java.util.Objects;
import org.galvani.opcua.GatewayUser;
import org.galvani.opcua.OpcUaGateway;

/**
 * The OPC UA gateway's settings from the configuration file's {@code opcua:} section (format in
 * {@code docs/CONFIGURATION.md}). Immutable; already checked when it exists.
 *
 * @param host         the address the gateway binds to and names in its endpoint URL
 * @param port         the TCP port, 1 to 65535
 * @param insecure     whether the None security policy is offered too (never by default)
 * @param anonymous    whether anonymous sessions are allowed (read-only)
 * @param pkiDir       the gateway's PKI directory, or null for {@code <data directory>/pki}
 * @param users        the configured users, with their stored password hashes
 * @param manufacturer the device identity's manufacturer, or null for Galvani's default
 * @param model        the device identity's model, or null for the default
 * @param serialNumber the device identity's serial number, or null for the channel ID
 */
public record OpcUaSettings(String host, int port, boolean insecure, boolean anonymous, String pkiDir,
                            List<GatewayUser> users, String manufacturer, String model, String serialNumber) {

    /** The address a gateway binds to when the file names none: every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";

    public OpcUaSettings {
        Objects.requireNonNull(host, "host");
        users = List.copyOf(users);
    }

    /**
     * These settings with the command line's overrides: {@code host} and {@code port} when not null, and
     * the None policy when {@code insecure} (an option can switch it on, never off).
     */
    public OpcUaSettings overriddenBy(String host, Integer port, boolean insecure) {
        return new OpcUaSettings(host == null ? this.host : host, port == null ? this.port : port,
                this.insecure || insecure, anonymous, pkiDir, users, manufacturer, model, serialNumber);
    }

    /** These settings with another PKI directory. */
    public OpcUaSettings withPkiDir(String pkiDir) {
        return new OpcUaSettings(host, port, insecure, anonymous, pkiDir, users, manufacturer, model, serialNumber);
    }

    /** The settings when the file has no {@code opcua:} section. */
    public static OpcUaSettings defaults() {
        return new OpcUaSettings(DEFAULT_HOST, OpcUaGateway.DEFAULT_PORT, false, false, null, List.of(), null, null,
                null);
    }
}
