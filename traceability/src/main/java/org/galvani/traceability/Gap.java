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
        return byRequirement != 0 ? byRequirement : compareJoined(where, message, other.where, other.message);
    }

    /**
     * {@code (a1 + a2).compareTo(b1 + b2)} without making the two strings: sorting the gaps of a large matrix
     * compares each gap many times.
     */
    static int compareJoined(String a1, String a2, String b1, String b2) {
        int lengthA = a1.length() + a2.length();
        int lengthB = b1.length() + b2.length();
        for (int i = 0, end = Math.min(lengthA, lengthB); i < end; i++) {
            char a = i < a1.length() ? a1.charAt(i) : a2.charAt(i - a1.length());
            char b = i < b1.length() ? b1.charAt(i) : b2.charAt(i - b1.length());
            if (a != b) {
                return a - b;
            }
        }
        return lengthA - lengthB;
    }

    /** {@code [KIND] SRS-X-001: message (where)}. */
    @Override
    public String toString() {
        return "[" + kind + "] " + (requirement == null ? "" : requirement + ": ") + message + " (" + where + ")";
    }
}
