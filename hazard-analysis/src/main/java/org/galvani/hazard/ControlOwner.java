package org.galvani.hazard;

import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * Who implements a risk control. Galvani's software implements its controls through requirements; a
 * control that only the team that builds a device on Galvani can implement (labelling, instructions for
 * use, training, the output stage's hardware) is the product team's. Such a control stays an open item
 * in every report until a requirement of the product names it: it is never reported as satisfied by
 * the framework.
 */
@Implements("SRS-HAZ-001")
public enum ControlOwner {
    SOFTWARE("software"),
    PRODUCT_TEAM("product-team");

    private final String key;

    ControlOwner(String key) {
        this.key = key;
    }

    /** The word the register file uses. */
    public String key() {
        return key;
    }

    public static Optional<ControlOwner> ofKey(String key) {
        for (ControlOwner value : values()) {
            if (value.key.equals(key)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
