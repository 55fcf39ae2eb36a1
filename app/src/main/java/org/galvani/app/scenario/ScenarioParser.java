package org.galvani.app.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.galvani.app.config.DriverSettingsReader;
import org.galvani.app.profile.DemoProfile;
import org.galvani.app.yaml.YamlInput;
import org.galvani.drivers.sim.Fault;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.kernel.EndCriterion;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.trace.Implements;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
        YamlInput in = new YamlInput(source, "a scenario", ScenarioException::new);
        Node root = in.compose(text, MAX_CODE_POINTS);
        if (root == null) {
            throw new ScenarioException(source + ": the file is empty; a scenario needs at least a prescription");
        }
        return new Reader(in).scenario(root);
    }

    /** One file's reading: knows the source for messages. */
    private final class Reader {
        private final YamlInput in;
        private final String source;

        Reader(YamlInput in) {
            this.in = in;
            this.source = in.source();
        }

        Scenario scenario(Node root) {
            Map<String, NodeTuple> top = in.mapping(root, "the scenario", TOP);
            String profileId = in.text(top, "profile");
            DemoProfile profile = DemoProfile.DRUG_DELIVERY_PATCH;
            if (profileId != null) {
                profile = DemoProfile.byId(profileId);
                if (profile == null) {
                    throw in.error(top.get("profile").getValueNode(), "profile must be one of drug-delivery-patch,"
                            + " tap-water-hyperhidrosis, wearable-patch; was '" + profileId + "'");
                }
            }
            Map<String, NodeTuple> rx = top.containsKey("prescription")
                    ? in.mapping(top.get("prescription").getValueNode(), "prescription", PRESCRIPTION) : Map.of();
            String drug = in.text(rx, "drug");
            if (drug != null && profile.profile().drugs().chargeOf(drug) == null) {
                throw in.error(rx.get("drug").getValueNode(), "drug '" + drug + "' is not in the drug table of profile "
                        + profile.id() + ": " + profile.profile().drugs().entries().keySet());
            }
            boolean timeBased = !profile.profile().allows(EndCriterion.DOSE);
            if (timeBased && rx.containsKey("dose-mamin")) {
                throw in.error(rx.get("dose-mamin").getKeyNode(), "dose-mamin does not apply to the time-based profile "
                        + profile.id() + "; use duration-min");
            }
            if (!timeBased && rx.containsKey("duration-min")) {
                throw in.error(rx.get("duration-min").getKeyNode(), "duration-min does not apply to the dose-based profile "
                        + profile.id() + "; use dose-mamin");
            }
            String treatmentId = in.text(top, "treatment-id");
            if (treatmentId != null && treatmentId.isBlank()) {
                throw in.error(top.get("treatment-id").getValueNode(), "treatment-id must not be blank");
            }
            Map<String, NodeTuple> operator = top.containsKey("operator")
                    ? in.mapping(top.get("operator").getValueNode(), "operator", OPERATOR) : Map.of();
            return new Scenario(source, in.text(top, "description"), profile.id(), treatmentId, drug, polarity(rx),
                    in.positive(rx, "current-ma"), in.positive(rx, "area-cm2"), in.positive(rx, "dose-mamin"),
                    in.positive(rx, "duration-min"), in.positive(rx, "ramp-s"),
                    top.containsKey("simulator") ? simulator(top.get("simulator").getValueNode()) : Map.of(),
                    in.atLeastZero(operator, "resume-after-s"), in.flag(operator, "acknowledge-faults"),
                    top.containsKey("faults") ? faults(top.get("faults").getValueNode()) : FaultScript.none());
        }

        private Polarity polarity(Map<String, NodeTuple> rx) {
            String value = in.text(rx, "active-electrode");
            if (value == null) {
                return null;
            }
            if (!value.equals("anode") && !value.equals("cathode")) {
                throw in.error(rx.get("active-electrode").getValueNode(), "active-electrode must be anode or cathode, was '"
                        + value + "'");
            }
            return Polarity.valueOf(value.toUpperCase(Locale.ROOT));
        }

        /** The sim driver's settings, checked together by its provider; an error points at the setting it names. */
        private Map<String, String> simulator(Node node) {
            return DriverSettingsReader.read(in, node, simulator, "simulator", true);
        }

        private FaultScript faults(Node node) {
            if (!(node instanceof SequenceNode list)) {
                throw in.error(node, "faults must be a list of faults (each '- kind: ...'), was " + in.describe(node));
            }
            FaultScript.Builder builder = FaultScript.builder();
            for (Node item : list.getValue()) {
                Map<String, NodeTuple> fault = in.mapping(item, "a fault", null);
                if (!fault.containsKey("kind")) {
                    throw in.error(item, "a fault needs a kind, one of " + kinds());
                }
                String id = in.text(fault, "kind");
                FaultKind kind = FaultKind.byId(id);
                if (kind == null) {
                    throw in.error(fault.get("kind").getValueNode(), "unknown fault kind '" + id + "'; known: " + kinds());
                }
                Set<String> allowed = new HashSet<>(Set.of("kind", "at", "until"));
                if (kind.hasParameter()) {
                    allowed.add(kind.parameterName());
                }
                in.known(fault, allowed, "a " + id + " fault");
                if (!fault.containsKey("at")) {
                    throw in.error(item, "a " + id + " fault needs 'at' (seconds of simulated time)");
                }
                long start = micros(fault, "at");
                long end = fault.containsKey("until") ? micros(fault, "until") : Fault.OPEN_END;
                if (end <= start) {
                    throw in.error(fault.get("until").getValueNode(), "until (" + seconds(end) + " s) must come after at ("
                            + seconds(start) + " s)");
                }
                long parameter = 0;
                if (kind.hasParameter()) {
                    if (!fault.containsKey(kind.parameterName())) {
                        throw in.error(item, "a " + id + " fault needs '" + kind.parameterName() + "' (" + kind.unit()
                                + ", from " + kind.min() + " to " + kind.max() + ")");
                    }
                    parameter = in.integer(fault, kind.parameterName());
                }
                try {
                    builder.add(kind, start, end, parameter);
                } catch (IllegalArgumentException e) {
                    throw in.error(item, e.getMessage());
                }
            }
            return builder.build();
        }

        private long micros(Map<String, NodeTuple> map, String key) {
            Node node = map.get(key).getValueNode();
            double seconds = in.number(map, key);
            if (seconds < 0) {
                throw in.error(node, key + " must not be negative, was " + seconds + " s");
            }
            if (seconds > 86_400) {
                throw in.error(node, key + " must be at most 86400 s (a day), was " + seconds + " s");
            }
            return Math.round(seconds * 1e6);
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
