package org.galvani.hazard;

import java.util.Objects;

/** What a check found, where: {@code file:line:column: error [CHECK] message}. */
public record Finding(Check check, Location location, String message) implements Comparable<Finding> {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public FindingLevel level() {
        return check.level();
    }

    @Override
    public int compareTo(Finding other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : check.compareTo(other.check);
    }

    @Override
    public String toString() {
        return location + ": " + level().name().toLowerCase(java.util.Locale.ROOT) + " [" + check + "] " + message;
    }
}
