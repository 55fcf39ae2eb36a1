package org.galvani.kernel.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.galvani.trace.Implements;

/**
 * A driver's settings as text, with typed readers whose errors say where the setting came from, which
 * setting, the value and what is allowed, for example:
 * {@code galvani.yaml: driver 'wire': setting 'port' must be an integer from 1 to 65535, was 'abc'}.
 * Immutable.
 */
@Implements("SRS-KRN-035")
public final class DriverSettings {

    private final String source;
    private final String driver;
    private final Map<String, String> values;

    private DriverSettings(String source, String driver, Map<String, String> values) {
        this.source = source;
        this.driver = driver;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param source where the settings come from, for messages (a file name, "command line")
     * @param driver the driver's name, for messages
     * @param values the settings; null values are rejected
     */
    public static DriverSettings of(String source, String driver, Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException(source + ": driver '" + driver + "': setting '" + entry.getKey()
                        + "' has no value");
            }
        }
        return new DriverSettings(source, driver, values);
    }

    /** No settings: every driver's defaults. */
    public static DriverSettings defaults(String driver) {
        return new DriverSettings("defaults", driver, Map.of());
    }

    public String source() {
        return source;
    }

    public String driver() {
        return driver;
    }

    /** The settings as given. */
    public Map<String, String> values() {
        return values;
    }

    /** Rejects a setting the driver does not know (a typo must not silently fall back to a default). */
    public DriverSettings requireKnown(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw error(key, "is not a setting of this driver; known settings: " + new TreeSet<>(known));
            }
        }
        return this;
    }

    /** The text of {@code key}, or {@code fallback} when it is not set. */
    public String text(String key, String fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        // Blank after trimming, as returned: trim() also drops control characters that isBlank() keeps (found
        // by fuzzing: a host of "\u0007" became an empty host, refused without naming the settings' source).
        String trimmed = value.trim();
        if (trimmed.isBlank()) {
            throw error(key, "must not be blank");
        }
        return trimmed;
    }

    /** An integer in {@code [min, max]}, or {@code fallback} when not set. */
    public long integer(String key, long fallback, long min, long max) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(key, "must be an integer from " + min + " to " + max + ", was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw error(key, "must be an integer from " + min + " to " + max + ", was " + parsed);
        }
        return parsed;
    }

    /** {@code true} or {@code false}, or {@code fallback} when not set. */
    public boolean flag(String key, boolean fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return lower.equals("true");
        }
        throw error(key, "must be true or false, was '" + value + "'");
    }

    /** One of {@code allowed} (case-insensitive, returned in lower case), or {@code fallback} when not set. */
    public String choice(String key, String fallback, Set<String> allowed) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw error(key, "must be one of " + new TreeSet<>(allowed) + ", was '" + value + "'");
        }
        return lower;
    }

    /** An error about {@code key}, in the common form; for checks the typed readers cannot make. */
    public IllegalArgumentException error(String key, String problem) {
        return new IllegalArgumentException(source + ": driver '" + driver + "': setting '" + key + "' " + problem);
    }

    @Override
    public String toString() {
        return "DriverSettings[" + source + ", driver " + driver + ", " + values + "]";
    }
}
