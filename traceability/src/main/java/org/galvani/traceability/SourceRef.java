package org.galvani.traceability;

import java.util.Objects;

/**
 * Where something is written, relative to the root of the checkout with {@code /} separators: a file and
 * a line (0 when the line is not known).
 */
public record SourceRef(String file, int line) {

    public SourceRef {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, not " + line);
        }
    }

    /** {@code file:line}, or {@code file} when the line is not known. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
