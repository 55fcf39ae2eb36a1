package org.galvani.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes a synthetic checkout for the traceability benchmark: {@code modules} modules, each with a
 * {@code requirements.yaml}, main classes whose methods carry {@code @Implements} and test classes whose
 * methods carry {@code @Verifies} (class files written with ASM), and one Surefire report per test class; and a
 * hazard register with one risk control per hazard, each named by requirements. About 1 % of the tests fail
 * and 1 % are skipped, so the gap paths are exercised too.
 */
public final class TraceCorpus {

    private TraceCorpus() {
    }

    /** Writes the corpus under {@code root}: requirements, hazards and tests as given (tests a multiple of 10). */
    public static void write(Path root, int modules, int requirements, int hazards, int tests) throws IOException {
        int perModule = requirements / modules;
        int testsPerClass = 10;
        int testClasses = tests / testsPerClass;
        int implementsPerClass = 5;
        writeRegister(root, hazards, requirements);
        for (int m = 0; m < modules; m++) {
            String module = "mod" + m;
            Path dir = Files.createDirectories(root.resolve(module));
            Files.writeString(dir.resolve("pom.xml"), "<project/>");
            try (Writer yaml = Files.newBufferedWriter(dir.resolve("requirements.yaml"), StandardCharsets.UTF_8)) {
                yaml.write("requirements:\n");
                for (int r = m * perModule; r < (m + 1) * perModule; r++) {
                    yaml.write("  - id: " + id(r) + "\n    version: " + (r % 50 == 0 ? 2 : 1)
                            + "\n    title: Generated requirement " + r + "\n    text: >-\n      The system shall do thing " + r
                            + " within its limits.\n    rationale: Generated.\n    riskControls: [" + control(r % hazards)
                            + "]\n    safetyClass: " + (r % 3 == 0 ? "B" : "C") + "\n");
                }
            }
            for (int c = 0; c < perModule / implementsPerClass; c++) {
                String name = "org/corpus/" + module + "/Impl" + c;
                String[][] members = new String[implementsPerClass][];
                for (int k = 0; k < implementsPerClass; k++) {
                    members[k] = new String[] {"run" + k, id(m * perModule + c * implementsPerClass + k)};
                }
                writeClass(root.resolve(module + "/target/classes/" + name + ".class"), name, "Lorg/galvani/trace/Implements;",
                        members, 0);
            }
        }
        for (int t = 0; t < testClasses; t++) {
            int m = t % modules;
            String module = "mod" + m;
            String name = "org/corpus/" + module + "/Check" + t + "Test";
            String[][] members = new String[testsPerClass][];
            StringBuilder report = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
                    + name.replace('/', '.') + "\" time=\"1.0\" tests=\"" + testsPerClass + "\">\n  <properties>\n"
                    + "    <property name=\"java.version\" value=\"17\"/>\n  </properties>\n");
            for (int k = 0; k < testsPerClass; k++) {
                int test = t * testsPerClass + k;
                members[k] = new String[] {"check" + k, id(test % requirements)};
                String caseName = k % 4 == 0 ? "check" + k + "(int)[1]" : "check" + k;
                String body = test % 100 == 7 ? "><failure message=\"expected: &lt;1&gt; but was: &lt;2&gt;\"/></testcase>"
                        : test % 100 == 13 ? "><skipped message=\"not applicable\"/></testcase>" : "/>";
                report.append("  <testcase name=\"").append(caseName).append("\" classname=\"").append(name.replace('/', '.'))
                        .append("\" time=\"0.001\"").append(body).append('\n');
            }
            report.append("</testsuite>\n");
            writeClass(root.resolve(module + "/target/test-classes/" + name + ".class"), name, "Lorg/galvani/trace/Verifies;",
                    members, 1);
            Path reportFile = root.resolve(module + "/target/surefire-reports/TEST-" + name.replace('/', '.') + ".xml");
            Files.createDirectories(reportFile.getParent());
            Files.writeString(reportFile, report);
        }
    }

    static String id(int requirement) {
        return String.format(java.util.Locale.ROOT, "SRS-C%02d-%03d", requirement / 1000, requirement % 1000);
    }

    static String control(int index) {
        return String.format(java.util.Locale.ROOT, "RC-%03d", index + 1);
    }

    private static void writeRegister(Path root, int hazards, int requirements) throws IOException {
        Path dir = Files.createDirectories(root.resolve("hazard-analysis"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        try (Writer yaml = Files.newBufferedWriter(dir.resolve("hazards.yaml"), StandardCharsets.UTF_8)) {
            yaml.write("title: Generated register\ncontrols:\n");
            for (int h = 0; h < hazards; h++) {
                yaml.write("  - id: " + control(h) + "\n    kind: protective-measure\n    owner: software\n    title: Control "
                        + h + "\n    text: Generated control.\n    verification:\n      implementation: [" + id(h % requirements)
                        + "]\n      effectiveness: [" + id(h % requirements) + "]\n");
            }
            yaml.write("hazards:\n");
            for (int h = 0; h < hazards; h++) {
                yaml.write(String.format(java.util.Locale.ROOT, "  - id: HAZ-%03d%n", h + 1) + "    title: Hazard " + h
                        + "\n    hazard: Energy\n    causes: [cause " + h + "]\n    situation: Situation " + h
                        + "\n    harm: Harm\n    initial: {severity: S4, probability: P4}\n    controls: [" + control(h)
                        + "]\n    residual: {severity: S4, probability: P1}\n");
            }
        }
    }

    private static void writeClass(Path file, String name, String annotation, String[][] members, int version)
            throws IOException {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        writer.visitSource(name.substring(name.lastIndexOf('/') + 1) + ".java", null);
        for (String[] member : members) {
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, member[0], "()V", null, null);
            AnnotationVisitor link = method.visitAnnotation(annotation, true);
            AnnotationVisitor ids = link.visitArray("value");
            ids.visit(null, member[1]);
            ids.visitEnd();
            if (version != 0) {
                link.visit("version", version);
            }
            link.visitEnd();
            method.visitCode();
            method.visitInsn(Opcodes.RETURN);
            method.visitMaxs(0, 1);
            method.visitEnd();
        }
        writer.visitEnd();
        Files.createDirectories(file.getParent());
        Files.write(file, writer.toByteArray());
    }
}
