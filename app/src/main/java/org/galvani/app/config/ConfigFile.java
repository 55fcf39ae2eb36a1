package org.galvani.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.galvani.app.yaml.YamlInput;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.trace.Implements;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the device's configuration file ({@code galvani.yaml}, format in {@code docs/CONFIGURATION.md}):
 *
 * <pre>
 * driver: wire
 * drivers:
 *   wire: {host: 127.0.0.1, port: 7450}
 *   sim: {seed: 7}
 * ledger:
 *   dataDir: /var/lib/galvani
 * opcua:
 *   port: 4840
 *   users:
 *     - {name: dora, role: clinician, passwordHash: "pbkdf2-sha256$..."}
 * </pre>
 *
 * Every driver named under {@code drivers:} must be on the class path and its settings are checked by
 * its own provider, whether it is the chosen one or not: a file that is wrong anywhere is refused as a
 * whole, with the file, line and column, and nothing is configured.
 */
@Implements("SRS-APP-011")
public final class ConfigFile {

    /** Far larger than any configuration, small enough that a wrong file cannot exhaust memory. */
    static final int MAX_CODE_POINTS = 64 * 1024;

    private static final Set<String> TOP = Set.of("driver", "drivers", "ledger", "opcua");
    private static final Set<String> LEDGER = Set.of("dataDir");

    private ConfigFile() {
    }

    /** Reads {@code path}; errors are {@link ConfigException}s naming the file. */
    public static GalvaniConfig load(Path path, DriverRegistry drivers) {
        String text;
        try {
            if (Files.size(path) > MAX_CODE_POINTS * 4L) {
                throw new ConfigException(path + ": too large for a configuration file");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be read: " + e.getMessage());
        }
        return parse(path.toString(), text, drivers);
    }

    /** Parses {@code text} read from {@code source}. */
    public static GalvaniConfig parse(String source, String text, DriverRegistry drivers) {
        YamlInput in = new YamlInput(source, "the configuration", ConfigException::new);
        Node root = in.compose(text, MAX_CODE_POINTS);
        if (root == null) {
            throw new ConfigException(source + ": the file is empty; it needs at least 'driver: NAME' (one of "
                    + String.join(", ", drivers.providers().keySet()) + ")");
        }
        Map<String, NodeTuple> top = in.mapping(root, "the configuration", TOP);
        String driver = in.text(top, "driver");
        if (driver == null) {
            driver = GalvaniConfig.DEFAULT_DRIVER;
        }
        if (!drivers.providers().containsKey(driver)) {
            Node at = top.containsKey("driver") ? top.get("driver").getValueNode() : root;
            throw in.error(at, "driver '" + driver + "' is not on the class path; available: "
                    + String.join(", ", drivers.providers().keySet()));
        }
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        if (top.containsKey("drivers")) {
            Map<String, NodeTuple> byDriver = in.mapping(top.get("drivers").getValueNode(), "drivers",
                    drivers.providers().keySet());
            for (Map.Entry<String, NodeTuple> entry : byDriver.entrySet()) {
                DriverProvider provider = drivers.provider(entry.getKey());
                settings.put(entry.getKey(), DriverSettingsReader.read(in, entry.getValue().getValueNode(), provider,
                        "driver '" + entry.getKey() + "'", false));
            }
        }
        OpcUaSettings opcua = top.containsKey("opcua") ? OpcUaSettingsReader.read(in, top.get("opcua").getValueNode())
                : null;
        return new GalvaniConfig(source, driver, settings, ledgerDataDir(in, top), opcua);
    }

    /** The ledger's data directory: a non-blank path, or null when the file names none. */
    @Implements("SRS-APP-037")
    private static String ledgerDataDir(YamlInput in, Map<String, NodeTuple> top) {
        if (!top.containsKey("ledger")) {
            return null;
        }
        Map<String, NodeTuple> ledger = in.mapping(top.get("ledger").getValueNode(), "ledger", LEDGER);
        String dataDir = in.text(ledger, "dataDir");
        if (dataDir != null && dataDir.isEmpty()) {
            throw in.error(ledger.get("dataDir").getValueNode(), "ledger.dataDir must name a directory, was empty");
        }
        if (dataDir != null) {
            try {
                Path.of(dataDir);
            } catch (InvalidPathException e) {
                throw in.error(ledger.get("dataDir").getValueNode(), "ledger.dataDir is not a valid path: " + e.getReason());
            }
        }
        return dataDir;
    }
}
