package org.galvani.hazard;

import java.util.List;
import java.util.Objects;
import org.galvani.trace.Implements;

/**
 * The requirement side of the link between a requirement and the risk controls it implements, as a
 * requirements file declares it ({@code riskControls: [RC-NNN, ...]}): the requirement's ID, version
 * and safety class, where it is declared, and the controls it names. The traceability module supplies
 * these from its own model; {@link RequirementsReader} reads them from {@code requirements.yaml}.
 */
@Implements("SRS-HAZ-006")
public record RequirementLink(String id, int version, String safetyClass, String file, int line,
        List<String> controls) {

    public RequirementLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(safetyClass, "safetyClass");
        Objects.requireNonNull(file, "file");
        controls = List.copyOf(controls);
    }

    public Location location() {
        return Location.line(file, Math.max(line, 1));
    }
}
