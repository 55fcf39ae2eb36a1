package org.galvani.traceability;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.galvani.hazard.InputFormatException;
import org.galvani.hazard.Location;
import org.galvani.trace.Implements;
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

/**
 * Which gap kinds fail a build, per IEC 62304 safety class of the requirement a gap concerns. A gap that
 * concerns no requirement (a link to an unknown ID, a hazard finding, a control whose requirements are
 * unknown) is judged as the class named {@code unclassified}. Gaps that do not fail are warnings: they are
 * reported all the same.
 *
 * <pre>
 * failOn:
 *   C: [ALL_BUT_SUSPECT]          # or a list of gap kinds, or ALL
 *   B: [NOT_IMPLEMENTED, NOT_VERIFIED, TEST_FAILED, UNKNOWN_REQUIREMENT]
 *   A: [TEST_FAILED]
 * unclassified: C
 * </pre>
 *
 * The default ({@link #defaults()}): every gap on a class C requirement fails the build except a suspect
 * link, which is a warning; on class B, a missing implementation or test, a failing test, a link to an
 * unknown ID and a broken implementedIn; on class A, a failing test and a link to an unknown ID; gaps
 * concerning no requirement are judged as class C.
 */
@Implements("SRS-TRC-006")
public final class TracePolicy {

    private static final List<String> CLASSES = List.of("A", "B", "C");
    private static final String ALL = "ALL";
    private static final String ALL_BUT_SUSPECT = "ALL_BUT_SUSPECT";

    private final Map<String, Set<GapKind>> failOn;
    private final String unclassified;
    private final String origin;

    private TracePolicy(Map<String, Set<GapKind>> failOn, String unclassified, String origin) {
        this.failOn = failOn;
        this.unclassified = unclassified;
        this.origin = origin;
    }

    /** The built-in policy (the same as {@code traceability/policy.yaml} as shipped). */
    public static TracePolicy defaults() {
        Map<String, Set<GapKind>> failOn = new LinkedHashMap<>();
        failOn.put("C", allBut(GapKind.SUSPECT_LINK));
        failOn.put("B", EnumSet.of(GapKind.NOT_IMPLEMENTED, GapKind.NOT_VERIFIED, GapKind.TEST_FAILED,
                GapKind.UNKNOWN_REQUIREMENT, GapKind.BROKEN_IMPLEMENTED_IN));
        failOn.put("A", EnumSet.of(GapKind.TEST_FAILED, GapKind.UNKNOWN_REQUIREMENT));
        return new TracePolicy(failOn, "C", "the built-in default policy");
    }

    private static Set<GapKind> allBut(GapKind kind) {
        Set<GapKind> all = EnumSet.allOf(GapKind.class);
        all.remove(kind);
        return all;
    }

    /** Reads a policy file; errors name the file, line and column and the policy is not used. */
    public static TracePolicy read(Path path) throws IOException, InputFormatException {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new IOException(file + ": policy file not found");
        }
        return parse(file, Files.readString(path, StandardCharsets.UTF_8));
    }

    /** Parses a policy's text; {@code file} names it in messages. */
    public static TracePolicy parse(String file, String text) throws InputFormatException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        Node root;
        try (StringReader reader = new StringReader(text)) {
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InputFormatException(mark == null ? Location.line(file, 1) : at(file, mark),
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InputFormatException(Location.line(file, 1), "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new InputFormatException(Location.line(file, 1), "the policy file is empty");
        }
        Map<String, Node> top = mapping(file, root, "the policy", List.of("failOn", "unclassified"));
        Map<String, Node> classes = mapping(file, top.get("failOn"), "failOn", CLASSES);
        Map<String, Set<GapKind>> failOn = new LinkedHashMap<>();
        for (String safetyClass : List.of("C", "B", "A")) {
            failOn.put(safetyClass, kinds(file, classes.get(safetyClass), "failOn." + safetyClass));
        }
        Node unclassifiedNode = top.get("unclassified");
        String unclassified = scalar(file, unclassifiedNode, "unclassified");
        if (!CLASSES.contains(unclassified)) {
            throw new InputFormatException(at(file, unclassifiedNode.getStartMark()),
                    "unclassified: '" + unclassified + "' is not a safety class (A, B or C)");
        }
        return new TracePolicy(failOn, unclassified, file);
    }

    private static Set<GapKind> kinds(String file, Node node, String what) throws InputFormatException {
        if (!(node instanceof SequenceNode sequence)) {
            throw new InputFormatException(at(file, node.getStartMark()), what + " must be a list of gap kinds");
        }
        Set<GapKind> kinds = EnumSet.noneOf(GapKind.class);
        for (Node item : sequence.getValue()) {
            String name = scalar(file, item, "an item of " + what);
            if (name.equals(ALL)) {
                kinds.addAll(EnumSet.allOf(GapKind.class));
            } else if (name.equals(ALL_BUT_SUSPECT)) {
                kinds.addAll(allBut(GapKind.SUSPECT_LINK));
            } else {
                try {
                    kinds.add(GapKind.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new InputFormatException(at(file, item.getStartMark()), what + ": '" + name
                            + "' is not a gap kind (known: " + ALL + ", " + ALL_BUT_SUSPECT + ", "
                            + Arrays.stream(GapKind.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
                }
            }
        }
        return kinds;
    }

    private static Map<String, Node> mapping(String file, Node node, String what, List<String> keys)
            throws InputFormatException {
        if (!(node instanceof MappingNode mapping)) {
            throw new InputFormatException(at(file, node.getStartMark()), what + " must be a mapping (key: value)");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(file, tuple.getKeyNode(), "a key of " + what);
            if (!keys.contains(key)) {
                throw new InputFormatException(at(file, tuple.getKeyNode().getStartMark()),
                        what + ": unknown key '" + key + "' (allowed: " + String.join(", ", keys) + ")");
            }
            values.put(key, tuple.getValueNode());
        }
        for (String key : keys) {
            if (!values.containsKey(key)) {
                throw new InputFormatException(at(file, node.getStartMark()), what + ": missing key '" + key + "'");
            }
        }
        return values;
    }

    private static String scalar(String file, Node node, String what) throws InputFormatException {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw new InputFormatException(at(file, node.getStartMark()), what + " must be a word");
        }
        return scalar.getValue().trim();
    }

    private static Location at(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** True when this gap fails the build. */
    public boolean fails(Gap gap) {
        String safetyClass = gap.safetyClass() != null && failOn.containsKey(gap.safetyClass())
                ? gap.safetyClass() : unclassified;
        return failOn.get(safetyClass).contains(gap.kind());
    }

    /** The gap kinds that fail a build for a safety class. */
    public Set<GapKind> failOn(String safetyClass) {
        Set<GapKind> kinds = EnumSet.noneOf(GapKind.class);
        kinds.addAll(failOn.getOrDefault(safetyClass, Set.of()));
        return kinds;
    }

    /** The class a gap concerning no requirement is judged as. */
    public String unclassified() {
        return unclassified;
    }

    /** Where the policy came from: its file, or the built-in default. */
    public String origin() {
        return origin;
    }
}
