package org.galvani.verification.bundle;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the evidence's JSON files and the checklist's YAML with SnakeYAML's safe constructor (JSON as the
 * flow subset of YAML: these files hold only objects, arrays, strings, numbers and booleans). Errors name the
 * file.
 */
final class JsonFiles {

    private JsonFiles() {
    }

    static Object read(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException | YAMLException e) {
            throw new BundleException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Path file) {
        Object value = read(file);
        if (!(value instanceof Map)) {
            throw new BundleException(file + ": expected a JSON object at the top");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> array(Path file) {
        Object value = read(file);
        if (!(value instanceof List)) {
            throw new BundleException(file + ": expected a JSON array at the top");
        }
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : List.of();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    static double decimal(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
