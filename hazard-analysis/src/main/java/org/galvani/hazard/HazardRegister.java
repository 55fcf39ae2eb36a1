package org.galvani.hazard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * A hazard register as read from its file: its title, the matrix (scales and acceptability), the risk
 * controls and the hazards, in file order. Duplicates and unknown references are kept as written; the
 * checks report them.
 */
@Implements("SRS-HAZ-001")
public record HazardRegister(String file, String title, RiskMatrix matrix, List<RiskControl> controls,
        List<Hazard> hazards) {

    public HazardRegister {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(matrix, "matrix");
        controls = List.copyOf(controls);
        hazards = List.copyOf(hazards);
    }

    /** The first control declared with this ID. */
    public Optional<RiskControl> control(String id) {
        return controls.stream().filter(control -> control.id().equals(id)).findFirst();
    }

    /** The first hazard declared with this ID. */
    public Optional<Hazard> hazard(String id) {
        return hazards.stream().filter(hazard -> hazard.id().equals(id)).findFirst();
    }
}
