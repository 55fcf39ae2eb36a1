package org.galvani.kernel.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The self-check finds each kind of gap, so that a clean result means something. */
class TraceabilityGapsTest {

    private static final List<String> YAML = List.of(
            "# a comment",
            "requirements:",
            "  - id: SRS-KRN-001",
            "    version: 2",
            "    title: First",
            "    text: >-",
            "      a folded line that says version: 9 and id: SRS-KRN-999",
            "  - id: SRS-KRN-002",
            "    title: No version",
            "  - id: SRS-KRN-001",
            "    version: 1",
            "    title: Duplicate",
            "  - id: SRS-KRN-3",
            "    version: one",
            "    title: Bad ID, bad version",
            "  - title: Not starting with an id",
            "    version: 1");

    @Test
    void theReaderReportsEveryProblemOfTheFile() {
        RequirementsFile file = RequirementsFile.parse(YAML);

        assertEquals(List.of("SRS-KRN-001", "SRS-KRN-002", "SRS-KRN-3"), List.copyOf(file.requirements().keySet()));
        assertEquals(2, file.requirements().get("SRS-KRN-001").version(), "folded text is not read as keys");
        assertEquals(List.of(
                "SRS-KRN-002 (line 8): no version",
                "SRS-KRN-001 is declared twice (lines 3 and 10)",
                "line 13: 'SRS-KRN-3' is not a requirement ID like SRS-KRN-001",
                "SRS-KRN-3 (line 13): version 'one' is not a positive integer",
                "line 16: a requirement must start with its id, not 'title'"), file.problems());
    }

    @Test
    void anEmptyFileIsAProblem() {
        assertEquals(List.of("no requirement declared"), RequirementsFile.parse(List.of("requirements:")).problems());
    }

    @Test
    void missingDanglingAndSuspectLinksAreAllListed() {
        RequirementsFile file = RequirementsFile.parse(List.of(
                "requirements:",
                "  - id: SRS-KRN-001", "    version: 2", "    title: First",
                "  - id: SRS-KRN-002", "    version: 1", "    title: Second"));
        // Links as the scanner reports them (real annotations here would pollute the module's own check).
        List<TraceLink> links = List.of(
                new TraceLink(TraceLink.IMPLEMENTS, "SRS-KRN-001", 0, "a.Code"),
                new TraceLink(TraceLink.IMPLEMENTS, "SRS-KRN-404", 0, "a.Code#run"),
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-002", 3, "a.CodeTest#check"),
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-002", 0, "a.CodeTest#unversioned"),
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-001", 7, "a.CodeTest"));

        assertEquals(List.of("SRS-KRN-002 (Second): no @Implements"), TraceabilityGaps.unimplemented(file, links));
        assertEquals(List.of(), TraceabilityGaps.unverified(file, links));
        assertEquals(List.of("SRS-KRN-001 (First): no @Verifies", "SRS-KRN-002 (Second): no @Verifies"),
                TraceabilityGaps.unverified(file, links.subList(0, 2)));
        assertEquals(List.of(
                "a.Code#run: @Implements names SRS-KRN-404, which no requirements file declares",
                "a.CodeTest#check: @Verifies SRS-KRN-002 was written against version 3,"
                        + " the requirement is at version 1 (suspect)",
                "a.CodeTest: @Verifies SRS-KRN-001 was written against version 7,"
                        + " the requirement is at version 2 (suspect)"), TraceabilityGaps.dangling(file, links));
    }

    @Test
    void oneRequirementWithTwoVersionsOnOneElementIsListed() {
        RequirementsFile file = RequirementsFile.parse(List.of(
                "requirements:",
                "  - id: SRS-KRN-001", "    version: 2", "    title: First",
                "  - id: SRS-KRN-002", "    version: 1", "    title: Second"));
        // As the scanner reports repeated @Verifies: one link per ID of each annotation.
        List<TraceLink> links = List.of(
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-001", 2, "a.CodeTest#split"),
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-002", 0, "a.CodeTest#split"),
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-002", 1, "a.CodeTest#split"),
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-002", 0, "a.CodeTest#other"),
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-001", 2, "a.CodeTest#both"),
                new TraceLink(TraceLink.VERIFIES, "SRS-KRN-001", 0, "a.CodeTest#both"));
        assertEquals(List.of("a.CodeTest#both: @Verifies names SRS-KRN-001 with version 2 and with version 1"
                + " (contradictory)"), TraceabilityGaps.dangling(file, links));
    }

    @Test
    void scriptsThatImplementARequirementAreReadFromImplementedIn() {
        RequirementsFile file = RequirementsFile.parse(List.of(
                "requirements:",
                "  - id: SRS-APP-003",
                "    version: 1",
                "    title: Launcher",
                "    implementedIn: [../galvani, 'tools/run.sh']",
                "  - id: SRS-APP-004",
                "    version: 1",
                "    title: Plain"));
        assertEquals(List.of("../galvani", "tools/run.sh"), file.requirements().get("SRS-APP-003").implementedIn());
        assertEquals(List.of(), file.requirements().get("SRS-APP-004").implementedIn());
    }
}
