package org.galvani.hazard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.galvani.trace.Implements;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the requirement side of the control links from a {@code requirements.yaml}: for every
 * requirement its ID, version, safety class, line and {@code riskControls}. The file's structure is
 * checked strictly (every key of the shared format is known; a missing key or a value of the wrong type
 * is an {@link InputFormatException} naming file, line and column). IDs are not judged here: a
 * malformed ID or one naming an unknown control is a finding of {@link RegisterChecker}.
 */
@Implements("SRS-HAZ-006")
public final class RequirementsReader {

    private static final List<String> REQUIRED = List.of("id", "version", "title", "text", "rationale",
            "riskControls", "safetyClass");
    private static final List<String> OPTIONAL = List.of("implementedIn");
    private static final List<String> SAFETY_CLASSES = List.of("A", "B", "C");

    private RequirementsReader() {
    }

    /** Reads a requirements file; it is named in findings as {@code path} is written. */
    public static List<RequirementLink> read(Path path) throws IOException, InputFormatException {
        return read(path, path.toString());
    }

    /** Reads a requirements file, naming it {@code file} in findings. */
    public static List<RequirementLink> read(Path path, String file) throws IOException, InputFormatException {
        return parse(file, YamlNodes.readText(path, file));
    }

    /** Parses a requirements file's text; {@code file} names it in messages. */
    public static List<RequirementLink> parse(String file, String text) throws InputFormatException {
        return parseDeclarations(file, text).stream().map(RequirementDeclaration::link).toList();
    }

    /** Reads a requirements file with every requirement's title, text, rationale and implementedIn. */
    public static List<RequirementDeclaration> readDeclarations(Path path, String file)
            throws IOException, InputFormatException {
        return parseDeclarations(file, YamlNodes.readText(path, file));
    }

    /** Parses a requirements file's text into full declarations; {@code file} names it in messages. */
    public static List<RequirementDeclaration> parseDeclarations(String file, String text)
            throws InputFormatException {
        YamlNodes yaml = new YamlNodes(file);
        Node root = yaml.compose(text);
        Map<String, Node> top = yaml.mapping(root, "the requirements file", List.of("requirements"), List.of());
        List<RequirementDeclaration> declarations = new ArrayList<>();
        for (Node node : yaml.sequence(top.get("requirements"), "requirements")) {
            Map<String, Node> keys = yaml.mapping(node, "a requirement", REQUIRED, OPTIONAL);
            Reference id = yaml.word(keys.get("id"), "requirement id");
            String what = "requirement " + id.id();
            int version = yaml.positiveInt(keys.get("version"), what + " version");
            String title = yaml.text(keys.get("title"), what + " title");
            String body = yaml.text(keys.get("text"), what + " text");
            String rationale = yaml.text(keys.get("rationale"), what + " rationale");
            List<Reference> implementedIn = keys.containsKey("implementedIn")
                    ? yaml.words(keys.get("implementedIn"), what + " implementedIn") : List.of();
            Reference safetyClass = yaml.word(keys.get("safetyClass"), what + " safetyClass");
            if (!SAFETY_CLASSES.contains(safetyClass.id())) {
                throw new InputFormatException(safetyClass.location(), what + ": safetyClass '" + safetyClass.id()
                        + "' is not one of A, B, C (IEC 62304)");
            }
            List<String> controls = yaml.words(keys.get("riskControls"), what + " riskControls").stream()
                    .map(Reference::id).toList();
            RequirementLink link = new RequirementLink(id.id(), version, safetyClass.id(), file, id.location().line(),
                    controls);
            declarations.add(new RequirementDeclaration(link, title, body, rationale, implementedIn));
        }
        return declarations;
    }
}
