package org.galvani.traceability;

import java.util.List;
import java.util.Objects;
import org.galvani.hazard.RiskControl;

/**
 * A risk control in the chain: the hazards it reduces, the requirements that implement it, and whether at
 * least one of them is verified (implemented, tests run and passed, no gap but a suspect link).
 */
public record ControlTrace(RiskControl control, List<String> hazards, List<String> requirements,
        List<String> verifiedRequirements) {

    public ControlTrace {
        Objects.requireNonNull(control, "control");
        hazards = List.copyOf(hazards);
        requirements = List.copyOf(requirements);
        verifiedRequirements = List.copyOf(verifiedRequirements);
    }

    public boolean verified() {
        return !verifiedRequirements.isEmpty();
    }
}
