package org.galvani.app.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.galvani.trace.Implements;

/**
 * Where a scenario comes from: a file path, or the name of a scenario shipped in the application
 * ({@code scenarios/NAME.yaml} on the class path). A path that exists wins over a shipped name.
 */
@Implements({"SRS-APP-005", "SRS-APP-006"})
public final class ScenarioSource {

    /** The shipped scenarios, by name. */
    public static final List<String> SHIPPED = List.of("normal-dexamethasone", "hyperhidrosis-tap-water",
            "detach-and-resume", "runaway-stage", "partial-detach", "stuck-sensor", "late-measurement",
            "over-temperature");

    private ScenarioSource() {
    }

    /** The text and source name of {@code nameOrPath}; throws {@link ScenarioException} naming both tries. */
    public static Scenario load(String nameOrPath, ScenarioParser parser) {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            if (sizeOf(path) > ScenarioParser.MAX_CODE_POINTS * 4L) {
                throw new ScenarioException(nameOrPath + ": too large for a scenario file");
            }
            try {
                return parser.parse(nameOrPath, Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ScenarioException(nameOrPath + ": cannot be read: " + e.getMessage());
            }
        }
        String name = nameOrPath.endsWith(".yaml") ? nameOrPath.substring(0, nameOrPath.length() - 5) : nameOrPath;
        if (!SHIPPED.contains(name)) {
            throw new ScenarioException("scenario '" + nameOrPath + "' is neither a file nor a shipped scenario;"
                    + " shipped: " + String.join(", ", SHIPPED));
        }
        String resource = "scenarios/" + name + ".yaml";
        try (InputStream in = ScenarioSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped scenario " + resource + " is missing from the application");
            }
            return parser.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("shipped scenario " + resource + " cannot be read", e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new ScenarioException(path + ": cannot be read: " + e.getMessage());
        }
    }
}
