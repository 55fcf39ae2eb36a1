package org.galvani.traceability;

import static org.galvani.traceability.FixtureRepo.requirement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.galvani.traceability.FixtureRepo.Stated;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repeated {@code @Verifies} (the container {@code @Verifies.List}) read from class files: one version per
 * requirement on a test that verifies several, and the contradiction of one ID with two versions.
 */
class RepeatedVerifiesTest {

    @TempDir
    Path dir;

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    private List<String> links(FixtureRepo repo) throws IOException {
        return new ClassScanner(new SourceLocator(dir)).scan(repo.sources().classDirectories()).links().stream()
                .map(l -> l.kind().annotation() + " " + l.requirement() + " " + l.version() + " " + l.element())
                .toList();
    }

    @Test
    @Verifies("SRS-TRC-012")
    void aContainerWithTwoEntriesGivesEachIdItsOwnVersionOnMethodsTypesAndFields() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 2, "C", ""))
                .testClass("core", "org.fix.LedgerTest")
                .verifiesListOn(null, new Stated(2, "SRS-FIX-001"), new Stated(0, "SRS-FIX-002", "SRS-FIX-003"))
                .verifiesListOn("recovers()", new Stated(2, "SRS-FIX-001"), new Stated(0, "SRS-FIX-002"))
                .verifiesListOn("RULE", new Stated(3, "SRS-FIX-004"), new Stated(1, "SRS-FIX-005"))
                .build();
        // A class file holds its fields before its methods.
        assertEquals(List.of(
                "@Verifies SRS-FIX-001 2 org.fix.LedgerTest", "@Verifies SRS-FIX-002 0 org.fix.LedgerTest",
                "@Verifies SRS-FIX-003 0 org.fix.LedgerTest",
                "@Verifies SRS-FIX-004 3 org.fix.LedgerTest#RULE", "@Verifies SRS-FIX-005 1 org.fix.LedgerTest#RULE",
                "@Verifies SRS-FIX-001 2 org.fix.LedgerTest#recovers", "@Verifies SRS-FIX-002 0 org.fix.LedgerTest#recovers"),
                links(repo));
    }

    @Test
    @Verifies("SRS-TRC-012")
    void aSingleVerifiesAndAContainerOnOneElementAreBothRead() throws Exception {
        // javac allows one @Verifies next to a hand-written @Verifies.List; @Implements beside them stays as it was.
        FixtureRepo repo = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", ""))
                .testClass("core", "org.fix.MixedTest").verifiesOn("check()", 0, "SRS-FIX-001")
                .verifiesListOn("check()", new Stated(4, "SRS-FIX-002")).implementsOn("check()", "SRS-FIX-009")
                .build();
        assertEquals(List.of("@Implements SRS-FIX-009 0 org.fix.MixedTest#check",
                "@Verifies SRS-FIX-001 0 org.fix.MixedTest#check", "@Verifies SRS-FIX-002 4 org.fix.MixedTest#check"),
                links(repo));
    }

    @Test
    @Verifies("SRS-TRC-012")
    void anIdNamedAgainWithTheSameVersionIsOneLinkKeepingTheStatedVersion() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", ""))
                .testClass("core", "org.fix.TwiceTest")
                .verifiesListOn("same()", new Stated(2, "SRS-FIX-001", "SRS-FIX-002"), new Stated(2, "SRS-FIX-001"))
                .verifiesListOn("unstatedThenOne()", new Stated(0, "SRS-FIX-001"), new Stated(1, "SRS-FIX-001"))
                .verifiesListOn("oneThenUnstated()", new Stated(1, "SRS-FIX-001"), new Stated(0, "SRS-FIX-001"))
                .verifiesOn("inOne()", 0, "SRS-FIX-001", "SRS-FIX-001")
                .build();
        assertEquals(List.of(
                "@Verifies SRS-FIX-001 2 org.fix.TwiceTest#same", "@Verifies SRS-FIX-002 2 org.fix.TwiceTest#same",
                "@Verifies SRS-FIX-001 1 org.fix.TwiceTest#unstatedThenOne",
                "@Verifies SRS-FIX-001 1 org.fix.TwiceTest#oneThenUnstated",
                "@Verifies SRS-FIX-001 0 org.fix.TwiceTest#inOne"), links(repo));
    }

    @Test
    @Verifies("SRS-TRC-012")
    void anIdNamedWithTwoVersionsOnOneElementIsAnErrorNamingTheElementTheIdAndBothVersions() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 2, "C", ""))
                .testClass("core", "org.fix.ContradictionTest")
                .verifiesListOn("recovers()", new Stated(2, "SRS-FIX-001"), new Stated(0, "SRS-FIX-002", "SRS-FIX-001"))
                .build();
        repo.write("core/src/test/java/org/fix/ContradictionTest.java", "package org.fix;\n\nclass ContradictionTest {\n\n"
                + "    @Verifies(value = \"SRS-FIX-001\", version = 2)\n    @Verifies({\"SRS-FIX-002\", \"SRS-FIX-001\"})\n"
                + "    void recovers() {\n    }\n}\n");
        IOException error = assertThrows(IOException.class, repo::trace);
        assertEquals("core/src/test/java/org/fix/ContradictionTest.java:7 (org.fix.ContradictionTest#recovers): @Verifies"
                + " names SRS-FIX-001 with version 2 and with no version (read as version 1); a test is written against"
                + " one version of a requirement: name SRS-FIX-001 in one @Verifies", error.getMessage());

        // Without the source in the checkout the class file is named; stated versions are both shown.
        Files.delete(dir.resolve("core/src/test/java/org/fix/ContradictionTest.java"));
        repo.testClass("core", "org.fix.ContradictionTest").verifiesListOn(null, new Stated(1, "SRS-FIX-001"),
                new Stated(3, "SRS-FIX-001")).build();
        IOException noSource = assertThrows(IOException.class, repo::trace);
        assertTrue(noSource.getMessage().startsWith(dir.resolve("core/target/test-classes/org/fix/ContradictionTest.class")
                + " (org.fix.ContradictionTest): @Verifies names SRS-FIX-001 with version 1 and with version 3;"),
                noSource.getMessage());
    }

    @Test
    @Verifies({"SRS-TRC-012", "SRS-TRC-005"})
    void aTestThatStatesTheNewVersionOfOneIdOnlyIsNotSuspectAndStillSuspectForTheOther() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir)
                .module("core", requirement("SRS-FIX-001", 2, "C", "RC-001"), requirement("SRS-FIX-002", 1, "C", ""),
                        requirement("SRS-FIX-003", 2, "C", ""))
                .mainClass("core", "org.fix.Ledger").implementsOn(null, "SRS-FIX-001", "SRS-FIX-002", "SRS-FIX-003")
                .build()
                .testClass("core", "org.fix.LedgerTest")
                .verifiesListOn("recovers()", new Stated(2, "SRS-FIX-001"), new Stated(0, "SRS-FIX-002", "SRS-FIX-003"))
                .build()
                .result("core", "org.fix.LedgerTest", "recovers", "passed");
        TraceResult result = repo.trace();
        assertEquals(List.of(RequirementStatus.VERIFIED, RequirementStatus.VERIFIED, RequirementStatus.SUSPECT),
                result.requirements().stream().map(RequirementTrace::status).toList());
        assertEquals(List.of("SRS-FIX-003: @Verifies states no version (read as version 1); SRS-FIX-003 is at version 2:"
                + " review the test and state version = 2"), result.gaps().stream()
                .map(g -> g.requirement() + ": " + g.message()).toList());
        for (RequirementTrace row : result.requirements()) {
            assertEquals(1, row.tests().size(), row.requirement().id());
            assertEquals(TestOutcome.PASSED, row.tests().get(0).outcome(), row.requirement().id());
        }
    }

    /** Compiled by javac from this class, so the container's real encoding is what the scan reads. */
    @Test
    @Verifies("SRS-TRC-012")
    @Verifies(value = "SRS-TRC-002", version = 1)
    void readsTheContainerJavacWritesInThisModulesOwnTestClasses() throws Exception {
        Path checkout = moduleDir().getParent();
        List<CodeLink> links = new ClassScanner(new SourceLocator(checkout)).scan(List.of(
                new ClassScanner.ClassDirectory(moduleDir().resolve("target/test-classes"), "traceability", true)))
                .links().stream().filter(l -> l.element().equals(RepeatedVerifiesTest.class.getName()
                        + "#readsTheContainerJavacWritesInThisModulesOwnTestClasses")).toList();
        assertEquals(List.of("SRS-TRC-012 0", "SRS-TRC-002 1"),
                links.stream().map(l -> l.requirement() + " " + l.version()).toList());
        assertFalse(links.stream().anyMatch(l -> l.source() == null), "the source is in the checkout");
        List<String> lines = Files.readAllLines(checkout.resolve(links.get(0).source().file()));
        assertTrue(lines.get(links.get(0).source().line() - 1).contains("void readsTheContainerJavacWrites"),
                lines.get(links.get(0).source().line() - 1));
    }
}
