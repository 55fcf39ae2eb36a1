package org.galvani.traceability.corpus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.galvani.trace.Implements;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes a {@link CorpusShape} as a Galvani checkout: every module's {@code requirements.yaml}, the hazard
 * register with one risk control per hazard, main classes whose methods carry {@code @Implements} and test classes
 * whose methods carry {@code @Verifies} (class files written with ASM; no sources), and one Surefire report per
 * test class (every fourth case a parameterized {@code [1]} invocation).
 */
@Implements("SRS-TRC-011")
public final class GalvaniCorpus {

    private GalvaniCorpus() {
    }

    /** Writes the corpus under {@code root}. */
    public static void write(Path root, CorpusShape shape) throws IOException {
        writeRegister(root, shape);
        for (int m = 0; m < shape.modules(); m++) {
            Path dir = Files.createDirectories(root.resolve(shape.module(m)));
            Files.writeString(dir.resolve("pom.xml"), "<project/>");
            try (Writer yaml = Files.newBufferedWriter(dir.resolve("requirements.yaml"), StandardCharsets.UTF_8)) {
                yaml.write("requirements:\n");
                for (int r = m * shape.requirementsPerModule(); r < (m + 1) * shape.requirementsPerModule(); r++) {
                    yaml.write("  - id: " + shape.requirement(r) + "\n    version: " + shape.version(r)
                            + "\n    title: Generated requirement " + r + "\n    text: >-\n      The system shall do thing " + r
                            + " within its limits.\n    rationale: Generated.\n    riskControls: ["
                            + shape.control(shape.controlOf(r)) + "]\n    safetyClass: " + shape.safetyClass(r) + "\n");
                }
            }
        }
        for (int first = 0; first < shape.requirements(); first += CorpusShape.IMPLEMENTATIONS_PER_CLASS) {
            String[][] members = new String[CorpusShape.IMPLEMENTATIONS_PER_CLASS][];
            for (int k = 0; k < members.length; k++) {
                members[k] = new String[] {shape.implementationMethod(first + k), shape.requirement(first + k)};
            }
            String name = shape.implementationClass(first);
            int module = first / shape.requirementsPerModule();
            writeClass(root.resolve(shape.module(module) + "/target/classes/" + name + ".class"), name,
                    "Lorg/galvani/trace/Implements;", members, 0);
        }
        for (int c = 0; c < shape.testClasses(); c++) {
            String module = shape.module(shape.testModule(c));
            String name = shape.testClass(c);
            String binaryName = name.replace('/', '.');
            String[][] members = new String[CorpusShape.TESTS_PER_CLASS][];
            StringBuilder report = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
                    + binaryName + "\" time=\"1.0\" tests=\"" + CorpusShape.TESTS_PER_CLASS + "\">\n  <properties>\n"
                    + "    <property name=\"java.version\" value=\"17\"/>\n  </properties>\n");
            for (int k = 0; k < CorpusShape.TESTS_PER_CLASS; k++) {
                int test = c * CorpusShape.TESTS_PER_CLASS + k;
                String method = shape.testMethod(test);
                members[k] = new String[] {method, shape.requirement(shape.verifiedBy(test))};
                String caseName = k % 4 == 0 ? method + "(int)[1]" : method;
                String body = shape.failed(test) ? "><failure message=\"expected: &lt;1&gt; but was: &lt;2&gt;\"/></testcase>"
                        : shape.skipped(test) ? "><skipped message=\"not applicable\"/></testcase>" : "/>";
                report.append("  <testcase name=\"").append(caseName).append("\" classname=\"").append(binaryName)
                        .append("\" time=\"0.001\"").append(body).append('\n');
            }
            report.append("</testsuite>\n");
            writeClass(root.resolve(module + "/target/test-classes/" + name + ".class"), name,
                    "Lorg/galvani/trace/Verifies;", members, CorpusShape.TEST_VERSION);
            Path reportFile = root.resolve(module + "/target/surefire-reports/TEST-" + binaryName + ".xml");
            Files.createDirectories(reportFile.getParent());
            Files.writeString(reportFile, report);
        }
    }

    private static void writeRegister(Path root, CorpusShape shape) throws IOException {
        Path dir = Files.createDirectories(root.resolve("hazard-analysis"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        try (Writer yaml = Files.newBufferedWriter(dir.resolve("hazards.yaml"), StandardCharsets.UTF_8)) {
            yaml.write("title: Generated register\ncontrols:\n");
            for (int h = 0; h < shape.hazards(); h++) {
                String verifiedBy = shape.requirement(h % shape.requirements());
                yaml.write("  - id: " + shape.control(h) + "\n    kind: protective-measure\n    owner: software\n    title: Control "
                        + h + "\n    text: Generated control.\n    verification:\n      implementation: [" + verifiedBy
                        + "]\n      effectiveness: [" + verifiedBy + "]\n");
            }
            yaml.write("hazards:\n");
            for (int h = 0; h < shape.hazards(); h++) {
                yaml.write(String.format(Locale.ROOT, "  - id: %s%n", shape.hazard(h)) + "    title: Hazard " + h
                        + "\n    hazard: Energy\n    causes: [cause " + h + "]\n    situation: Situation " + h
                        + "\n    harm: Harm\n    initial: {severity: S4, probability: P4}\n    controls: [" + shape.control(h)
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
