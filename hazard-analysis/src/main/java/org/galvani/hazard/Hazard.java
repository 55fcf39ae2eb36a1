package org.galvani.hazard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * A hazard ({@code HAZ-NNN}) after ISO 14971: the hazard (potential source of harm), the foreseeable
 * sequence of events that leads to the hazardous situation, the harm, the risk before control, the
 * controls that reduce it (by ID), the residual risk after them, and, when the residual risk is still
 * unacceptable, the benefit-risk rationale that the standard requires (7.4).
 */
@Implements("SRS-HAZ-001")
public record Hazard(String id, String title, String hazard, List<String> causes, String situation, String harm,
        RiskEstimate initial, List<Reference> controls, RiskEstimate residual, Optional<String> benefitRisk,
        Location location) {

    public Hazard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(hazard, "hazard");
        causes = List.copyOf(causes);
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(harm, "harm");
        Objects.requireNonNull(initial, "initial");
        controls = List.copyOf(controls);
        Objects.requireNonNull(residual, "residual");
        Objects.requireNonNull(benefitRisk, "benefitRisk");
        Objects.requireNonNull(location, "location");
    }
}
