package org.galvani.hazard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.galvani.trace.Implements;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a hazard register from YAML. The file's structure is checked strictly (unknown keys, missing
 * keys, values of the wrong type, a malformed scale or matrix are an {@link InputFormatException} naming
 * file, line and column, and nothing is returned); what the file says is checked by
 * {@link RegisterChecker}, which reports every problem at once.
 *
 * <pre>
 * title: ...
 * severity:    {name: ..., levels: [{id: S1, name: ..., description: ...}, ...]}   # optional, with
 * probability: {name: ..., levels: [...]}                                         # acceptability;
 * acceptability: {S1: [acceptable, alarp, unacceptable, ...], ...}                # default 5 x 5
 * controls:
 *   - {id: RC-001, kind: inherent-safety|protective-measure|information-for-safety,
 *      owner: software|product-team, title: ..., text: ...,
 *      verification: {implementation: [...], effectiveness: [...]}}
 * hazards:
 *   - {id: HAZ-001, title: ..., hazard: ..., causes: [...], situation: ..., harm: ...,
 *      initial: {severity: S4, probability: P3}, controls: [RC-001, ...],
 *      residual: {severity: S4, probability: P1}, benefitRisk: ...}                 # benefitRisk optional
 * </pre>
 */
@Implements({"SRS-HAZ-001", "SRS-HAZ-002", "SRS-HAZ-005"})
public final class RegisterReader {

    private static final List<String> TOP_REQUIRED = List.of("title", "controls", "hazards");
    private static final List<String> TOP_OPTIONAL = List.of("severity", "probability", "acceptability");

    private final YamlNodes yaml;
    private final String file;

    private RegisterReader(String file) {
        this.file = file;
        this.yaml = new YamlNodes(file);
    }

    /** Reads a register file; it is named in findings as {@code path} is written. */
    public static HazardRegister read(Path path) throws IOException, InputFormatException {
        return read(path, path.toString());
    }

    /** Reads a register file, naming it {@code file} in findings (for example relative to the repository). */
    public static HazardRegister read(Path path, String file) throws IOException, InputFormatException {
        return parse(file, YamlNodes.readText(path, file));
    }

    /** Parses a register's text; {@code file} names it in messages. */
    public static HazardRegister parse(String file, String text) throws InputFormatException {
        return new RegisterReader(file).register(text);
    }

    private HazardRegister register(String text) throws InputFormatException {
        Node root = yaml.compose(text);
        Map<String, Node> top = yaml.mapping(root, "the register", TOP_REQUIRED, TOP_OPTIONAL);
        String title = yaml.text(top.get("title"), "title");
        RiskMatrix matrix = matrix(root, top);
        List<RiskControl> controls = new ArrayList<>();
        for (Node node : yaml.sequence(top.get("controls"), "controls")) {
            controls.add(control(node));
        }
        List<Hazard> hazards = new ArrayList<>();
        for (Node node : yaml.sequence(top.get("hazards"), "hazards")) {
            hazards.add(hazard(node));
        }
        return new HazardRegister(file, title, matrix, controls, hazards);
    }

    private RiskMatrix matrix(Node root, Map<String, Node> top) throws InputFormatException {
        int stated = (top.containsKey("severity") ? 1 : 0) + (top.containsKey("probability") ? 1 : 0)
                + (top.containsKey("acceptability") ? 1 : 0);
        if (stated == 0) {
            return RiskMatrix.defaultMatrix(file);
        }
        if (stated != 3) {
            throw new InputFormatException(yaml.at(root), "severity, probability and acceptability are stated"
                    + " together or not at all (then the default 5 x 5 matrix applies)");
        }
        Scale severity = scale(top.get("severity"), "severity");
        Scale probability = scale(top.get("probability"), "probability");
        Node matrixNode = top.get("acceptability");
        List<String> rows = new ArrayList<>();
        severity.levels().forEach(level -> rows.add(level.id()));
        Map<String, Node> byRow = yaml.mapping(matrixNode, "acceptability", rows, List.of());
        List<List<Acceptability>> cells = new ArrayList<>();
        for (Level level : severity.levels()) {
            Node rowNode = byRow.get(level.id());
            List<Reference> words = yaml.words(rowNode, "acceptability row " + level.id());
            if (words.size() != probability.size()) {
                throw new InputFormatException(yaml.at(rowNode), "acceptability row " + level.id() + " has "
                        + words.size() + " cells; the probability scale has " + probability.size() + " levels");
            }
            List<Acceptability> row = new ArrayList<>();
            for (Reference word : words) {
                row.add(Acceptability.ofKey(word.id()).orElseThrow(() -> new InputFormatException(word.location(),
                        "acceptability '" + word.id() + "' is not one of acceptable, alarp, unacceptable")));
            }
            cells.add(row);
        }
        return new RiskMatrix(severity, probability, cells);
    }

