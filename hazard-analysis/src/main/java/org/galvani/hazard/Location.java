package org.galvani.hazard;

import java.util.Objects;

/**
 * Where a model element was declared: a file as it should be shown to a reader (usually relative to
 * the repository root), a line and a column, both counted from 1. Column 0 means "the whole line".
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 0) {
            throw new IllegalArgumentException("a location needs a line >= 1 and a column >= 0, not "
                    + line + ":" + column);
        }
    }

    /** A location on a line, without a column. */
    public static Location line(String file, int line) {
        return new Location(file, line, 0);
    }

    @Override
    public int compareTo(Location other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    /** {@code file:line:column}, or {@code file:line} without a column, as compilers print it. */
    @Override
    public String toString() {
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
