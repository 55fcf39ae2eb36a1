package org.galvani.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class RequirementsReaderTest {

    @Test
    @Verifies(value = "SRS-HAZ-006", version = 2)
    void readsIdVersionClassLineAndControls() throws Exception {
        List<RequirementLink> links = RequirementsReader.read(Fixtures.path("requirements.yaml"), "fixtures/requirements.yaml");
        assertEquals(List.of(
                new RequirementLink("SRS-TST-001", 2, "C", "fixtures/requirements.yaml", 3, List.of("RC-001", "RC-002", "RC-003")),
                new RequirementLink("SRS-TST-002", 1, "B", "fixtures/requirements.yaml",
                        Fixtures.lineOf("requirements.yaml", "unknown control"), List.of("RC-404"))), links);
    }

    @Test
    @Verifies(value = "SRS-HAZ-006", version = 2)
    void readsTheKernelsRequirementsFile() throws Exception {
        Path kernel = Path.of(System.getProperty("basedir", ".")).resolve("../safety-kernel/requirements.yaml").normalize();
        List<RequirementLink> links = RequirementsReader.read(kernel, "safety-kernel/requirements.yaml");
        RequirementLink first = links.get(0);
        assertEquals("SRS-KRN-001", first.id());
        assertEquals(List.of("RC-020", "RC-001", "RC-002"), first.controls());
        assertEquals("C", first.safetyClass());
        assertEquals("safety-kernel/requirements.yaml:" + first.line(), first.location().toString());
    }

    @Test
    @Verifies(value = "SRS-HAZ-006", version = 2)
    void badRequirementsAreErrorsNamingFileLineAndColumn() {
        String good = """
                requirements:
                  - id: SRS-TST-001
                    version: 1
                    title: T
                    text: X
                    rationale: R
                    riskControls: [RC-001]
                    safetyClass: C
                """;
        assertEquals("q.yaml:3:14: requirement SRS-TST-001 version must be a positive integer, not 'one'",
                error(good.replace("version: 1", "version: one")));
        assertEquals("q.yaml:3:14: requirement SRS-TST-001 version must be a positive integer, not '0'",
                error(good.replace("version: 1", "version: 0")));
        assertEquals("q.yaml:8:18: requirement SRS-TST-001: safetyClass 'D' is not one of A, B, C (IEC 62304)",
                error(good.replace("safetyClass: C", "safetyClass: D")));
        assertEquals("q.yaml:7:19: requirement SRS-TST-001 riskControls must be a list, not the value 'RC-001'",
                error(good.replace("[RC-001]", "RC-001")));
        assertEquals("q.yaml:2:5: a requirement: missing key 'riskControls'",
                error(good.replace("    riskControls: [RC-001]\n", "")));
        assertEquals("q.yaml:9:5: a requirement: unknown key 'owner' (allowed: id, version, title, text, rationale,"
                + " riskControls, safetyClass, implementedIn)", error(good + "    owner: me\n"));
        assertEquals("q.yaml:1:1: the requirements file: unknown key 'hazards' (allowed: requirements)",
                error("hazards: []\n" + good));
    }

    @Test
    @Verifies(value = "SRS-HAZ-006", version = 2)
    void readsTheFullDeclarationWithTitleTextRationaleAndImplementedIn() throws Exception {
        List<RequirementDeclaration> declarations = RequirementsReader.readDeclarations(
                Fixtures.path("requirements.yaml"), "fixtures/requirements.yaml");
        assertEquals(2, declarations.size());
        RequirementDeclaration first = declarations.get(0);
        assertEquals("SRS-TST-001", first.link().id());
        assertEquals("Ceiling and cut-off", first.title());
        assertEquals("The fixture's requirement.", first.text());
        assertEquals("Links the fixture's controls.", first.rationale());
        assertEquals(List.of(), first.implementedIn());
        RequirementDeclaration second = declarations.get(1);
        int line = Fixtures.lineOf("requirements.yaml", "implementedIn");
        assertEquals(List.of(new Reference("tools/check.sh", new Location("fixtures/requirements.yaml", line, 21))),
                second.implementedIn());
        assertEquals(RequirementsReader.read(Fixtures.path("requirements.yaml"), "fixtures/requirements.yaml"),
                declarations.stream().map(RequirementDeclaration::link).toList());
    }

    private static String error(String text) {
        return assertThrows(InputFormatException.class, () -> RequirementsReader.parse("q.yaml", text)).getMessage();
    }
}
