package org.galvani.app.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.galvani.app.yaml.YamlInput;
import org.galvani.opcua.GatewayUser;
import org.galvani.opcua.OpcUaGateway;
import org.galvani.opcua.PasswordHash;
import org.galvani.opcua.Role;
import org.galvani.trace.Implements;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the configuration file's {@code opcua:} section into {@link OpcUaSettings}; every error names
 * the file, line and column. A user's password is only ever a stored hash: a value that is not one is
 * refused without being repeated in the message (it may be a password typed by mistake).
 */
@Implements("SRS-APP-060")
final class OpcUaSettingsReader {

    private static final Set<String> KEYS = Set.of("host", "port", "insecure", "anonymous", "pkiDir", "users", "device");
    private static final Set<String> USER_KEYS = Set.of("name", "role", "passwordHash");
    private static final Set<String> DEVICE_KEYS = Set.of("manufacturer", "model", "serialNumber");
    private static final String HASH_PREFIX = "pbkdf2-sha256$";

    private OpcUaSettingsReader() {
    }

    static OpcUaSettings read(YamlInput in, Node node) {
        Map<String, NodeTuple> opcua = in.mapping(node, "opcua", KEYS);
        String host = nonBlank(in, opcua, "host", "opcua.host");
        int port = OpcUaGateway.DEFAULT_PORT;
        if (opcua.containsKey("port")) {
            long value = in.integer(opcua, "port");
            if (value < 1 || value > 65_535) {
                throw in.error(opcua.get("port").getValueNode(), "opcua.port must be 1 to 65535, was " + value);
            }
            port = (int) value;
        }
        String pkiDir = nonBlank(in, opcua, "pkiDir", "opcua.pkiDir");
        if (pkiDir != null) {
            try {
                Path.of(pkiDir);
            } catch (InvalidPathException e) {
                throw in.error(opcua.get("pkiDir").getValueNode(), "opcua.pkiDir is not a valid path: " + e.getReason());
            }
        }
        Map<String, NodeTuple> device = opcua.containsKey("device")
                ? in.mapping(opcua.get("device").getValueNode(), "opcua.device", DEVICE_KEYS) : Map.of();
        return new OpcUaSettings(host == null ? OpcUaSettings.DEFAULT_HOST : host, port,
                Boolean.TRUE.equals(in.flag(opcua, "insecure")), Boolean.TRUE.equals(in.flag(opcua, "anonymous")),
                pkiDir, users(in, opcua), nonBlank(in, device, "manufacturer", "opcua.device.manufacturer"),
                nonBlank(in, device, "model", "opcua.device.model"),
                nonBlank(in, device, "serialNumber", "opcua.device.serialNumber"));
    }

    private static List<GatewayUser> users(YamlInput in, Map<String, NodeTuple> opcua) {
        if (!opcua.containsKey("users")) {
            return List.of();
        }
        Node node = opcua.get("users").getValueNode();
        if (!(node instanceof SequenceNode list)) {
            throw in.error(node, "opcua.users must be a list of {name, role, passwordHash}, was " + in.describe(node));
        }
        List<GatewayUser> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            String what = "opcua.users[" + i + "]";
            Map<String, NodeTuple> user = in.mapping(list.getValue().get(i), what, USER_KEYS);
            for (String key : USER_KEYS) {
                if (!user.containsKey(key)) {
                    throw in.error(list.getValue().get(i), what + " needs " + key + " (keys: name, role, passwordHash)");
                }
            }
            String name = in.text(user, "name");
            Node nameNode = user.get("name").getValueNode();
            if (!names.add(name)) {
                throw in.error(nameNode, what + ": user '" + name + "' is configured twice");
            }
            Role role;
            try {
                role = Role.named(in.text(user, "role"));
            } catch (IllegalArgumentException e) {
                throw in.error(user.get("role").getValueNode(), what + ": " + e.getMessage());
            }
            PasswordHash hash = hash(in, user, what);
            try {
                users.add(new GatewayUser(name, role, hash));
            } catch (IllegalArgumentException e) {
                throw in.error(nameNode, what + ": " + e.getMessage());
            }
        }
        return users;
    }

    private static PasswordHash hash(YamlInput in, Map<String, NodeTuple> user, String what) {
        String text = in.text(user, "passwordHash");
        Node at = user.get("passwordHash").getValueNode();
        if (!text.startsWith(HASH_PREFIX)) {
            // Never echo it: it may be a plain password written by mistake.
            throw in.error(at, what + ".passwordHash is not a password hash (" + HASH_PREFIX
                    + "<iterations>$<salt>$<hash>); make one with 'galvani hash-password', never write the password");
        }
        try {
            return PasswordHash.parse(text);
        } catch (IllegalArgumentException e) {
            throw in.error(at, what + ".passwordHash: " + e.getMessage());
        }
    }

    /** The trimmed text of {@code key}, or null when absent; a blank value is an error. */
    private static String nonBlank(YamlInput in, Map<String, NodeTuple> map, String key, String what) {
        String text = in.text(map, key);
        if (text != null && text.isEmpty()) {
            throw in.error(map.get(key).getValueNode(), what + " must not be blank");
        }
        return text;
    }
}
