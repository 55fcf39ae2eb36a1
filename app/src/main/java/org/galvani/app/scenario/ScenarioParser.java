package org.galvani.app.scenario;

import java.io.StringReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.galvani.app.demo.DemoProfile;
import org.galvani.drivers.sim.Fault;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.kernel.EndCriterion;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.trace.Implements;
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
 * Reads a scenario file (format: {@code docs/SCENARIOS.md}) with SnakeYAML's node API: the YAML is
 * composed into nodes and never constructed into objects, so no type named in the file is ever
 * instantiated, and every error names the file, line and column and what is wrong. Parsing changes
 * nothing; a file with any error yields no scenario.
 */
@Implements("SRS-APP-004")
public final class ScenarioParser {

    /** Large enough for any scenario, small enough that a wrong file cannot exhaust memory. */
    static final int MAX_CODE_POINTS = 256 * 1024;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);
    private static final Set<String> TOP = Set.of("description", "profile", "treatment-id", "prescription",
            "simulator", "operator", "faults");
    private static final Set<String> PRESCRIPTION = Set.of("drug", "active-electrode", "current-ma", "area-cm2",
            "dose-mamin", "duration-min", "ramp-s");
    private static final Set<String> OPERATOR = Set.of("resume-after-s", "acknowledge-faults");

    private final DriverProvider simulator;

    /** @param simulator the sim driver's provider, which checks the {@code simulator:} settings */
    public ScenarioParser(DriverProvider simulator) {
        this.simulator = simulator;
    }

    /** Parses {@code text}, read from {@code source} (named in every message). */
    public Scenario parse(String source, String text) {
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ScenarioException(where(source, mark) + "not valid YAML: " + e.getProblem());
        } catch (YAMLException | IllegalArgumentException e) {
            // SnakeYAML throws IllegalArgumentException for some malformed input (a tag such as "!1%E"):
            // found by fuzzing (verification, ParserFuzzTest).
            throw new ScenarioException(source + ": not a usable YAML file: " + e.getMessage());
        }
        if (root == null) {
            throw new ScenarioException(source + ": the file is empty; a scenario needs at least a prescription");
        }
        return new Reader(source).scenario(root);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(5);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(8);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return new Yaml(options);
    }

    private static String where(String source, Mark mark) {
        return mark == null ? source + ": " : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
    }

    /** One file's reading: knows the source for messages. */
    private final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        Scenario scenario(Node root) {
            Map<String, NodeTuple> top = mapping(root, "the scenario", TOP);
            String profileId = text(top, "profile");
            DemoProfile profile = DemoProfile.DRUG_DELIVERY_PATCH;
            if (profileId != null) {
                profile = DemoProfile.byId(profileId);
                if (profile == null) {
                    throw error(top.get("profile").getValueNode(), "profile must be one of drug-delivery-patch,"
                            + " tap-water-hyperhidrosis, wearable-patch; was '" + profileId + "'");
                }
            }
            Map<String, NodeTuple> rx = top.containsKey("prescription")
                    ? mapping(top.get("prescription").getValueNode(), "prescription", PRESCRIPTION) : Map.of();
            String drug = text(rx, "drug");
            if (drug != null && profile.profile().drugs().chargeOf(drug) == null) {
                throw error(rx.get("drug").getValueNode(), "drug '" + drug + "' is not in the drug table of profile "
                        + profile.id() + ": " + profile.profile().drugs().entries().keySet());
            }
            boolean timeBased = !profile.profile().allows(EndCriterion.DOSE);
            if (timeBased && rx.containsKey("dose-mamin")) {
                throw error(rx.get("dose-mamin").getKeyNode(), "dose-mamin does not apply to the time-based profile "
                        + profile.id() + "; use duration-min");
            }
            if (!timeBased && rx.containsKey("duration-min")) {
                throw error(rx.get("duration-min").getKeyNode(), "duration-min does not apply to the dose-based profile "
                        + profile.id() + "; use dose-mamin");
            }
            String treatmentId = text(top, "treatment-id");
            if (treatmentId != null && treatmentId.isBlank()) {
                throw error(top.get("treatment-id").getValueNode(), "treatment-id must not be blank");
            }
            Map<String, NodeTuple> operator = top.containsKey("operator")
                    ? mapping(top.get("operator").getValueNode(), "operator", OPERATOR) : Map.of();
            return new Scenario(source, text(top, "description"), profile.id(), treatmentId, drug, polarity(rx),
                    positive(rx, "current-ma"), positive(rx, "area-cm2"), positive(rx, "dose-mamin"),
                    positive(rx, "duration-min"), positive(rx, "ramp-s"),
                    top.containsKey("simulator") ? simulator(top.get("simulator").getValueNode()) : Map.of(),
                    atLeastZero(operator, "resume-after-s"), flag(operator, "acknowledge-faults"),
                    top.containsKey("faults") ? faults(top.get("faults").getValueNode()) : FaultScript.none());
        }

        private Polarity polarity(Map<String, NodeTuple> rx) {
            String value = text(rx, "active-electrode");
            if (value == null) {
                return null;
            }
            if (!value.equals("anode") && !value.equals("cathode")) {
                throw error(rx.get("active-electrode").getValueNode(), "active-electrode must be anode or cathode, was '"
                        + value + "'");
            }
            return Polarity.valueOf(value.toUpperCase(Locale.ROOT));
        }

        /** The sim driver's settings, checked together by its provider; an error points at the setting it names. */
        private Map<String, String> simulator(Node node) {
            Map<String, NodeTuple> entries = mapping(node, "simulator", simulator.settings().keySet());
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                Node value = entry.getValue().getValueNode();
                ScalarNode scalar = scalar(value, "simulator setting '" + entry.getKey() + "'", "an integer");
                if (scalar.getTag() != Tag.INT) {
                    throw error(value, "simulator setting '" + entry.getKey() + "' must be an integer, was '"
                            + scalar.getValue() + "'");
                }
                values.put(entry.getKey(), scalar.getValue());
            }
            try {
                simulator.create(DriverSettings.of(source, simulator.name(), values)).close();
            } catch (IllegalArgumentException e) {
                String problem = e.getMessage().startsWith(source + ": ")
                        ? e.getMessage().substring(source.length() + 2) : e.getMessage();
                Node at = node;
                for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                    if (problem.contains("setting '" + entry.getKey() + "'")) {
                        at = entry.getValue().getValueNode();
                    }
                }
                throw error(at, problem);
            }
            return values;
        }

        private FaultScript faults(Node node) {
            if (!(node instanceof SequenceNode list)) {
                throw error(node, "faults must be a list of faults (each '- kind: ...'), was " + describe(node));
            }
            FaultScript.Builder builder = FaultScript.builder();
            for (Node item : list.getValue()) {
                Map<String, NodeTuple> fault = mapping(item, "a fault", null);
                if (!fault.containsKey("kind")) {
                    throw error(item, "a fault needs a kind, one of " + kinds());
                }
                String id = text(fault, "kind");
                FaultKind kind = FaultKind.byId(id);
                if (kind == null) {
                    throw error(fault.get("kind").getValueNode(), "unknown fault kind '" + id + "'; known: " + kinds());
                }
                Set<String> allowed = new HashSet<>(Set.of("kind", "at", "until"));
                if (kind.hasParameter()) {
                    allowed.add(kind.parameterName());
                }
                known(fault, allowed, "a " + id + " fault");
                if (!fault.containsKey("at")) {
                    throw error(item, "a " + id + " fault needs 'at' (seconds of simulated time)");
                }
                long start = micros(fault, "at");
                long end = fault.containsKey("until") ? micros(fault, "until") : Fault.OPEN_END;
                if (end <= start) {
                    throw error(fault.get("until").getValueNode(), "until (" + seconds(end) + " s) must come after at ("
                            + seconds(start) + " s)");
                }
                long parameter = 0;
                if (kind.hasParameter()) {
                    if (!fault.containsKey(kind.parameterName())) {
                        throw error(item, "a " + id + " fault needs '" + kind.parameterName() + "' (" + kind.unit()
                                + ", from " + kind.min() + " to " + kind.max() + ")");
                    }
                    parameter = integer(fault, kind.parameterName());
                }
                try {
                    builder.add(kind, start, end, parameter);
                } catch (IllegalArgumentException e) {
                    throw error(item, e.getMessage());
                }
            }
            return builder.build();
        }

        private long micros(Map<String, NodeTuple> map, String key) {
            Node node = map.get(key).getValueNode();
            double seconds = number(map, key);
            if (seconds < 0) {
                throw error(node, key + " must not be negative, was " + seconds + " s");
            }
            if (seconds > 86_400) {
                throw error(node, key + " must be at most 86400 s (a day), was " + seconds + " s");
            }
            return Math.round(seconds * 1e6);
        }

        private long integer(Map<String, NodeTuple> map, String key) {
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

        private Double positive(Map<String, NodeTuple> map, String key) {
            if (!map.containsKey(key)) {
                return null;
            }
            double value = number(map, key);
            if (value <= 0) {
                throw error(map.get(key).getValueNode(), key + " must be a positive number, was " + value);
            }
            return value;
        }

        private Double atLeastZero(Map<String, NodeTuple> map, String key) {
            if (!map.containsKey(key)) {
                return null;
            }
            double value = number(map, key);
            if (value < 0) {
                throw error(map.get(key).getValueNode(), key + " must be zero or a positive number, was " + value);
            }
            return value;
        }

        private double number(Map<String, NodeTuple> map, String key) {
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

        private Boolean flag(Map<String, NodeTuple> map, String key) {
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

        private String text(Map<String, NodeTuple> map, String key) {
            if (!map.containsKey(key)) {
                return null;
            }
            ScalarNode scalar = scalar(map.get(key).getValueNode(), key, "text");
            if (scalar.getTag() == Tag.NULL) {
                throw error(scalar, key + " has no value");
            }
            return scalar.getValue().trim();
        }

        private ScalarNode scalar(Node node, String what, String expected) {
            plain(node);
            if (!(node instanceof ScalarNode scalar)) {
                throw error(node, what + " must be " + expected + ", was " + describe(node));
            }
            return scalar;
        }

        /** A mapping's entries by key; keys must be plain text, known (unless {@code known} is null) and unique. */
        private Map<String, NodeTuple> mapping(Node node, String what, Set<String> known) {
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

        private void known(Map<String, NodeTuple> entries, Set<String> known, String what) {
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                if (!known.contains(entry.getKey())) {
                    throw error(entry.getValue().getKeyNode(), "unknown key '" + entry.getKey() + "' in " + what
                            + "; known: " + new TreeSet<>(known));
                }
            }
        }

        /** Only YAML's plain types: a tag such as {@code !!java.io.File} is refused, never constructed. */
        private void plain(Node node) {
            if (!PLAIN_TAGS.contains(node.getTag())) {
                throw error(node, "the tag " + node.getTag().getValue() + " is not allowed in a scenario");
            }
        }

        private String describe(Node node) {
            if (node instanceof MappingNode) {
                return "a mapping";
            }
            if (node instanceof SequenceNode) {
                return "a list";
            }
            return "'" + ((ScalarNode) node).getValue() + "'";
        }

        private String position(Node node) {
            Mark mark = node.getStartMark();
            return source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        }

        private ScenarioException error(Node node, String problem) {
            return new ScenarioException(position(node) + ": " + problem);
        }
    }

    private static String kinds() {
        List<String> ids = java.util.Arrays.stream(FaultKind.values()).map(FaultKind::id).toList();
        return String.join(", ", ids);
    }

    private static String seconds(long micros) {
        return micros == Fault.OPEN_END ? "never" : String.valueOf(micros / 1e6);
    }
}
