package org.galvani.app.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.galvani.app.yaml.YamlInput;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.trace.Implements;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A driver's settings from a YAML mapping, checked by the driver's own provider (which builds a driver
 * and closes it again: providers do no I/O), so that a bad setting in a file is refused when the file is
 * read, at the setting's line and column, in the provider's words.
 */
@Implements("SRS-APP-011")
public final class DriverSettingsReader {

    private DriverSettingsReader() {
    }

    /**
     * The settings in {@code node}, a mapping of setting names to scalars.
     *
     * @param in       the file being read
     * @param node     the mapping
     * @param provider the driver whose settings they are
     * @param what     how the mapping reads in messages ("simulator", "driver 'wire'")
     * @param numeric  whether every value must be an integer (the simulator's settings all are)
     */
    public static Map<String, String> read(YamlInput in, Node node, DriverProvider provider, String what,
                                           boolean numeric) {
        Map<String, NodeTuple> entries = in.mapping(node, what, provider.settings().keySet());
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            Node value = entry.getValue().getValueNode();
            String name = what + " setting '" + entry.getKey() + "'";
            ScalarNode scalar = in.scalar(value, name, numeric ? "an integer" : "a value");
            if (numeric ? scalar.getTag() != Tag.INT : !Set.of(Tag.STR, Tag.INT, Tag.BOOL).contains(scalar.getTag())) {
                throw in.error(value, name + " must be " + (numeric ? "an integer" : "text, an integer or true/false")
                        + ", was '" + scalar.getValue() + "'");
            }
            values.put(entry.getKey(), scalar.getValue());
        }
        try {
            provider.create(DriverSettings.of(in.source(), provider.name(), values)).close();
        } catch (IllegalArgumentException e) {
            String prefix = in.source() + ": ";
            String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            Node at = node;
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                if (problem.contains("setting '" + entry.getKey() + "'")) {
                    at = entry.getValue().getValueNode();
                }
            }
            throw in.error(at, problem);
        }
        return values;
    }
}
