package org.galvani.verification.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is staged for KeY, and that a kernel source with JML outside the proved scope is found, on a small
 * made-up source tree (the real one is checked by KernelContractProofTest).
 */
class ProofStageTest {

    @TempDir
    Path tree;

    private Path kernel;
    private Path trace;

    private ProofStage stage() throws IOException {
        kernel = tree.resolve("kernel");
        trace = tree.resolve("trace");
        write(kernel, "org/galvani/kernel/policy/Limit.java", "class Limit { /*@ public normal_behavior @*/ void f() {} }");
        write(kernel, "org/galvani/kernel/policy/Plain.java", "class Plain {}");
        write(kernel, "org/galvani/kernel/policy/inner/Nested.java", "class Nested {}");
        write(kernel, "org/galvani/kernel/TransitionTable.java", "class TransitionTable { //@ ensures true;\n }");
        write(kernel, "org/galvani/kernel/KernelState.java", "enum KernelState { A }");
        write(kernel, "org/galvani/kernel/SafetyKernel.java", "class SafetyKernel { /** no JML: /* @ */ }");
        write(trace, "org/galvani/trace/Implements.java", "@interface Implements {}");
        return new ProofStage(kernel, trace);
    }

    @Test
    @Verifies("SRS-VER-001")
    void stagesThePolicyFolderAndTheNamedFilesOnly() throws IOException {
        assertEquals(List.of(Path.of("org/galvani/kernel/KernelState.java"), Path.of("org/galvani/kernel/TransitionTable.java"),
                        Path.of("org/galvani/kernel/policy/Limit.java"), Path.of("org/galvani/kernel/policy/Plain.java")),
                stage().stagedKernelSources());
    }

    @Test
    @Verifies("SRS-VER-001")
    void everyJmlSourceInScopeLeavesNothingUnstaged() throws IOException {
        ProofStage stage = stage();
        assertEquals(List.of(Path.of("org/galvani/kernel/TransitionTable.java"), Path.of("org/galvani/kernel/policy/Limit.java")),
                stage.jmlAnnotatedKernelSources());
        assertEquals(List.of(), stage.unstagedJmlSources());
    }

    @Test
    @Verifies("SRS-VER-001")
    void findsAContractOutsideTheScopeInAnyPackage() throws IOException {
        ProofStage stage = stage();
        write(kernel, "org/galvani/kernel/SafetyKernel.java", "class SafetyKernel { /*@ ensures true; @*/ void f() {} }");
        write(kernel, "org/galvani/kernel/policy/inner/Nested.java", "class Nested { //@ invariant true;\n }");
        assertEquals(List.of(Path.of("org/galvani/kernel/SafetyKernel.java"), Path.of("org/galvani/kernel/policy/inner/Nested.java")),
                stage.unstagedJmlSources());
    }

    @Test
    void copiesTheScopeTheAnnotationAndTheFixturesIntoAnEmptiedFolder() throws IOException {
        ProofStage stage = stage();
        Path fixtures = tree.resolve("fixtures");
        write(fixtures, "canary/Canary.java", "class Canary {}");
        Path folder = tree.resolve("stage");
        write(folder, "left/over/Old.java", "class Old {}");

        stage.stageInto(folder, List.of(fixtures));

        for (String staged : List.of("org/galvani/kernel/KernelState.java", "org/galvani/kernel/TransitionTable.java",
                "org/galvani/kernel/policy/Limit.java", "org/galvani/kernel/policy/Plain.java",
                "org/galvani/trace/Implements.java", "canary/Canary.java")) {
            assertTrue(Files.isRegularFile(folder.resolve(staged)), staged + " is not staged");
        }
        assertTrue(Files.notExists(folder.resolve("left")), "the folder was not emptied first");
        assertTrue(Files.notExists(folder.resolve("org/galvani/kernel/SafetyKernel.java")));
        assertTrue(Files.notExists(folder.resolve("org/galvani/kernel/policy/inner")));
        assertEquals(List.of("org.galvani.kernel.KernelState", "org.galvani.kernel.TransitionTable",
                "org.galvani.kernel.policy.Limit", "org.galvani.kernel.policy.Plain"), stage.stagedKernelClasses());
    }

    @Test
    void aFixtureMayNotShadowAKernelClass() throws IOException {
        ProofStage stage = stage();
        Path fixtures = tree.resolve("fixtures");
        write(fixtures, "org/galvani/kernel/KernelState.java", "enum KernelState { B }");
        assertThrows(IllegalStateException.class, () -> stage.stageInto(tree.resolve("stage"), List.of(fixtures)));
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
