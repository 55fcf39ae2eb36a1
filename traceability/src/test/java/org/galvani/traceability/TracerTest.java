package org.galvani.traceability;

import static org.galvani.traceability.FixtureRepo.requirement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain and every gap kind, each shown on a fixture checkout where it is the one gap. */
class TracerTest {

    @TempDir
    Path dir;

    /** A complete chain: HAZ-001 → RC-001 → SRS-FIX-001 → Ceiling → CeilingTest#limits passed. */
    private FixtureRepo complete() throws Exception {
        return new FixtureRepo(dir)
                .module("core", requirement("SRS-FIX-001", 1, "C", "RC-001"))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001").build()
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001").build()
                .result("core", "org.fix.CeilingTest", "limits", "passed");
    }

    private static List<Gap> gaps(TraceResult result, GapKind kind) {
        return result.gaps().stream().filter(gap -> gap.kind() == kind).toList();
    }

    @Test
    @Verifies({"SRS-TRC-001", "SRS-TRC-004"})
    void aCompleteChainIsVerifiedWithoutGaps() throws Exception {
        TraceResult result = complete().trace();
        assertEquals(List.of(), result.gaps());
        RequirementTrace row = result.requirements().get(0);
        assertEquals(RequirementStatus.VERIFIED, row.status());
        assertEquals(List.of("HAZ-001"), row.hazards());
        assertEquals(List.of("RC-001"), row.controls());
        assertEquals("core/requirements.yaml:2", row.requirement().source().toString());
        assertEquals("core", row.requirement().module());
        assertEquals("org.fix.Ceiling", row.implementations().get(0).element());
        assertEquals(TestOutcome.PASSED, row.tests().get(0).outcome());
        assertEquals(List.of("core/target/surefire-reports/TEST-org.fix.CeilingTest.xml"), row.tests().get(0).reportFiles());
        assertTrue(result.controls().get(0).verified());
    }

    @Test
    @Verifies("SRS-TRC-004")
    void aRequirementWithoutImplementationIsAGap() throws Exception {
        TraceResult result = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", "RC-001"))
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001").build()
                .result("core", "org.fix.CeilingTest", "limits", "passed").trace();
        Gap gap = gaps(result, GapKind.NOT_IMPLEMENTED).get(0);
        assertEquals("SRS-FIX-001", gap.requirement());
        assertEquals("C", gap.safetyClass());
        assertEquals("core/requirements.yaml:2", gap.where());
        assertEquals(RequirementStatus.GAP, result.requirements().get(0).status());
        // ... and so its control has no verified requirement.
        assertEquals(1, gaps(result, GapKind.CONTROL_NOT_VERIFIED).size());
    }

