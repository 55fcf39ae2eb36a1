package org.galvani.hazard;

import java.util.Objects;

/** An ID written somewhere (a control named by a hazard, a level named by a risk), with where. */
public record Reference(String id, Location location) {

    public Reference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
    }
}
