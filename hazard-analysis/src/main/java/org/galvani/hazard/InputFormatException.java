package org.galvani.hazard;

import java.util.Objects;

/**
 * A register or requirements file that cannot be read: not YAML, an unknown key, a missing key, a value
 * of the wrong type. The message names the file, the line and the column; nothing is returned from a
 * file that has such an error.
 */
public final class InputFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Location location;

    public InputFormatException(Location location, String problem) {
        super(location + ": " + problem);
        this.location = Objects.requireNonNull(location, "location");
    }

    public Location location() {
        return location;
    }
}
