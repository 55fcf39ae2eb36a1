package org.galvani.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galvani trace} on a small checkout: exit codes, the evidence files, and located option errors. */
class TraceCommandTest {

    @TempDir
    Path root;

    @BeforeEach
    void checkout() throws Exception {
        Files.createDirectories(root.resolve("core"));
        Files.writeString(root.resolve("core/pom.xml"), "<project/>");
        Files.writeString(root.resolve("core/requirements.yaml"), """
                requirements:
                  - id: SRS-FIX-001
                    version: 1
                    title: A requirement
                    text: Implemented by a script, verified by nothing yet.
                    rationale: Shows a gap.
                    riskControls: [RC-001]
                    implementedIn: [run.sh]
                    safetyClass: C
                """);
        Files.writeString(root.resolve("core/run.sh"), "# SRS-FIX-001\n");
        Files.createDirectories(root.resolve("hazard-analysis"));
        Files.writeString(root.resolve("hazard-analysis/pom.xml"), "<project/>");
        Files.writeString(root.resolve("hazard-analysis/hazards.yaml"), """
                title: Register
                controls:
                  - id: RC-001
                    kind: inherent-safety
                    owner: software
                    title: Ceiling
                    text: The ceiling.
                    verification: {implementation: [SRS-FIX-001], effectiveness: [SRS-FIX-001]}
                hazards:
                  - id: HAZ-001
                    title: Burn
                    hazard: Current
                    causes: [too much current]
                    situation: Skin
                    harm: Burn
                    initial: {severity: S4, probability: P4}
                    controls: [RC-001]
                    residual: {severity: S4, probability: P1}
                """);
    }

    @Test
    @Verifies("SRS-APP-020")
    void gapsThatFailThePolicyExitWithOneAndAreListed() {
        CliRun run = CliRun.of("trace", "--root", root.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("1 requirements: 0 verified, 0 suspect, 1 with gaps;"), run.out());
        assertTrue(run.err().contains("  [NOT_VERIFIED] SRS-FIX-001: no @Verifies in any module's classes"
                + " (core/requirements.yaml:2)"), run.err());
        assertTrue(Files.isRegularFile(root.resolve("target/evidence/trace/trace-matrix.html")));
        assertTrue(Files.isRegularFile(root.resolve("target/evidence/trace/trace-matrix.reqif")));
    }

    @Test
    @Verifies("SRS-APP-020")
    void aPolicyThatFailsNothingExitsWithZeroAndWritesWhereAsked() throws Exception {
        Path policy = Files.writeString(root.resolve("lenient.yaml"), "failOn: {C: [], B: [], A: []}\nunclassified: C\n");
        CliRun run = CliRun.of("trace", "--root", root.toString(), "--out", root.resolve("out").toString(),
                "--policy", policy.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + root.resolve("out/trace-matrix.csv")), run.out());
    }

    @Test
    @Verifies({"SRS-APP-020", "SRS-APP-002"})
    void badOptionsAreUsageErrorsNamingTheOption() throws Exception {
        assertEquals(2, CliRun.of("trace", "--root", root.resolve("nowhere").toString()).exitCode());
        assertTrue(CliRun.of("trace", "--root", root.resolve("nowhere").toString()).err().contains("--root "
                + root.resolve("nowhere") + ": not a directory"));
        CliRun missing = CliRun.of("trace", "--root", root.toString(), "--policy", "missing.yaml");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--policy missing.yaml: no such file"), missing.err());
        Path bad = Files.writeString(root.resolve("bad.yaml"), "failOn: {C: [NOPE], B: [], A: []}\nunclassified: C\n");
        CliRun malformed = CliRun.of("trace", "--root", root.toString(), "--policy", bad.toString());
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.err().contains("'NOPE' is not a gap kind"), malformed.err());
        Path file = Files.writeString(root.resolve("afile"), "x");
        CliRun outIsFile = CliRun.of("trace", "--root", root.toString(), "--out", file.toString());
        assertEquals(2, outIsFile.exitCode());
        assertTrue(outIsFile.err().contains("exists and is not a directory"), outIsFile.err());
        assertEquals(2, CliRun.of("trace", "--rooot", ".").exitCode());
    }

    @Test
    @Verifies("SRS-APP-020")
    void anUnreadableInputExitsWithOneNamingTheFile() throws Exception {
        Files.writeString(root.resolve("core/requirements.yaml"), "requirements: [");
        CliRun run = CliRun.of("trace", "--root", root.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("galvani trace: core/requirements.yaml:"), run.err());
    }
}
