package org.galvani.hazard;

import java.util.List;

/**
 * How a risk control is verified (ISO 14971, 7.2): that it is implemented, and that it is effective.
 * Each entry is either a requirement ID ({@code SRS-...}), which the traceability matrix joins with the
 * requirement's tests and their results, or a description of other evidence (an analysis, a proof, a
 * usability study).
 */
public record Verification(List<Reference> implementation, List<Reference> effectiveness) {

    public Verification {
        implementation = List.copyOf(implementation);
        effectiveness = List.copyOf(effectiveness);
    }
}
