package org.galvani.traceability;

import static org.galvani.traceability.FixtureRepo.requirement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceMainTest {

    @TempDir
    Path dir;

    @Test
    @Verifies("SRS-TRC-010")
    void aFailedPolicyThrowsWithEveryFailingGapAndTheEvidenceIsWrittenAnyway() throws Exception {
        FixtureRepo.mixed(dir.resolve("checkout")).sources();
        Path out = dir.resolve("out");
        TraceFailedException failed = assertThrows(TraceFailedException.class, () -> TraceMain.main(new String[] {
                "--root", dir.resolve("checkout").toString(), "--out", out.toString()}));
        assertTrue(failed.getMessage().startsWith("traceability policy failed (the built-in default policy): 2 gap(s) fail"
                + " the build:\n"), failed.getMessage());
        assertTrue(failed.getMessage().contains("  [TEST_FAILED] SRS-FIX-003: 1 of 1 case(s) failed"), failed.getMessage());
        assertTrue(failed.getMessage().contains("  [UNKNOWN_REQUIREMENT] @Implements names SRS-FIX-404"), failed.getMessage());
        assertTrue(Files.isRegularFile(out.resolve(TraceReports.HTML)));
    }

    @Test
    @Verifies("SRS-TRC-010")
    void aPassingPolicyReturnsQuietlyAndAPolicyFileIsUsed() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir.resolve("checkout")).module("core", requirement("SRS-FIX-001", 1, "A", "RC-001"))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001").build();
        repo.sources();
        Path policy = repo.write("policy.yaml", "failOn:\n  C: [ALL]\n  B: [ALL]\n  A: [TEST_FAILED]\nunclassified: C\n");
        TraceMain.main(new String[] {"--root", repo.root.toString(), "--out", dir.resolve("out").toString(),
                "--policy", policy.toString()});
        assertTrue(Files.readString(dir.resolve("out").resolve(TraceReports.GAPS)).contains("WARNING [NOT_VERIFIED] SRS-FIX-001"));
        Path strict = repo.write("strict.yaml", "failOn:\n  C: [ALL]\n  B: [ALL]\n  A: [ALL]\nunclassified: C\n");
        assertThrows(TraceFailedException.class, () -> TraceMain.main(new String[] {"--root", repo.root.toString(),
                "--out", dir.resolve("out").toString(), "--policy", strict.toString()}));
    }

    @Test
    @Verifies("SRS-TRC-010")
    void badArgumentsSayWhichIsWrong() {
        assertEquals("--root DIR and --out DIR are required", error("--root", "x"));
        assertEquals("unknown option --rooot (expected --root DIR --out DIR [--policy FILE])", error("--rooot", "x"));
        assertEquals("option --out needs a value", error("--root", "x", "--out"));
        assertTrue(error("--root", "x", "--out", "y", "--policy", "nowhere.yaml").startsWith("--policy nowhere.yaml: no such file ("));
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> TraceMain.main(args)).getMessage();
    }
}
