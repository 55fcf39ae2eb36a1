package org.galvani.traceability.corpus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.galvani.trace.Implements;

/**
 * Writes a {@link CorpusShape} in OpenFastTrace's own format, for the side-by-side benchmark: markdown
 * specification items in {@code spec/} (hazards {@code haz~HAZ-001~1} needing {@code rc}; risk controls
 * {@code rc~RC-001~1} covering their hazard and needing {@code req}; in {@code spec/<module>.md} requirements
 * {@code req~SRS-GA-000~<version>} covering their control and needing {@code impl, utest}) and Java sources in
 * {@code src/} whose methods carry coverage tags: {@code [impl->req~ID~version]} in the implementation classes
 * and {@code [utest->req~ID~1]} in the test classes (version 1 as the Galvani tests state it, so the same links are
 * outdated). OpenFastTrace has no test results; the failed and skipped tests of the shape are ordinary tests here.
 */
@Implements("SRS-TRC-011")
public final class OftCorpus {

    private OftCorpus() {
    }

    /** Writes the corpus under {@code root}. */
    public static void write(Path root, CorpusShape shape) throws IOException {
        Path spec = Files.createDirectories(root.resolve("spec"));
        try (Writer md = Files.newBufferedWriter(spec.resolve("hazards.md"), StandardCharsets.UTF_8)) {
            md.write("# Generated register\n\n");
            for (int h = 0; h < shape.hazards(); h++) {
                md.write("### Hazard " + h + "\n`haz~" + shape.hazard(h) + "~1`\n\nEnergy. Situation " + h
                        + ". Harm: Harm.\n\nNeeds: rc\n\n");
            }
            for (int h = 0; h < shape.hazards(); h++) {
                md.write("### Control " + h + "\n`rc~" + shape.control(h) + "~1`\n\nGenerated control.\n\nCovers:\n\n* `haz~"
                        + shape.hazard(h) + "~1`\n\nNeeds: req\n\n");
            }
        }
        for (int m = 0; m < shape.modules(); m++) {
            try (Writer md = Files.newBufferedWriter(spec.resolve(shape.module(m) + ".md"), StandardCharsets.UTF_8)) {
                md.write("# Requirements of " + shape.module(m) + "\n\n");
                for (int r = m * shape.requirementsPerModule(); r < (m + 1) * shape.requirementsPerModule(); r++) {
                    md.write("### Generated requirement " + r + "\n`req~" + shape.requirement(r) + "~" + shape.version(r)
                            + "`\n\nThe system shall do thing " + r + " within its limits.\n\nRationale:\nGenerated.\n\n"
                            + "Covers:\n\n* `rc~" + shape.control(shape.controlOf(r)) + "~1`\n\nNeeds: impl, utest\n\n");
                }
            }
        }
        for (int first = 0; first < shape.requirements(); first += CorpusShape.IMPLEMENTATIONS_PER_CLASS) {
            StringBuilder source = header(shape.implementationClass(first));
            for (int i = first; i < first + CorpusShape.IMPLEMENTATIONS_PER_CLASS; i++) {
                method(source, "impl", shape.requirement(i), shape.version(i), shape.implementationMethod(i));
            }
            write(root, shape.module(first / shape.requirementsPerModule()), shape.implementationClass(first), source);
        }
        for (int c = 0; c < shape.testClasses(); c++) {
            StringBuilder source = header(shape.testClass(c));
            for (int t = c * CorpusShape.TESTS_PER_CLASS; t < (c + 1) * CorpusShape.TESTS_PER_CLASS; t++) {
                method(source, "utest", shape.requirement(shape.verifiedBy(t)), CorpusShape.TEST_VERSION,
                        shape.testMethod(t));
            }
            write(root, shape.module(shape.testModule(c)), shape.testClass(c), source);
        }
    }

    private static StringBuilder header(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return new StringBuilder("package ").append(internalName.substring(0, slash).replace('/', '.'))
                .append(";\n\npublic class ")
                .append(internalName.substring(slash + 1)).append(" {\n");
    }

    private static void method(StringBuilder source, String type, String requirement, int version, String name) {
        source.append("\n    // [").append(type).append("->req~").append(requirement).append('~').append(version)
                .append("]\n    public void ").append(name).append("() {\n    }\n");
    }

    private static void write(Path root, String module, String internalName, StringBuilder source) throws IOException {
        Path file = root.resolve("src/" + module + "/" + internalName + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.append("}\n"));
    }
}
