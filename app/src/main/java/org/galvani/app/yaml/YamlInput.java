package org.galvani.app.yaml;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML file read with SnakeYAML's node API: composed into nodes under loader limits and never
 * constructed into objects, so no type named in the file is ever instantiated; typed readers whose
 * errors name the file, line and column and what is wrong. The application's file formats (scenarios,
 * the configuration) read their files through it. Not thread-safe; one instance per file read.
 */
public final class YamlInput {

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    private final String source;
    private final String kind;
    private final Function<String, ? extends IllegalArgumentException> failure;

    /**
     * @param source  the file's name, in every message
     * @param kind    what the file is, for messages ("a scenario", "the configuration")
     * @param failure makes the exception thrown for a located message
     */
    public YamlInput(String source, String kind, Function<String, ? extends IllegalArgumentException> failure) {
        this.source = source;
        this.kind = kind;
        this.failure = failure;
    }

    public String source() {
        return source;
    }

    /** The document's root node, or null for an empty file; invalid YAML is an error with its position. */
    public Node compose(String text, int maxCodePoints) {
        try {
            return yaml(maxCodePoints).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw failure.apply(where + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException | IllegalArgumentException e) {
            // SnakeYAML throws IllegalArgumentException for some malformed input (a tag such as "!1%E"):
            // found by fuzzing (verification, ParserFuzzTest).
            throw failure.apply(source + ": not a usable YAML file: " + e.getMessage());
        }
    }

    private static Yaml yaml(int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(5);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(8);
        options.setCodePointLimit(maxCodePoints);
        return new Yaml(options);
    }

    /** A mapping's entries by key; keys must be plain text, known (unless {@code known} is null) and unique. */
    public Map<String, NodeTuple> mapping(Node node, String what, Set<String> known) {
        plain(node);
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping of keys to values, was " + describe(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            plain(keyNode);
            if (!(keyNode instanceof ScalarNode key) || key.getTag() != Tag.STR) {
                throw error(keyNode, "keys of " + what + " must be plain text, was " + describe(keyNode));
            }
            if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                throw error(keyNode, "'" + key.getValue() + "' appears twice in " + what);
            }
            plain(tuple.getValueNode());
        }
        if (known != null) {
            known(entries, known, what);
        }
        return entries;
    }

    /** Refuses a key of {@code entries} that is not in {@code known}, naming the known ones. */
    public void known(Map<String, NodeTuple> entries, Set<String> known, String what) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw error(entry.getValue().getKeyNode(), "unknown key '" + entry.getKey() + "' in " + what
                        + "; known: " + new TreeSet<>(known));
            }
        }
    }

    /** The trimmed text of {@code key}, or null when absent; an explicit null is an error. */
    public String text(Map<String, NodeTuple> map, String key) {
        if (!map.containsKey(key)) {
            return null;
        }
        ScalarNode scalar = scalar(map.get(key).getValueNode(), key, "text");
        if (scalar.getTag() == Tag.NULL) {
            throw error(scalar, key + " has no value");
        }
        return scalar.getValue().trim();
    }

    /** A finite number. */
    public double number(Map<String, NodeTuple> map, String key) {
        Node node = map.get(key).getValueNode();
        ScalarNode scalar = scalar(node, key, "a number");
        double value;
        try {
            value = (scalar.getTag() == Tag.INT || scalar.getTag() == Tag.FLOAT)
                    ? Double.parseDouble(scalar.getValue().replace("_", "")) : Double.NaN;
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            throw error(node, key + " must be a number, was '" + scalar.getValue() + "'");
        }
        return value;
    }

    /** A positive number, or null when absent. */
    public Double positive(Map<String, NodeTuple> map, String key) {
        if (!map.containsKey(key)) {
            return null;
        }
        double value = number(map, key);
        if (value <= 0) {
            throw error(map.get(key).getValueNode(), key + " must be a positive number, was " + value);
        }
        return value;
    }

    /** Zero or a positive number, or null when absent. */
    public Double atLeastZero(Map<String, NodeTuple> map, String key) {
        if (!map.containsKey(key)) {
            return null;
        }
        double value = number(map, key);
        if (value < 0) {
            throw error(map.get(key).getValueNode(), key + " must be zero or a positive number, was " + value);
        }
        return value;
    }

    /** A decimal integer. */
    public long integer(Map<String, NodeTuple> map, String key) {
        Node node = map.get(key).getValueNode();
        ScalarNode scalar = scalar(node, key, "an integer");
        if (scalar.getTag() != Tag.INT) {
            throw error(node, key + " must be an integer, was '" + scalar.getValue() + "'");
        }
        try {
            return Long.parseLong(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(node, key + " must be a decimal integer, was '" + scalar.getValue() + "'");
        }
    }

    /** {@code true} or {@code false}, or null when absent. */
    public Boolean flag(Map<String, NodeTuple> map, String key) {
        if (!map.containsKey(key)) {
            return null;
        }
        Node node = map.get(key).getValueNode();
        ScalarNode scalar = scalar(node, key, "true or false");
        if (scalar.getTag() != Tag.BOOL || !Set.of("true", "false").contains(scalar.getValue())) {
            throw error(node, key + " must be true or false, was '" + scalar.getValue() + "'");
        }
        return Boolean.valueOf(scalar.getValue());
    }

    /** {@code node} as a scalar, or an error saying it must be {@code expected}. */
    public ScalarNode scalar(Node node, String what, String expected) {
        plain(node);
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be " + expected + ", was " + describe(node));
        }
        return scalar;
    }

    /** Only YAML's plain types: a tag such as {@code !!java.io.File} is refused, never constructed. */
    private void plain(Node node) {
        if (!PLAIN_TAGS.contains(node.getTag())) {
            throw error(node, "the tag " + node.getTag().getValue() + " is not allowed in " + kind);
        }
    }

    /** How a node reads in a message: "a mapping", "a list" or its quoted value. */
    public String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** An error at {@code node}: {@code file:line:column: problem}. */
    public IllegalArgumentException error(Node node, String problem) {
        Mark mark = node.getStartMark();
        return failure.apply(source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + problem);
    }
}
