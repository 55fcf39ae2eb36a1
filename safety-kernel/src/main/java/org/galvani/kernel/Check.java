package org.galvani.kernel;

/** Argument checks for configuration, each with a message that names what and where. */
final class Check {

    private Check() {
    }

    static void range(String where, String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(where + ": " + field + " must be between " + min + " and " + max
                    + ", was " + value);
        }
    }

    static void atMost(String where, String field, long value, String limitName, long limit) {
        if (value > limit) {
            throw new IllegalArgumentException(where + ": " + field + " " + value + " exceeds " + limitName + " "
                    + limit + " (a profile may only tighten limits, never widen them)");
        }
    }

    static <T> T notNull(String where, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": " + field + " is missing");
        }
        return value;
    }
}
