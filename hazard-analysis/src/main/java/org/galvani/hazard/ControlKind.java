package org.galvani.hazard;

import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * The three kinds of risk control of ISO 14971 (7.1), declared in their order of priority: inherent
 * safety by design first, then protective measures in the device or its manufacture, then information
 * for safety (and, where appropriate, training of users).
 */
@Implements("SRS-HAZ-001")
public enum ControlKind {
    INHERENT_SAFETY("inherent-safety", "Inherent safety by design"),
    PROTECTIVE_MEASURE("protective-measure", "Protective measure"),
    INFORMATION_FOR_SAFETY("information-for-safety", "Information for safety");

    private final String key;
    private final String label;

    ControlKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The word the register file uses. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** 1 for the first priority. */
    public int priority() {
        return ordinal() + 1;
    }

    public static Optional<ControlKind> ofKey(String key) {
        for (ControlKind value : values()) {
            if (value.key.equals(key)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
