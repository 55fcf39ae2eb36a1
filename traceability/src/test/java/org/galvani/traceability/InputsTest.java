package org.galvani.traceability;

import static org.galvani.traceability.FixtureRepo.requirement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.galvani.hazard.InputFormatException;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the inputs: requirement files, class files and test reports, and the errors for bad ones. */
class InputsTest {

    @TempDir
    Path dir;

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    @Test
    @Verifies("SRS-TRC-002")
    void readsTheLinksOfThisModulesOwnClassesWithTheirSourceLines() throws Exception {
        Path checkout = moduleDir().getParent();
        ClassScanner.Result scan = new ClassScanner(new SourceLocator(checkout)).scan(List.of(
                new ClassScanner.ClassDirectory(moduleDir().resolve("target/classes"), "traceability", false)));
        CodeLink tracer = scan.links().stream().filter(link -> link.className().equals(Tracer.class.getName())
                && link.requirement().equals("SRS-TRC-005")).findFirst().orElseThrow();
        assertEquals(LinkKind.IMPLEMENTS, tracer.kind());
        assertEquals(null, tracer.member());
        assertEquals("traceability/src/main/java/org/galvani/traceability/Tracer.java", tracer.source().file());
        List<String> lines = Files.readAllLines(checkout.resolve(tracer.source().file()));
        assertTrue(lines.get(tracer.source().line() - 1).contains("class Tracer"), lines.get(tracer.source().line() - 1));
        assertEquals(null, scan.classes().get(Tracer.class.getName()).superName());
    }

    @Test
    @Verifies("SRS-TRC-002")
    void findsMethodAndFieldLinksWithVersionsAndSkipsNothingElse() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", ""))
                .testClass("core", "org.fix.RulesTest").verifiesOn("rule", 3, "SRS-FIX-001", "SRS-FIX-002")
                .verifiesOn("check()", 0, "SRS-FIX-001").implementsOn(null, "SRS-FIX-001").build();
        List<CodeLink> links = new ClassScanner(new SourceLocator(dir)).scan(repo.sources().classDirectories()).links();
        assertEquals(List.of("@Implements SRS-FIX-001 0 org.fix.RulesTest", "@Verifies SRS-FIX-001 3 org.fix.RulesTest#rule",
                "@Verifies SRS-FIX-002 3 org.fix.RulesTest#rule", "@Verifies SRS-FIX-001 0 org.fix.RulesTest#check"),
                links.stream().map(l -> l.kind().annotation() + " " + l.requirement() + " " + l.version() + " "
                        + l.element()).toList());
        assertTrue(links.stream().allMatch(CodeLink::testCode));
    }

    @Test
    @Verifies("SRS-TRC-002")
    void aClassFileThatCannotBeReadIsAnErrorNamingIt() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", ""));
        repo.write("core/target/classes/org/fix/Broken.class", "not a class file");
        IOException error = assertThrows(IOException.class, () -> Tracer.trace(repo.sources()));
        assertTrue(error.getMessage().contains("core/target/classes/org/fix/Broken.class: not a class file ASM can read"),
                error.getMessage());
    }

    @Test
    @Verifies("SRS-TRC-003")
    void readsSurefireReportsAsSurefireWritesThem() throws Exception {
        Path reports = dir.resolve("m/target/surefire-reports");
        Files.createDirectories(reports);
        Files.copy(Path.of(getClass().getResource("/reports/TEST-org.galvani.drivers.sim.SimConformanceTest.xml").toURI()),
                reports.resolve("TEST-org.galvani.drivers.sim.SimConformanceTest.xml"));
        List<TestCase> cases = new TestReports(dir).read(List.of(reports));
        assertEquals(List.of("selfTestFailsWhenInduced SKIPPED", "aHealthyRunRaisesNoFault PASSED",
                "aFaultEndsWithTheOutputOff()[1] PASSED", "aFaultEndsWithTheOutputOff()[2] SKIPPED",
                "aFaultEndsWithTheOutputOff()[3] FAILED", "readingsAreFreshAndInOrder ERROR"),
                cases.stream().map(c -> c.name() + " " + c.status()).toList());
        assertEquals("aFaultEndsWithTheOutputOff", cases.get(2).methodName());
        assertEquals("m/target/surefire-reports/TEST-org.galvani.drivers.sim.SimConformanceTest.xml", cases.get(0).reportFile());
        assertTrue(cases.get(0).message().startsWith("Assumption failed: unverified claim"), cases.get(0).message());
        assertEquals("expected: <0> but was: <5>", cases.get(4).message());
    }

    @Test
    @Verifies("SRS-TRC-003")
    void aReportThatCannotBeReadIsAnErrorNamingFileAndLine() throws Exception {
        Path reports = dir.resolve("m/target/failsafe-reports");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("TEST-a.B.xml"), "<testsuite>\n<testcase name=\"x\" classname=\"a.B\">\n</testsuite>\n");
        IOException broken = assertThrows(IOException.class, () -> new TestReports(dir).read(List.of(reports)));
        assertTrue(broken.getMessage().matches("m/target/failsafe-reports/TEST-a\\.B\\.xml:\\d: not a readable test report"
                + " \\(.*testcase.*\\)"), broken.getMessage());
        Files.writeString(reports.resolve("TEST-a.B.xml"), "<testsuite>\n<testcase name=\"x\"/>\n</testsuite>\n");
        IOException nameless = assertThrows(IOException.class, () -> new TestReports(dir).read(List.of(reports)));
        assertTrue(nameless.getMessage().contains("a <testcase> without its name or classname"), nameless.getMessage());
    }

    @Test
    @Verifies("SRS-TRC-001")
    void aBadRequirementsFileOrAMissingRegisterIsAnErrorSayingWhere() throws Exception {
        FixtureRepo repo = new FixtureRepo(dir).module("core", requirement("SRS-FIX-001", 1, "C", ""));
        repo.write("core/requirements.yaml", "requirements:\n  - id: SRS-FIX-001\n    version: one\n");
        InputFormatException bad = assertThrows(InputFormatException.class, repo::trace);
        assertTrue(bad.getMessage().startsWith("core/requirements.yaml:"), bad.getMessage());
        Files.delete(dir.resolve("hazard-analysis/hazards.yaml"));
        IOException missing = assertThrows(IOException.class, () -> TraceSources.discover(dir));
        assertTrue(missing.getMessage().endsWith("the hazard register hazard-analysis/hazards.yaml is missing"));
        IOException notADirectory = assertThrows(IOException.class, () -> TraceSources.discover(dir.resolve("nowhere")));
        assertTrue(notADirectory.getMessage().contains("not a directory"));
    }

    @Test
    @Verifies("SRS-TRC-001")
    void readsEveryRequirementsFileOfThisCheckout() throws Exception {
        TraceSources sources = TraceSources.discover(moduleDir().getParent());
        List<String> modules = sources.requirementFiles().stream().map(TraceSources.ModuleFile::module).toList();
        assertTrue(modules.containsAll(List.of("app", "drivers", "hazard-analysis", "safety-kernel", "traceability",
                "verification")), modules.toString());
        List<Requirement> requirements = Tracer.readRequirements(sources);
        assertTrue(requirements.stream().anyMatch(r -> r.id().equals("SRS-TRC-001") && r.module().equals("traceability")
                && r.source().file().equals("traceability/requirements.yaml")));
        assertTrue(requirements.stream().anyMatch(r -> r.id().equals("SRS-KRN-001")));
    }
}
