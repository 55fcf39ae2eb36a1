package org.galvani.hazard;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * A stated scale (severity of harm, or probability of occurrence of harm): its name and its levels in
 * increasing order, ranked 1, 2, ... with distinct IDs.
 */
@Implements("SRS-HAZ-002")
public record Scale(String name, List<Level> levels) {

    public Scale {
        Objects.requireNonNull(name, "name");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("scale " + name + " has no levels");
        }
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            if (level.rank() != i + 1) {
                throw new IllegalArgumentException("scale " + name + ": level " + level.id() + " has rank "
                        + level.rank() + " at position " + (i + 1));
            }
            for (int j = 0; j < i; j++) {
                if (levels.get(j).id().equals(level.id())) {
                    throw new IllegalArgumentException("scale " + name + ": level " + level.id() + " twice");
                }
            }
        }
    }

    /** The level with this ID, if the scale has one. */
    public Optional<Level> level(String id) {
        return levels.stream().filter(level -> level.id().equals(id)).findFirst();
    }

    public int size() {
        return levels.size();
    }
}
