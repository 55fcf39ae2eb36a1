package org.galvani.hazard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class RiskMatrixTest {

    /** A 3 × 4 plan of its own: three severities, four probabilities. */
    private static final String CUSTOM = """
            title: Custom scales
            severity:
              name: Harm
              levels:
                - {id: minor, name: Minor, description: Heals by itself.}
                - {id: major, name: Major, description: Needs a doctor.}
                - {id: fatal, name: Fatal, description: Death.}
            probability:
              name: Likelihood
              levels:
                - {id: rare, name: Rare, description: Almost never.}
                - {id: low, name: Low, description: Seldom.}
                - {id: mid, name: Medium, description: Sometimes.}
                - {id: high, name: High, description: Often.}
            acceptability:
              minor: [acceptable, acceptable, acceptable, alarp]
              major: [acceptable, alarp, alarp, unacceptable]
              fatal: [alarp, unacceptable, unacceptable, unacceptable]
            controls: []
            hazards:
              - id: HAZ-001
                title: Burn
                hazard: Current
                causes: [Too much current]
                situation: High density
                harm: Burn
                initial: {severity: major, probability: high}
                controls: []
                residual: {severity: major, probability: high}
              - id: HAZ-002
                title: Burn
                hazard: Current
                causes: [Too much current]
                situation: High density
                harm: Burn
                initial: {severity: S3, probability: P3}
                controls: []
                residual: {severity: minor, probability: rare}
            """;

    @Test
    @Verifies("SRS-HAZ-002")
    void scalesAndMatrixAreReadFromTheRegister() throws Exception {
        HazardRegister register = RegisterReader.parse("c.yaml", CUSTOM);
        RiskMatrix matrix = register.matrix();
        assertEquals("Harm", matrix.severity().name());
        assertEquals(List.of("minor", "major", "fatal"), matrix.severity().levels().stream().map(Level::id).toList());
        assertEquals(List.of(1, 2, 3), matrix.severity().levels().stream().map(Level::rank).toList());
        assertEquals("Needs a doctor.", matrix.severity().level("major").orElseThrow().description());
        assertEquals(4, matrix.probability().size());
        assertEquals(Acceptability.UNACCEPTABLE, matrix.acceptability(matrix.severity().level("major").orElseThrow(),
                matrix.probability().level("high").orElseThrow()));
        assertEquals(Acceptability.ALARP, matrix.acceptability(matrix.severity().level("fatal").orElseThrow(),
                matrix.probability().level("rare").orElseThrow()));
        assertEquals(Acceptability.ACCEPTABLE, matrix.acceptability(matrix.severity().level("minor").orElseThrow(),
                matrix.probability().level("mid").orElseThrow()));
        assertEquals(Optional.of(Acceptability.UNACCEPTABLE), matrix.resolve(register.hazards().get(0).initial()));
    }

    @Test
    @Verifies("SRS-HAZ-002")
    void theCustomMatrixDecidesTheChecks() throws Exception {
        List<Finding> findings = RegisterChecker.check(RegisterReader.parse("c.yaml", CUSTOM), List.of());
        // major/high is unacceptable in this plan (it would be S3/P5 elsewhere): no control, no rationale.
        assertEquals(List.of(
                "c.yaml:21:5: error [UNCONTROLLED_UNACCEPTABLE_RISK] hazard HAZ-001 has an unacceptable initial risk (major/high) and no risk control",
                "c.yaml:29:26: error [UNACCEPTABLE_RESIDUAL_WITHOUT_RATIONALE] hazard HAZ-001 has an unacceptable residual risk (major/high) and no benefit-risk rationale (benefitRisk)",
                "c.yaml:36:25: error [UNKNOWN_ID] hazard HAZ-002 initial risk: severity 'S3' is not a level of the severity scale [minor, major, fatal]",
                "c.yaml:36:42: error [UNKNOWN_ID] hazard HAZ-002 initial risk: probability 'P3' is not a level of the probability scale [rare, low, mid, high]"),
                findings.stream().map(Finding::toString).toList());
    }

    @Test
    @Verifies("SRS-HAZ-002")
    void withoutScalesTheDefaultFiveByFiveApplies() throws Exception {
        HazardRegister register = RegisterReader.parse("d.yaml", "title: T\ncontrols: []\nhazards: []\n");
        RiskMatrix matrix = register.matrix();
        assertEquals(List.of("S1", "S2", "S3", "S4", "S5"), matrix.severity().levels().stream().map(Level::id).toList());
        assertEquals(List.of("P1", "P2", "P3", "P4", "P5"), matrix.probability().levels().stream().map(Level::id).toList());
        String[] expected = {"AAAAR", "AAARR", "AARRU", "ARRUU", "RRUUU"};
        for (int s = 0; s < 5; s++) {
            StringBuilder row = new StringBuilder();
            for (int p = 0; p < 5; p++) {
                row.append(switch (matrix.cells().get(s).get(p)) {
                    case ACCEPTABLE -> 'A';
                    case ALARP -> 'R';
                    case UNACCEPTABLE -> 'U';
                });
            }
            assertEquals(expected[s], row.toString(), "row S" + (s + 1));
        }
    }

    @Test
    @Verifies("SRS-HAZ-002")
    void scalesAndMatrixComeTogetherOrNotAtAll() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> RegisterReader.parse("p.yaml",
                CUSTOM.substring(0, CUSTOM.indexOf("probability:")) + "controls: []\nhazards: []\n"));
        assertEquals("p.yaml:1:1: severity, probability and acceptability are stated together or not at all (then the"
                + " default 5 x 5 matrix applies)", e.getMessage());
    }

    @Test
    @Verifies({"SRS-HAZ-002", "SRS-HAZ-005"})
    void aMatrixThatDoesNotFitItsScalesIsAnError() {
        InputFormatException shortRow = assertThrows(InputFormatException.class, () -> RegisterReader.parse("m.yaml",
                CUSTOM.replace("major: [acceptable, alarp, alarp, unacceptable]", "major: [acceptable, alarp, alarp]")));
        assertEquals("m.yaml:17:10: acceptability row major has 3 cells; the probability scale has 4 levels",
                shortRow.getMessage());
        InputFormatException missingRow = assertThrows(InputFormatException.class, () -> RegisterReader.parse("m.yaml",
                CUSTOM.replace("  fatal: [alarp, unacceptable, unacceptable, unacceptable]\n", "")));
        assertEquals("m.yaml:16:3: acceptability: missing key 'fatal'", missingRow.getMessage());
        InputFormatException unknownRow = assertThrows(InputFormatException.class, () -> RegisterReader.parse("m.yaml",
                CUSTOM.replace("  fatal: [", "  deadly: [")));
        assertEquals("m.yaml:18:3: acceptability: unknown key 'deadly' (allowed: minor, major, fatal)", unknownRow.getMessage());
        InputFormatException word = assertThrows(InputFormatException.class, () -> RegisterReader.parse("m.yaml",
                CUSTOM.replace("minor: [acceptable, acceptable, acceptable, alarp]", "minor: [acceptable, acceptable, ok, alarp]")));
        assertEquals("m.yaml:16:35: acceptability 'ok' is not one of acceptable, alarp, unacceptable", word.getMessage());
        InputFormatException twice = assertThrows(InputFormatException.class, () -> RegisterReader.parse("m.yaml",
                CUSTOM.replace("{id: major,", "{id: minor,")));
        assertEquals("m.yaml:6:12: severity level minor is declared twice (first at m.yaml:5:7)", twice.getMessage());
    }

    @Test
    @Verifies("SRS-HAZ-002")
    void countsPutEachEstimateInItsCell() throws Exception {
        HazardRegister register = RegisterReader.parse("c.yaml", CUSTOM);
        int[][] initial = register.matrix().counts(register.hazards().stream().map(Hazard::initial).toList());
        assertArrayEquals(new int[] {0, 0, 0, 0}, initial[0]);
        assertArrayEquals(new int[] {0, 0, 0, 1}, initial[1]);   // HAZ-002's S3/P3 is not on this scale
        assertArrayEquals(new int[] {0, 0, 0, 0}, initial[2]);
        int[][] residual = register.matrix().counts(register.hazards().stream().map(Hazard::residual).toList());
        assertArrayEquals(new int[] {1, 0, 0, 0}, residual[0]);
        assertArrayEquals(new int[] {0, 0, 0, 1}, residual[1]);
    }
}
