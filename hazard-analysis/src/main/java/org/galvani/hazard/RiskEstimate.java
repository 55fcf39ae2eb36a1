package org.galvani.hazard;

import java.util.Objects;

/**
 * An estimate of a risk: the severity and the probability levels, by the IDs the register names them
 * with. The IDs are resolved against the register's scales by {@link RiskMatrix#resolve}; an unknown
 * ID is a finding of the checks, not an exception, so that every such mistake is reported at once.
 */
public record RiskEstimate(Reference severity, Reference probability) {

    public RiskEstimate {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(probability, "probability");
    }

    /** {@code S4/P2}. */
    @Override
    public String toString() {
        return severity.id() + "/" + probability.id();
    }
}
