package org.galvani.kernel.traceability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small line-based reader for {@code requirements.yaml}: a list of requirements, each starting with
 * {@code - id:} and holding {@code version:} and {@code title:} keys at the item's indentation (deeper
 * lines, such as folded text, are skipped). It reports what is wrong with the file rather than
 * stopping at the first problem, so that an auditor sees every gap.
 */
public final class RequirementsFile {

    /**
     * A requirement as declared; {@code version} is null when missing or not a positive integer.
     * {@code implementedIn} lists files that are not Java (scripts) which implement it, relative to the
     * module, from an {@code implementedIn: [file, ...]} key; empty for most requirements.
     */
    public record Requirement(String id, Integer version, String title, int line, List<String> implementedIn) {
    }

    private static final Pattern ITEM = Pattern.compile("^(\\s*)- (\\w+):\\s*(.*)$");
    private static final Pattern KEY = Pattern.compile("^(\\s*)(\\w+):\\s*(.*)$");
    private static final Pattern ID = Pattern.compile("SRS-[A-Z]+-\\d{3}");

    private final Map<String, Requirement> requirements = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private RequirementsFile() {
    }

    public static RequirementsFile read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static RequirementsFile parse(List<String> lines) {
        RequirementsFile file = new RequirementsFile();
        file.parseLines(lines);
        return file;
    }

    /** The declared requirements by ID, in file order (a duplicate keeps its first declaration). */
    public Map<String, Requirement> requirements() {
        return requirements;
    }

    /** Everything wrong with the file itself: malformed or duplicated IDs, missing or invalid versions. */
    public List<String> problems() {
        return problems;
    }

    private void parseLines(List<String> lines) {
        String id = null;
        int idLine = 0;
        int keyIndent = -1;
        String version = null;
        String title = null;
        List<String> implementedIn = List.of();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                finish(id, idLine, version, title, implementedIn);
                id = null;
                version = null;
                title = null;
                implementedIn = List.of();
                if (!item.group(2).equals("id")) {
                    problems.add("line " + (i + 1) + ": a requirement must start with its id, not '" + item.group(2) + "'");
                    keyIndent = -1;
                    continue;
                }
                id = unquote(item.group(3));
                idLine = i + 1;
                keyIndent = item.group(1).length() + 2;
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (id != null && key.matches() && key.group(1).length() == keyIndent) {
                if (key.group(2).equals("version")) {
                    version = unquote(key.group(3));
                } else if (key.group(2).equals("title")) {
                    title = unquote(key.group(3));
                } else if (key.group(2).equals("implementedIn")) {
                    implementedIn = inlineList(key.group(3));
                }
            }
        }
        finish(id, idLine, version, title, implementedIn);
        if (requirements.isEmpty()) {
            problems.add("no requirement declared");
        }
    }

    private void finish(String id, int line, String version, String title, List<String> implementedIn) {
        if (id == null) {
            return;
        }
        if (!ID.matcher(id).matches()) {
            problems.add("line " + line + ": '" + id + "' is not a requirement ID like SRS-KRN-001");
        }
        Integer number = null;
        if (version == null || version.isEmpty()) {
            problems.add(id + " (line " + line + "): no version");
        } else if (!version.matches("[1-9]\\d{0,8}")) {
            problems.add(id + " (line " + line + "): version '" + version + "' is not a positive integer");
        } else {
            number = Integer.valueOf(version);
        }
        Requirement previous = requirements.putIfAbsent(id, new Requirement(id, number, title, line, implementedIn));
        if (previous != null) {
            problems.add(id + " is declared twice (lines " + previous.line() + " and " + line + ")");
        }
    }

    /** {@code [a, b]} to its items; anything else to the single trimmed value. */
    private static List<String> inlineList(String value) {
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        List<String> items = new ArrayList<>();
        for (String item : v.split(",")) {
            if (!item.isBlank()) {
                items.add(unquote(item));
            }
        }
        return List.copyOf(items);
    }

    private static String unquote(String value) {
        String v = value.trim();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