    @Test
    @Verifies("SRS-TRC-004")
    void aRequirementWithoutTestIsAGap() throws Exception {
        TraceResult result = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", "RC-001"))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001").build().trace();
        assertEquals(List.of(GapKind.NOT_VERIFIED, GapKind.CONTROL_NOT_VERIFIED),
                result.gaps().stream().map(Gap::kind).toList());
        assertTrue(result.gaps().get(1).message().contains("RC-001"), result.gaps().get(1).message());
        assertEquals("hazard-analysis/hazards.yaml:3:5", result.gaps().get(1).where());
    }

    @Test
    @Verifies({"SRS-TRC-003", "SRS-TRC-004"})
    void aFailingOrErroringTestIsAGapNamingTheCaseAndReport() throws Exception {
        TraceResult result = complete().result("core", "org.fix.CeilingTest", "limits", "failed").trace();
        Gap gap = gaps(result, GapKind.TEST_FAILED).get(0);
        assertEquals("1 of 2 case(s) failed, first org.fix.CeilingTest#limits: expected: <1> but was: <2>"
                + " (core/target/surefire-reports/TEST-org.fix.CeilingTest.xml)", gap.message());
        assertEquals("core: org.fix.CeilingTest#limits", gap.where());
        TraceResult erred = new FixtureRepo(dir.resolve("e")).module("core", requirement("SRS-FIX-001", 1, "C", ""))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001").build()
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001").build()
                .result("core", "org.fix.CeilingTest", "limits", "error").trace();
        assertTrue(gaps(erred, GapKind.TEST_FAILED).get(0).message().endsWith("limits: boom"
                + " (core/target/surefire-reports/TEST-org.fix.CeilingTest.xml)"));
    }

    @Test
    @Verifies({"SRS-TRC-003", "SRS-TRC-004"})
    void aTestWhoseCasesWereAllSkippedIsAGapButAPartlySkippedOneIsNot() throws Exception {
        TraceResult skipped = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", "RC-001"))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001").build()
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001").build()
                .result("core", "org.fix.CeilingTest", "limits(int)[1]", "skipped")
                .result("core", "org.fix.CeilingTest", "limits(int)[2]", "skipped").trace();
        Gap gap = gaps(skipped, GapKind.TEST_SKIPPED).get(0);
        assertEquals("all 2 case(s) skipped: not applicable (core/target/surefire-reports/TEST-org.fix.CeilingTest.xml)",
                gap.message());

        TraceResult partly = complete().result("core", "org.fix.CeilingTest", "limits", "skipped").trace();
        assertEquals(List.of(), partly.gaps());
        assertEquals(1, partly.requirements().get(0).tests().get(0).count(TestStatus.SKIPPED));
    }

    @Test
    @Verifies({"SRS-TRC-003", "SRS-TRC-004"})
    void aTestWithNoResultNeverRanAndIsAGap() throws Exception {
        TraceResult result = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", "RC-001"))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001").build()
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001").build()
                .result("core", "org.fix.CeilingTest", "limitsSomethingElse", "passed").trace();
        Gap gap = gaps(result, GapKind.TEST_NOT_RUN).get(0);
        assertEquals("no case of org.fix.CeilingTest#limits in any Surefire or Failsafe report", gap.message());
    }

    @Test
    @Verifies("SRS-TRC-004")
    void aLinkToAnUnknownRequirementIsAGap() throws Exception {
        TraceResult result = complete().mainClass("core", "org.fix.Stray").implementsOn("run()", "SRS-FIX-404").build()
                .trace();
        Gap gap = gaps(result, GapKind.UNKNOWN_REQUIREMENT).get(0);
        assertEquals("@Implements names SRS-FIX-404, which no requirements file declares", gap.message());
        assertEquals("core: org.fix.Stray#run", gap.where());
        assertEquals(null, gap.requirement());
        assertEquals(1, result.gaps().size());
    }

    @Test
    @Verifies("SRS-TRC-004")
    void anImplementedInFileMustExistAndNameTheRequirement() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir).module("core",
                        requirement("SRS-FIX-001", 1, "C", "RC-001", "scripts/run.sh"),
                        requirement("SRS-FIX-002", 1, "C", "", "scripts/missing.sh"),
                        requirement("SRS-FIX-003", 1, "C", "", "scripts/other.sh"))
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001", "SRS-FIX-002",
                        "SRS-FIX-003").build()
                .result("core", "org.fix.CeilingTest", "limits", "passed");
        repo.write("core/scripts/run.sh", "# implements SRS-FIX-001\n");
        repo.write("core/scripts/other.sh", "# names nothing\n");
        TraceResult result = repo.trace();
        List<Gap> broken = gaps(result, GapKind.BROKEN_IMPLEMENTED_IN);
        assertEquals(List.of("implementedIn names scripts/missing.sh (core/scripts/missing.sh), which does not exist",
                "implementedIn names core/scripts/other.sh, which does not name SRS-FIX-003"),
                broken.stream().map(Gap::message).toList());
        assertEquals(List.of("SRS-FIX-002", "SRS-FIX-003"), gaps(result, GapKind.NOT_IMPLEMENTED).stream()
                .map(Gap::requirement).toList());
        assertEquals(RequirementStatus.VERIFIED, result.requirements().get(0).status());
        assertTrue(result.requirements().get(0).implementations().get(0).file());
    }

    @Test
    @Verifies("SRS-TRC-004")
    void aControlWhoseRequirementsAllHaveGapsIsNotVerifiedAndHazardFindingsAreGaps() throws Exception {
        TraceResult result = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", "RC-001, RC-404"))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001").build()
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001").build()
                .result("core", "org.fix.CeilingTest", "limits", "failed").trace();
        Gap control = gaps(result, GapKind.CONTROL_NOT_VERIFIED).get(0);
        assertEquals("risk control RC-001 (Ceiling): none of its requirements [SRS-FIX-001] is implemented and verified"
                + " by passing tests", control.message());
        assertEquals("C", control.safetyClass());
        Gap finding = gaps(result, GapKind.HAZARD_ANALYSIS).get(0);
        assertTrue(finding.message().startsWith("[UNKNOWN_ID]") && finding.message().contains("RC-404"), finding.message());
        assertEquals("core/requirements.yaml:2", finding.where());
        assertFalse(result.controls().get(0).verified());
    }

    @Test
    @Verifies("SRS-TRC-005")
    void aLinkToAnotherVersionIsSuspectAndAnUnstatedVersionCountsAsOne() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir).module("core",
                        requirement("SRS-FIX-001", 1, "C", "RC-001"), requirement("SRS-FIX-002", 2, "C", ""))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001", "SRS-FIX-002").build()
                .testClass("core", "org.fix.CeilingTest")
                .verifiesOn("unstatedOnVersionOne()", 0, "SRS-FIX-001")
                .verifiesOn("unstatedOnVersionTwo()", 0, "SRS-FIX-002")
                .verifiesOn("reviewed()", 2, "SRS-FIX-002")
                .verifiesOn("older()", 1, "SRS-FIX-002")
                .verifiesOn("future()", 3, "SRS-FIX-002").build();
        for (String test : List.of("unstatedOnVersionOne", "unstatedOnVersionTwo", "reviewed", "older", "future")) {
            repo.result("core", "org.fix.CeilingTest", test, "passed");
        }
        TraceResult result = repo.trace();
        assertEquals(List.of(
                "@Verifies names version 3, but SRS-FIX-002 is only at version 2",
                "@Verifies states no version (read as version 1); SRS-FIX-002 is at version 2: review the test and state"
                        + " version = 2",
                "@Verifies was written against version 1; SRS-FIX-002 is at version 2: review the test and state version = 2"),
                gaps(result, GapKind.SUSPECT_LINK).stream().map(Gap::message).sorted().toList());
        assertEquals(3, result.gaps().size());
        assertEquals(RequirementStatus.VERIFIED, result.requirements().get(0).status());
        assertEquals(RequirementStatus.SUSPECT, result.requirements().get(1).status());
    }

    @Test
    @Verifies("SRS-TRC-003")
    void parameterizedFieldNestedAndInheritedTestsAreMatchedWithTheirCases() throws Exception {
        TraceResult result = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", "RC-001"),
                        requirement("SRS-FIX-002", 1, "C", ""), requirement("SRS-FIX-003", 1, "C", ""),
                        requirement("SRS-FIX-004", 1, "C", ""))
                .mainClass("core", "org.fix.Ceiling").implementsOn(null, "SRS-FIX-001", "SRS-FIX-002", "SRS-FIX-003",
                        "SRS-FIX-004").build()
                // A parameterized test and an ArchUnit rule (a static field).
                .testClass("core", "org.fix.CeilingTest").verifiesOn("limits()", 0, "SRS-FIX-001")
                .verifiesOn("theCoreDoesNoIo", 0, "SRS-FIX-002").build()
                .result("core", "org.fix.CeilingTest", "limits(int, String)[1]", "passed")
                .result("core", "org.fix.CeilingTest", "limits(int, String)[2]", "passed")
                .result("core", "org.fix.CeilingTest", "limitsMore", "failed")
                .result("core", "org.fix.CeilingTest", "theCoreDoesNoIo", "passed")
                // A class-level link on a test class with a nested class.
                .testClass("core", "org.fix.GroupTest").verifiesOn(null, 0, "SRS-FIX-003").build()
                .result("core", "org.fix.GroupTest$Inner", "works", "passed")
                // A check of an abstract kit, run in the subclass that names the stage.
                .testClass("core", "org.fix.Kit").verifiesOn("opens()", 0, "SRS-FIX-004").build()
                .testClass("core", "org.fix.SimKitTest").extending("org.fix.Kit").build()
                .result("core", "org.fix.SimKitTest", "opens", "passed").trace();
        assertEquals(List.of(), result.gaps());
        List<VerifyingTest> tests = result.requirements().stream().flatMap(row -> row.tests().stream()).toList();
        assertEquals(List.of(2, 1, 1, 1), tests.stream().map(test -> test.cases().size()).toList());
        assertEquals("org.fix.SimKitTest", tests.get(3).cases().get(0).className());
    }
}
