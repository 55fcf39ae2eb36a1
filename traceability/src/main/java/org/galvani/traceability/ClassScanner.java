package org.galvani.traceability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.galvani.trace.Implements;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads {@code @Implements} and {@code @Verifies} from class files with ASM, without loading the classes:
 * on types, methods, constructors and fields (an ArchUnit {@code @ArchTest} rule is a static field), in
 * main and test classes alike. Bridge and synthetic methods are skipped (javac copies annotations onto
 * them). A class file that cannot be read is an error naming the file.
 *
 * <p>{@code @Verifies} is repeatable: an element with several carries them in the container
 * {@code @Verifies.List}, each with its own version; a single one and the container are read alike, and an
 * element gives one link per requirement ID. An ID stated again with the same version (an unstated version
 * counting as 1, as everywhere) is the same link; stated with another version it is a contradiction no
 * reading could resolve for an auditor (which of the two did the reviewer mean?), so it is an error naming
 * the element, the ID and both versions.
 */
@Implements({"SRS-TRC-002", "SRS-TRC-012"})
public final class ClassScanner {

    static final String IMPLEMENTS = "Lorg/galvani/trace/Implements;";
    static final String VERIFIES = "Lorg/galvani/trace/Verifies;";
    static final String VERIFIES_LIST = "Lorg/galvani/trace/Verifies$List;";

    /** What a scan found: every link and every class (for the test class hierarchy). */
    public record Result(List<CodeLink> links, Map<String, ClassInfo> classes) {
        public Result {
            links = List.copyOf(links);
            classes = Collections.unmodifiableMap(new HashMap<>(classes));
        }
    }

    /** A directory of class files to scan, the module it belongs to and whether it holds tests. */
    public record ClassDirectory(Path directory, String module, boolean testCode) {
    }

    private final SourceLocator sources;

    /** A scanner that finds source files and lines through {@code sources}. */
    public ClassScanner(SourceLocator sources) {
        this.sources = sources;
    }

    /** Scans every class file under each directory (a missing directory holds nothing). */
    public Result scan(List<ClassDirectory> directories) throws IOException {
        List<Path> files = new ArrayList<>();
        List<ClassDirectory> owners = new ArrayList<>();
        for (ClassDirectory directory : directories) {
            if (!Files.isDirectory(directory.directory())) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(directory.directory())) {
                for (Path file : walk.filter(f -> f.getFileName().toString().endsWith(".class")).sorted().toList()) {
                    files.add(file);
                    owners.add(directory);
                }
            }
        }
        List<Scanned> scanned;
        try {
            scanned = java.util.stream.IntStream.range(0, files.size()).parallel()
                    .mapToObj(i -> read(files.get(i), owners.get(i))).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<CodeLink> links = new ArrayList<>();
        Map<String, ClassInfo> classes = new HashMap<>();
        for (Scanned one : scanned) {
            classes.putIfAbsent(one.info.name(), one.info);
            links.addAll(one.links);
        }
        return new Result(links, classes);
    }

    private record Scanned(ClassInfo info, List<CodeLink> links) {
    }

