package org.galvani.hazard;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.galvani.trace.Implements;

/**
 * Strict reading of a YAML document through SnakeYAML's node API, so that every value keeps its line:
 * each accessor names what it expected and where it found something else.
 */
@Implements("SRS-HAZ-005")
final class YamlNodes {

    private static final Pattern POSITIVE_INT = Pattern.compile("[1-9]\\d{0,8}");

    private final String file;

    YamlNodes(String file) {
        this.file = file;
    }

    /** The document's root node; an empty document, a syntax error or a second document is an error. */
    Node compose(String text) throws InputFormatException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (StringReader reader = new StringReader(text)) {
            Node root = yaml.compose(reader);
            if (root == null) {
                throw new InputFormatException(Location.line(file, 1), "the file is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InputFormatException(mark == null ? Location.line(file, 1) : at(mark), "not valid YAML: " + problem);
        } catch (YAMLException | IllegalArgumentException e) {
            // SnakeYAML throws IllegalArgumentException for some malformed input (a tag such as "!1%E"),
            // without a position: found by fuzzing (verification, ParserFuzzTest).
            throw new InputFormatException(Location.line(file, 1), "not valid YAML: " + e.getMessage());
        }
    }

    Location at(Node node) {
        return at(node.getStartMark());
    }

    private Location at(Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * The keys of a mapping, in file order. Every key must be a string in {@code required} or
     * {@code optional}; every required key must be present; no key may appear twice.
     */
    Map<String, Node> mapping(Node node, String what, List<String> required, List<String> optional)
            throws InputFormatException {
        if (!(node instanceof MappingNode mapping)) {
            throw new InputFormatException(at(node), what + " must be a mapping (key: value), not " + kind(node));
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                throw new InputFormatException(at(keyNode), what + ": a key must be a plain word, not " + kind(keyNode));
            }
            String key = scalar.getValue();
            if (!required.contains(key) && !optional.contains(key)) {
                List<String> allowed = new ArrayList<>(required);
                allowed.addAll(optional);
                throw new InputFormatException(at(keyNode), what + ": unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed) + ")");
            }
            if (values.put(key, tuple.getValueNode()) != null) {
                throw new InputFormatException(at(keyNode), what + ": key '" + key + "' appears twice");
            }
        }
        for (String key : required) {
            if (!values.containsKey(key)) {
                throw new InputFormatException(at(node), what + ": missing key '" + key + "'");
            }
        }
        return values;
    }

    /** A non-blank scalar, trimmed. */
    String text(Node node, String what) throws InputFormatException {
        if (!(node instanceof ScalarNode scalar)) {
            throw new InputFormatException(at(node), what + " must be text, not " + kind(node));
        }
        if (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            throw new InputFormatException(at(node), what + " must not be empty");
        }
        return scalar.getValue().trim();
    }

    /** A scalar written as a word or ID (a string, or a plain scalar YAML would read as a number). */
    Reference word(Node node, String what) throws InputFormatException {
        return new Reference(text(node, what), at(node));
    }

    /** A positive integer. */
    int positiveInt(Node node, String what) throws InputFormatException {
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.INT)
                || !POSITIVE_INT.matcher(scalar.getValue()).matches()) {
            throw new InputFormatException(at(node), what + " must be a positive integer, not "
                    + (node instanceof ScalarNode scalar ? "'" + scalar.getValue() + "'" : kind(node)));
        }
        return Integer.parseInt(((ScalarNode) node).getValue());
    }

    /** The items of a sequence (possibly empty). */
    List<Node> sequence(Node node, String what) throws InputFormatException {
        if (!(node instanceof SequenceNode sequence)) {
            throw new InputFormatException(at(node), what + " must be a list, not " + kind(node));
        }
        return sequence.getValue();
    }

    /** A list of words or IDs. */
    List<Reference> words(Node node, String what) throws InputFormatException {
        List<Reference> words = new ArrayList<>();
        for (Node item : sequence(node, what)) {
            words.add(word(item, "an item of " + what));
        }
        return words;
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? "nothing" : "the value '" + scalar.getValue() + "'";
    }

    /** Reading a file as UTF-8 text, with the error naming the file. */
    static String readText(java.nio.file.Path path, String file) throws IOException {
        try {
            return java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
    }
}
