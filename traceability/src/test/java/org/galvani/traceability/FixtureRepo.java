package org.galvani.traceability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A small checkout written into a temporary folder for the tests: modules with requirements files, a hazard
 * register, class files generated with ASM carrying {@code @Implements}/{@code @Verifies} (so that no fixture
 * class ever sits in this module's own test classes, where the real trace would see it), and Surefire
 * reports in the format Surefire 3.5.4 writes.
 */
final class FixtureRepo {

    final Path root;
    private final Map<String, List<String>> reports = new LinkedHashMap<>();

    FixtureRepo(Path root) throws IOException {
        this.root = root;
        register("""
                title: Fixture register
                controls:
                  - id: RC-001
                    kind: inherent-safety
                    owner: software
                    title: Ceiling
                    text: The ceiling.
                    verification:
                      implementation: [SRS-FIX-001]
                      effectiveness: [SRS-FIX-001]
                hazards:
                  - id: HAZ-001
                    title: Burn
                    hazard: Current
                    causes: [too much current]
                    situation: Skin under an electrode
                    harm: Burn
                    initial: {severity: S4, probability: P4}
                    controls: [RC-001]
                    residual: {severity: S4, probability: P1}
                """);
    }

    /** Replaces the hazard register. */
    FixtureRepo register(String yaml) throws IOException {
        write("hazard-analysis/pom.xml", "<project/>");
        write("hazard-analysis/hazards.yaml", yaml);
        return this;
    }

    /** A module with a requirements file holding these requirements (each: id, version, class, controls). */
    FixtureRepo module(String module, String... requirements) throws IOException {
        write(module + "/pom.xml", "<project/>");
        StringBuilder yaml = new StringBuilder("requirements:\n");
        for (String requirement : requirements) {
            yaml.append(requirement);
        }
        write(module + "/requirements.yaml", yaml.toString());
        return this;
    }

    /** One requirement in the shared format. */
    static String requirement(String id, int version, String safetyClass, String controls, String... implementedIn) {
        return "  - id: " + id + "\n    version: " + version + "\n    title: Title of " + id + "\n    text: Text of "
                + id + "\n    rationale: Why " + id + "\n    riskControls: [" + controls + "]\n"
                + (implementedIn.length == 0 ? "" : "    implementedIn: [" + String.join(", ", implementedIn) + "]\n")
                + "    safetyClass: " + safetyClass + "\n";
    }

    Path write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    /** A class to generate. */
    final class ClassBuilder {
        private final String module;
        private final boolean test;
        private final String name;
        private String superName = "java/lang/Object";
        private final List<Object[]> annotations = new ArrayList<>();

        ClassBuilder(String module, boolean test, String name) {
            this.module = module;
            this.test = test;
            this.name = name.replace('.', '/');
        }

        ClassBuilder extending(String superClass) {
            this.superName = superClass.replace('.', '/');
            return this;
        }

        /** {@code @Implements} on the class (member null), a method ({@code name()}) or a field. */
        ClassBuilder implementsOn(String member, String... ids) {
            annotations.add(new Object[] {member, ClassScanner.IMPLEMENTS, ids, 0});
            return this;
        }

        ClassBuilder verifiesOn(String member, int version, String... ids) {
            annotations.add(new Object[] {member, ClassScanner.VERIFIES, ids, version});
            return this;
        }

        /**
         * {@code @Verifies.List}, the container javac writes for repeated {@code @Verifies}, holding one
         * {@code @Verifies} per entry (each written with its version before its IDs, as javac writes
         * {@code @Verifies(version = 2, value = "...")}).
         */
        ClassBuilder verifiesListOn(String member, Stated... entries) {
            annotations.add(new Object[] {member, ClassScanner.VERIFIES_LIST, entries, 0});
            return this;
        }

        /** Writes the class file into the module's target/classes or target/test-classes. */
        FixtureRepo build() throws IOException {
            ClassWriter writer = new ClassWriter(0);
            writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, null);
            writer.visitSource(name.substring(name.lastIndexOf('/') + 1).split("\\$")[0] + ".java", null);
            Map<String, List<Object[]>> byMember = new LinkedHashMap<>();
            for (Object[] annotation : annotations) {
                byMember.computeIfAbsent((String) annotation[0], k -> new ArrayList<>()).add(annotation);
            }
            for (Map.Entry<String, List<Object[]>> entry : byMember.entrySet()) {
                String member = entry.getKey();
                if (member == null) {
                    entry.getValue().forEach(a -> annotate(writer.visitAnnotation((String) a[1], true), a));
                } else if (member.endsWith("()")) {
                    MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, member.substring(0, member.length() - 2),
                            "()V", null, null);
                    entry.getValue().forEach(a -> annotate(method.visitAnnotation((String) a[1], true), a));
                    method.visitCode();
                    method.visitInsn(Opcodes.RETURN);
                    method.visitMaxs(0, 1);
                    method.visitEnd();
                } else {
                    FieldVisitor field = writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, member,
                            "Ljava/lang/Object;", null, null);
                    entry.getValue().forEach(a -> annotate(field.visitAnnotation((String) a[1], true), a));
                    field.visitEnd();
                }
            }
            writer.visitEnd();
            Path file = root.resolve(module).resolve(test ? "target/test-classes" : "target/classes").resolve(name + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, writer.toByteArray());
            return FixtureRepo.this;
        }

        private static void annotate(AnnotationVisitor visitor, Object[] annotation) {
            if (annotation[1].equals(ClassScanner.VERIFIES_LIST)) {
                AnnotationVisitor entries = visitor.visitArray("value");
                for (Stated entry : (Stated[]) annotation[2]) {
                    AnnotationVisitor one = entries.visitAnnotation(null, ClassScanner.VERIFIES);
                    if (entry.version() != 0) {
                        one.visit("version", entry.version());
                    }
                    AnnotationVisitor ids = one.visitArray("value");
                    for (String id : entry.ids()) {
                        ids.visit(null, id);
                    }
                    ids.visitEnd();
                    one.visitEnd();
                }
                entries.visitEnd();
                visitor.visitEnd();
                return;
            }
            AnnotationVisitor values = visitor.visitArray("value");
            for (String id : (String[]) annotation[2]) {
                values.visit(null, id);
            }
            values.visitEnd();
            if ((int) annotation[3] != 0) {
                visitor.visit("version", annotation[3]);
            }
            visitor.visitEnd();
        }
    }

    /** One {@code @Verifies} inside a {@code @Verifies.List}: its version (0: not stated) and its IDs. */
    record Stated(int version, String... ids) {
    }

    ClassBuilder mainClass(String module, String name) {
        return new ClassBuilder(module, false, name);
    }

    ClassBuilder testClass(String module, String name) {
        return new ClassBuilder(module, true, name);
    }

    /** A test case in the module's Surefire report of {@code className}: status passed, failed, error or skipped. */
    FixtureRepo result(String module, String className, String caseName, String status) {
        String body = switch (status) {
            case "passed" -> "/>";
            case "failed" -> "><failure message=\"expected: &lt;1&gt; but was: &lt;2&gt;\" type=\"org.opentest4j.AssertionFailedError\">"
                    + "<![CDATA[stack]]></failure></testcase>";
            case "error" -> "><error message=\"boom\" type=\"java.lang.IllegalStateException\"/></testcase>";
            case "skipped" -> "><skipped message=\"not applicable\"/></testcase>";
            default -> throw new IllegalArgumentException(status);
        };
        reports.computeIfAbsent(module + "/target/surefire-reports/TEST-" + className + ".xml", k -> new ArrayList<>())
                .add("  <testcase name=\"" + caseName.replace("<", "&lt;") + "\" classname=\"" + className
                        + "\" time=\"0.001\"" + body);
        return this;
    }

    /** Writes the reports added so far and returns the sources of the checkout. */
    TraceSources sources() throws IOException {
        for (Map.Entry<String, List<String>> report : reports.entrySet()) {
            String suite = report.getKey().substring(report.getKey().lastIndexOf("TEST-") + 5).replace(".xml", "");
            write(report.getKey(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=\"http://www.w3.org/2001/"
                    + "XMLSchema-instance\" version=\"3.0.2\" name=\"" + suite + "\" time=\"0.1\" tests=\""
                    + report.getValue().size() + "\" errors=\"0\" skipped=\"0\" failures=\"0\">\n  <properties>\n"
                    + "    <property name=\"java.version\" value=\"17\"/>\n  </properties>\n"
                    + String.join("\n", report.getValue()) + "\n</testsuite>\n");
        }
        return TraceSources.discover(root);
    }

    TraceResult trace() throws Exception {
        return Tracer.trace(sources());
    }


    /**
     * A checkout with every status: SRS-FIX-001 verified (HAZ-001), SRS-FIX-002 suspect, SRS-FIX-003 with a failing
     * test, SRS-FIX-004 unverified, in two modules, and a link to an unknown ID.
     */
    static FixtureRepo mixed(Path root) throws IOException {
        FixtureRepo repo = new FixtureRepo(root)
                .module("core", requirement("SRS-FIX-001", 1, "C", "RC-001"), requirement("SRS-FIX-002", 2, "C", ""),
                        requirement("SRS-FIX-003", 1, "B", "RC-001"))
                .module("edge", requirement("SRS-FIX-004", 1, "A", ""))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001", "SRS-FIX-002", "SRS-FIX-003")
                .build()
                .mainClass("edge", "org.fix.edge.Edge").implementsOn("run()", "SRS-FIX-004", "SRS-FIX-404").build()
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001")
                .verifiesOn("changed()", 0, "SRS-FIX-002").verifiesOn("broken()", 0, "SRS-FIX-003").build()
                .result("core", "org.fix.CeilingTest", "limits(int)[1]", "passed")
                .result("core", "org.fix.CeilingTest", "limits(int)[2]", "passed")
                .result("core", "org.fix.CeilingTest", "changed", "passed")
                .result("core", "org.fix.CeilingTest", "broken", "failed");
        repo.write("core/src/main/java/org/fix/Ceiling.java", "package org.fix;\n\n@Implements(\"SRS-FIX-001\")\n"
                + "public class Ceiling {\n}\n");
        repo.write("core/src/test/java/org/fix/CeilingTest.java", "package org.fix;\n\nclass CeilingTest {\n\n"
                + "    @Verifies(\"SRS-FIX-001\")\n    void limits(int n) {\n    }\n}\n");
        return repo;
    }
}