    private Scanned read(Path file, ClassDirectory owner) {
        ClassReader reader;
        try (InputStream in = Files.newInputStream(file)) {
            reader = new ClassReader(in);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot read the class file: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(file + ": not a class file ASM can read: " + e, e));
        }
        Collector collector = new Collector();
        try {
            reader.accept(collector, ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(file + ": not a class file ASM can read: " + e, e));
        }
        String name = collector.name.replace('/', '.');
        String superName = collector.superName == null || collector.superName.equals("java/lang/Object")
                ? null : collector.superName.replace('/', '.');
        String sourceFile = collector.sourceFile == null ? null
                : sources.sourceFile(owner.module(), owner.testCode(), packagePath(collector.name), collector.sourceFile);
        ClassInfo info = new ClassInfo(name, superName, owner.module(), owner.testCode(), sourceFile);
        List<CodeLink> links = new ArrayList<>();
        for (Annotated element : collector.elements) {
            SourceRef source = sourceFile == null ? null
                    : new SourceRef(sourceFile, sources.lineOf(sourceFile, element.kind, element.kind == ElementKind.TYPE
                            ? simpleName(name) : element.name, element.firstLine));
            String member = element.kind == ElementKind.TYPE ? null : element.name;
            for (String id : element.implemented) {
                links.add(new CodeLink(LinkKind.IMPLEMENTS, id, 0, name, member, owner.module(), owner.testCode(), source));
            }
            for (Map.Entry<String, Integer> verified : versionsOf(element, file, name, member, source).entrySet()) {
                links.add(new CodeLink(LinkKind.VERIFIES, verified.getKey(), verified.getValue(), name, member,
                        owner.module(), owner.testCode(), source));
            }
        }
        return new Scanned(info, links);
    }

    /**
     * The version each ID is verified against on one element, in the order first named, over all its
     * {@code @Verifies} (see the class comment).
     */
    private static Map<String, Integer> versionsOf(Annotated element, Path file, String className, String member,
            SourceRef source) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (VerifiesAnnotation annotation : element.verified) {
            for (String id : annotation.ids) {
                Integer earlier = versions.putIfAbsent(id, annotation.version);
                if (earlier == null || earlier == annotation.version) {
                    continue;
                }
                if (read(earlier) != read(annotation.version)) {
                    String where = (source != null ? source.toString() : file.toString()) + " ("
                            + (member == null ? className : className + "#" + member) + ")";
                    throw new UncheckedIOException(new IOException(where + ": @Verifies names " + id + " with "
                            + stated(earlier) + " and with " + stated(annotation.version) + "; a test is written"
                            + " against one version of a requirement: name " + id + " in one @Verifies"));
                }
                versions.put(id, Math.max(earlier, annotation.version)); // 0 and 1: keep the one stated
            }
        }
        return versions;
    }

    /** The version a @Verifies means: an unstated version (0) counts as 1. */
    private static int read(int version) {
        return version == 0 ? 1 : version;
    }

    private static String stated(int version) {
        return version == 0 ? "no version (read as version 1)" : "version " + version;
    }

    private static String packagePath(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash + 1);
    }

    private static String simpleName(String binaryName) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    /** What kind of element carries an annotation. */
    enum ElementKind { TYPE, METHOD, CONSTRUCTOR, FIELD }

    /** One {@code @Verifies} as written: its IDs and its version (0: not stated). */
    private static final class VerifiesAnnotation {
        final List<String> ids = new ArrayList<>();
        int version;
    }

    private static final class Annotated {
        final ElementKind kind;
        final String name;
        final List<String> implemented = new ArrayList<>();
        final List<VerifiesAnnotation> verified = new ArrayList<>();
        int firstLine;

        Annotated(ElementKind kind, String name) {
            this.kind = kind;
            this.name = name;
        }
    }

    private static final class Collector extends ClassVisitor {
        String name;
        String superName;
        String sourceFile;
        final List<Annotated> elements = new ArrayList<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            this.superName = superName;
        }

        @Override
        public void visitSource(String source, String debug) {
            this.sourceFile = source;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor, type());
        }

        private Annotated type() {
            for (Annotated element : elements) {
                if (element.kind == ElementKind.TYPE) {
                    return element;
                }
            }
            Annotated type = new Annotated(ElementKind.TYPE, name);
            elements.add(type);
            return type;
        }

        @Override
        public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature, Object value) {
            Annotated field = new Annotated(ElementKind.FIELD, fieldName);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation, field);
                }

                @Override
                public void visitEnd() {
                    keep(field);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                String[] exceptions) {
            if ((access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0) {
                return null;
            }
            Annotated method = new Annotated(methodName.equals("<init>") ? ElementKind.CONSTRUCTOR : ElementKind.METHOD,
                    methodName);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return annotation(annotation, method);
                }

                @Override
                public void visitLineNumber(int line, Label start) {
                    if (method.firstLine == 0 || line < method.firstLine) {
                        method.firstLine = line;
                    }
                }

                @Override
                public void visitEnd() {
                    keep(method);
                }
            };
        }

        private void keep(Annotated element) {
            if (!element.implemented.isEmpty() || !element.verified.isEmpty()) {
                elements.add(element);
            }
        }

        private AnnotationVisitor annotation(String descriptor, Annotated element) {
            if (descriptor.equals(IMPLEMENTS)) {
                return ids(element.implemented, null);
            } else if (descriptor.equals(VERIFIES)) {
                return verifies(element);
            } else if (descriptor.equals(VERIFIES_LIST)) {
                return verifiesList(element);
            }
            return null;
        }

        private static AnnotationVisitor verifies(Annotated element) {
            VerifiesAnnotation annotation = new VerifiesAnnotation();
            element.verified.add(annotation);
            return ids(annotation.ids, annotation);
        }

        /** {@code @Verifies.List({@Verifies(...), ...})}: each entry is read as a single {@code @Verifies}. */
        private static AnnotationVisitor verifiesList(Annotated element) {
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitArray(String key) {
                    if (!"value".equals(key)) {
                        return null;
                    }
                    return new AnnotationVisitor(Opcodes.ASM9) {
                        @Override
                        public AnnotationVisitor visitAnnotation(String ignored, String descriptor) {
                            return descriptor.equals(VERIFIES) ? verifies(element) : null;
                        }
                    };
                }
            };
        }

        /** Reads {@code value} (one ID or an array) into {@code ids}, and {@code version} when there is one. */
        private static AnnotationVisitor ids(List<String> ids, VerifiesAnnotation versioned) {
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String key, Object value) {
                    if (versioned != null && "version".equals(key) && value instanceof Integer version) {
                        versioned.version = version;
                    } else if ("value".equals(key) && value instanceof String id) {
                        ids.add(id);
                    }
                }

                @Override
                public AnnotationVisitor visitArray(String key) {
                    if (!"value".equals(key)) {
                        return null;
                    }
                    return new AnnotationVisitor(Opcodes.ASM9) {
                        @Override
                        public void visit(String ignored, Object value) {
                            if (value instanceof String id) {
                                ids.add(id);
                            }
                        }
                    };
                }
            };
        }
    }
}
