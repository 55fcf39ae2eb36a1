package org.galvani.hazard;

import java.util.Objects;

/**
 * One level of a severity or probability scale: its ID as hazards name it (for example {@code S4}), its
 * rank on the scale (1 is the lowest), a name and a description that say what it means.
 */
public record Level(String id, int rank, String name, String description, Location location) {

    public Level {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        if (rank < 1) {
            throw new IllegalArgumentException("level " + id + ": rank must be >= 1, not " + rank);
        }
    }
}
