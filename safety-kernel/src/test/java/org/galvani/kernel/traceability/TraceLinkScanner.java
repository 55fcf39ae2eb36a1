package org.galvani.kernel.traceability;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.galvani.trace.Implements;
import org.galvani.trace.Verifies;

/**
 * Finds every {@link Implements} and {@link Verifies} (a single one or repeated) in compiled classes: on
 * types, methods, constructors and fields, in every class file under the given class-path roots.
 */
public final class TraceLinkScanner {

    private TraceLinkScanner() {
    }

    /** The class-path root (a directory of class files) that {@code type} was loaded from. */
    public static Path rootOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    public static List<TraceLink> scan(Path... roots) throws IOException {
        List<TraceLink> links = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException(root + " is not a directory of compiled classes");
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                    name = name.substring(0, name.length() - ".class".length());
                    if (!name.endsWith("package-info") && !name.endsWith("module-info")) {
                        linksOf(load(name), links);
                    }
                }
            }
        }
        return links;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, TraceLinkScanner.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }

    private static void linksOf(Class<?> type, List<TraceLink> links) {
        add(type, type.getName(), links);
        for (Member member : members(type)) {
            add((AnnotatedElement) member, type.getName() + "#" + member.getName(), links);
        }
    }

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredConstructors()));
        members.addAll(List.of(type.getDeclaredFields()));
        return members;
    }

    private static void add(AnnotatedElement element, String where, List<TraceLink> links) {
        Implements implemented = element.getDeclaredAnnotation(Implements.class);
        if (implemented != null) {
            for (String id : implemented.value()) {
                links.add(new TraceLink(TraceLink.IMPLEMENTS, id, 0, where));
            }
        }
        // @Verifies is repeatable: by type, both a single one and those in its container @Verifies.List.
        for (Verifies verified : element.getDeclaredAnnotationsByType(Verifies.class)) {
            for (String id : verified.value()) {
                links.add(new TraceLink(TraceLink.VERIFIES, id, verified.version(), where));
            }
        }
    }
}