    private Scale scale(Node node, String what) throws InputFormatException {
        Map<String, Node> keys = yaml.mapping(node, what, List.of("name", "levels"), List.of());
        String name = yaml.text(keys.get("name"), what + " name");
        List<Level> levels = new ArrayList<>();
        for (Node levelNode : yaml.sequence(keys.get("levels"), what + " levels")) {
            Map<String, Node> level = yaml.mapping(levelNode, "a " + what + " level",
                    List.of("id", "name", "description"), List.of());
            Reference id = yaml.word(level.get("id"), what + " level id");
            for (Level previous : levels) {
                if (previous.id().equals(id.id())) {
                    throw new InputFormatException(id.location(), what + " level " + id.id()
                            + " is declared twice (first at " + previous.location() + ")");
                }
            }
            levels.add(new Level(id.id(), levels.size() + 1, yaml.text(level.get("name"), what + " level name"),
                    yaml.text(level.get("description"), what + " level description"), yaml.at(levelNode)));
        }
        if (levels.size() < 2) {
            throw new InputFormatException(yaml.at(node), what + " needs at least 2 levels, not " + levels.size());
        }
        return new Scale(name, levels);
    }

    private RiskControl control(Node node) throws InputFormatException {
        Map<String, Node> keys = yaml.mapping(node, "a control",
                List.of("id", "kind", "owner", "title", "text", "verification"), List.of());
        String id = yaml.text(keys.get("id"), "control id");
        String what = "control " + id;
        Reference kindWord = yaml.word(keys.get("kind"), what + " kind");
        ControlKind kind = ControlKind.ofKey(kindWord.id()).orElseThrow(() -> new InputFormatException(
                kindWord.location(), what + ": kind '" + kindWord.id()
                        + "' is not one of inherent-safety, protective-measure, information-for-safety"));
        Reference ownerWord = yaml.word(keys.get("owner"), what + " owner");
        ControlOwner owner = ControlOwner.ofKey(ownerWord.id()).orElseThrow(() -> new InputFormatException(
                ownerWord.location(), what + ": owner '" + ownerWord.id() + "' is not one of software, product-team"));
        Map<String, Node> verification = yaml.mapping(keys.get("verification"), what + " verification",
                List.of("implementation", "effectiveness"), List.of());
        List<Reference> implementation = yaml.words(verification.get("implementation"), what + " verification of implementation");
        List<Reference> effectiveness = yaml.words(verification.get("effectiveness"), what + " verification of effectiveness");
        if (implementation.isEmpty() || effectiveness.isEmpty()) {
            throw new InputFormatException(yaml.at(keys.get("verification")), what
                    + ": verification must name at least one requirement or evidence for implementation and for effectiveness");
        }
        return new RiskControl(id, kind, owner, yaml.text(keys.get("title"), what + " title"),
                yaml.text(keys.get("text"), what + " text"), new Verification(implementation, effectiveness),
                yaml.at(node));
    }

    private Hazard hazard(Node node) throws InputFormatException {
        Map<String, Node> keys = yaml.mapping(node, "a hazard", List.of("id", "title", "hazard", "causes",
                "situation", "harm", "initial", "controls", "residual"), List.of("benefitRisk"));
        String id = yaml.text(keys.get("id"), "hazard id");
        String what = "hazard " + id;
        List<String> causes = new ArrayList<>();
        for (Node cause : yaml.sequence(keys.get("causes"), what + " causes")) {
            causes.add(yaml.text(cause, "a cause of " + what));
        }
        if (causes.isEmpty()) {
            throw new InputFormatException(yaml.at(keys.get("causes")), what + ": causes must name at least one sequence of events");
        }
        Optional<String> benefitRisk = keys.containsKey("benefitRisk")
                ? Optional.of(yaml.text(keys.get("benefitRisk"), what + " benefitRisk"))
                : Optional.empty();
        return new Hazard(id, yaml.text(keys.get("title"), what + " title"),
                yaml.text(keys.get("hazard"), what + " hazard"), causes,
                yaml.text(keys.get("situation"), what + " situation"), yaml.text(keys.get("harm"), what + " harm"),
                estimate(keys.get("initial"), what + " initial risk"),
                yaml.words(keys.get("controls"), what + " controls"),
                estimate(keys.get("residual"), what + " residual risk"), benefitRisk, yaml.at(node));
    }

    private RiskEstimate estimate(Node node, String what) throws InputFormatException {
        Map<String, Node> keys = yaml.mapping(node, what, List.of("severity", "probability"), List.of());
        return new RiskEstimate(yaml.word(keys.get("severity"), what + " severity"),
                yaml.word(keys.get("probability"), what + " probability"));
    }
}
