package org.galvani.hazard;

import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * The acceptability of a risk, as the risk-management plan's matrix decides it for a cell: acceptable,
 * to be reduced as far as possible and reviewed (ALARP), or unacceptable. Declared in increasing order.
 */
@Implements("SRS-HAZ-002")
public enum Acceptability {
    ACCEPTABLE("acceptable"),
    ALARP("alarp"),
    UNACCEPTABLE("unacceptable");

    private final String key;

    Acceptability(String key) {
        this.key = key;
    }

    /** The word the register file uses. */
    public String key() {
        return key;
    }

    /** The acceptability the register file means by {@code key}, if any. */
    public static Optional<Acceptability> ofKey(String key) {
        for (Acceptability value : values()) {
            if (value.key.equals(key)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
