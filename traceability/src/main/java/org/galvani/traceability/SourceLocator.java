package org.galvani.traceability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.galvani.trace.Implements;

/**
 * Finds the source file of a compiled class in the checkout ({@code module/src/main/java} or
 * {@code module/src/test/java}, then any {@code module/src/*}{@code /java}) and the line that declares an
 * annotated element, so that every row of the matrix links to its source. Paths are relative to the root,
 * with {@code /}. Thread-safe; each file is read once.
 */
@Implements("SRS-TRC-002")
public final class SourceLocator {

    private final Path root;
    private final Map<String, Optional<String>> files = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    public SourceLocator(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The source file of a class ({@code packagePath} like {@code a/b/}), or null when not in the checkout. */
    public String sourceFile(String module, boolean testCode, String packagePath, String fileName) {
        String key = module + '|' + testCode + '|' + packagePath + fileName;
        return files.computeIfAbsent(key, k -> find(module, testCode, packagePath + fileName)).orElse(null);
    }

    private Optional<String> find(String module, boolean testCode, String relative) {
        Path moduleDir = root.resolve(module);
        for (String set : testCode ? List.of("test", "main") : List.of("main", "test")) {
            Path candidate = moduleDir.resolve("src").resolve(set).resolve("java").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(relativize(candidate));
            }
        }
        Path src = moduleDir.resolve("src");
        if (Files.isDirectory(src)) {
            try (var sets = Files.list(src)) {
                return sets.map(set -> set.resolve("java").resolve(relative)).filter(Files::isRegularFile).sorted()
                        .findFirst().map(this::relativize);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String relativize(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /**
     * The line declaring an element: the class, interface, enum or record; a field; a method (searching back
     * from its first line of code, {@code firstLine}, when known). 0 when it cannot be found.
     */
    int lineOf(String file, ClassScanner.ElementKind kind, String name, int firstLine) {
        List<String> text = lines.computeIfAbsent(file, this::read);
        if (text.isEmpty()) {
            return firstLine;
        }
        String quoted = Pattern.quote(name);
        Pattern declaration = switch (kind) {
            case TYPE -> Pattern.compile("\\b(class|interface|enum|record|@interface)\\s+" + quoted + "\\b");
            case FIELD -> Pattern.compile("\\b" + quoted + "\\s*(=|;)");
            case METHOD -> Pattern.compile("\\b" + quoted + "\\s*\\(");
            case CONSTRUCTOR -> Pattern.compile("\\b(public|protected|private)?\\s*[A-Z]\\w*\\s*\\(");
        };
        if (kind == ClassScanner.ElementKind.METHOD && firstLine > 0 && firstLine <= text.size()) {
            for (int i = firstLine - 1; i >= 0 && i >= firstLine - 40; i--) {
                if (declaration.matcher(text.get(i)).find()) {
                    return i + 1;
                }
            }
            return firstLine;
        }
        if (kind == ClassScanner.ElementKind.CONSTRUCTOR) {
            return firstLine;
        }
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).trim();
            if (!line.startsWith("*") && !line.startsWith("//") && !line.startsWith("/*")
                    && declaration.matcher(line).find()) {
                return i + 1;
            }
        }
        return firstLine;
    }

    private List<String> read(String file) {
        try {
            return Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
