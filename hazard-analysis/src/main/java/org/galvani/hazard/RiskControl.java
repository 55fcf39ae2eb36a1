package org.galvani.hazard;

import java.util.Objects;
import org.galvani.trace.Implements;

/** A risk control measure ({@code RC-NNN}): its kind, who implements it, what it is, how it is verified. */
@Implements("SRS-HAZ-001")
public record RiskControl(String id, ControlKind kind, ControlOwner owner, String title, String text,
        Verification verification, Location location) {

    public RiskControl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(location, "location");
    }
}
