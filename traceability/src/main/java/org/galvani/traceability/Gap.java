package org.galvani.traceability;

import java.util.Objects;
import org.galvani.trace.Implements;

/**
 * One gap in the chain: its kind, the requirement it concerns (null when it concerns none, such as a link to
 * an unknown ID, a risk control or a hazard finding) and that requirement's safety class (for a control, the
 * highest class among its requirements; null when none), where to look, and what is missing.
 */
@Implements("SRS-TRC-004")
public record Gap(GapKind kind, String requirement, String safetyClass, String where, String message)
        implements Comparable<Gap> {

    public Gap {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Gap other) {
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0) {
            return byKind;
        }
        int byRequirement = String.valueOf(requirement).compareTo(String.valueOf(other.requirement));
        return byRequirement != 0 ? byRequirement : (where + message).compareTo(other.where + other.message);
    }

    /** {@code [KIND] SRS-X-001: message (where)}. */
    @Override
    public String toString() {
        return "[" + kind + "] " + (requirement == null ? "" : requirement + ": ") + message + " (" + where + ")";
    }
}
