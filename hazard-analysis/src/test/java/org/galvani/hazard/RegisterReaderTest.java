package org.galvani.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterReaderTest {

    private static final String CONTROL = """
              - id: RC-001
                kind: inherent-safety
                owner: software
                title: Ceiling
                text: The current never exceeds the ceiling.
                verification: {implementation: [SRS-TST-001], effectiveness: [Bench test]}
            """;

    private static final String HAZARD = """
              - id: HAZ-001
                title: Burn
                hazard: Current density
                causes: [Too much current, No ceiling]
                situation: High density
                harm: Burn
                initial: {severity: S3, probability: P5}
                controls: [RC-001]
                residual: {severity: S3, probability: P2}
            """;

    private static String register(String controls, String hazards) {
        return "title: Test\ncontrols:\n" + controls + "hazards:\n" + hazards;
    }

    @Test
    @Verifies("SRS-HAZ-001")
    void readsEveryElementOfTheModelWithItsLine() throws Exception {
        HazardRegister register = RegisterReader.parse("r.yaml", register(CONTROL, HAZARD));
        assertEquals("Test", register.title());
        RiskControl control = register.controls().get(0);
        assertEquals(new RiskControl("RC-001", ControlKind.INHERENT_SAFETY, ControlOwner.SOFTWARE, "Ceiling",
                "The current never exceeds the ceiling.", new Verification(
                        List.of(new Reference("SRS-TST-001", new Location("r.yaml", 8, 37))),
                        List.of(new Reference("Bench test", new Location("r.yaml", 8, 67)))),
                new Location("r.yaml", 3, 5)), control);
        Hazard hazard = register.hazards().get(0);
        assertEquals("HAZ-001", hazard.id());
        assertEquals(new Location("r.yaml", 10, 5), hazard.location());
        assertEquals(List.of("Too much current", "No ceiling"), hazard.causes());
        assertEquals("Current density", hazard.hazard());
        assertEquals("High density", hazard.situation());
        assertEquals("Burn", hazard.harm());
        assertEquals(new RiskEstimate(new Reference("S3", new Location("r.yaml", 16, 25)),
                new Reference("P5", new Location("r.yaml", 16, 42))), hazard.initial());
        assertEquals(List.of(new Reference("RC-001", new Location("r.yaml", 17, 16))), hazard.controls());
        assertEquals("S3/P2", hazard.residual().toString());
        assertEquals(Optional.empty(), hazard.benefitRisk());
        assertEquals(Optional.of(hazard), register.hazard("HAZ-001"));
        assertEquals(Optional.of(control), register.control("RC-001"));
    }

    @Test
    @Verifies("SRS-HAZ-001")
    void theModelIsImmutable() throws Exception {
        HazardRegister register = RegisterReader.parse("r.yaml", register(CONTROL, HAZARD));
        assertThrows(UnsupportedOperationException.class, () -> register.hazards().clear());
        assertThrows(UnsupportedOperationException.class, () -> register.controls().clear());
        assertThrows(UnsupportedOperationException.class, () -> register.hazards().get(0).causes().clear());
        assertThrows(UnsupportedOperationException.class, () -> register.matrix().cells().get(0).clear());
    }

    /** Each bad input is refused with file:line:column and what was expected. */
    @ParameterizedTest(name = "{0}")
    @Verifies("SRS-HAZ-005")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown top-level key   | title: T\\ncontrols: []\\nhazards: []\\nhazzards: []                   | b.yaml:4:1: the register: unknown key 'hazzards' (allowed: title, controls, hazards, severity, probability, acceptability)
            a missing top-level key    | title: T\\ncontrols: []                                                 | b.yaml:1:1: the register: missing key 'hazards'
            a duplicated key           | title: T\\ntitle: U\\ncontrols: []\\nhazards: []                        | b.yaml:2:1: the register: key 'title' appears twice
            a list instead of text     | title: [a, b]\\ncontrols: []\\nhazards: []                              | b.yaml:1:8: title must be text, not a list
            a mapping instead of list  | title: T\\ncontrols: {a: b}\\nhazards: []                               | b.yaml:2:11: controls must be a list, not a mapping
            an empty value             | title:\\ncontrols: []\\nhazards: []                                     | b.yaml:1:7: title must not be empty
            the register is a list     | - title                                                                  | b.yaml:1:1: the register must be a mapping (key: value), not a list
            an empty file              | '# nothing'                                                              | b.yaml:1: the file is empty
            not YAML                   | 'title: [a\\ncontrols: []'                                               | b.yaml:2:9: not valid YAML: expected ',' or ']', but got :
            """)
    void badInputIsAnErrorNamingFileLineAndColumn(String what, String text, String message) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> RegisterReader.parse("b.yaml", text.replace("\\n", "\n")), what);
        assertEquals(message, e.getMessage(), what);
    }

    @Test
    @Verifies("SRS-HAZ-005")
    void anUnknownKeyInAControlIsAnError() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> RegisterReader.parse("b.yaml",
                register(CONTROL.replace("    owner: software\n", "    owner: software\n    onwer: me\n"), HAZARD)));
        assertEquals("b.yaml:6:5: a control: unknown key 'onwer' (allowed: id, kind, owner, title, text, verification)",
                e.getMessage());
        assertEquals(new Location("b.yaml", 6, 5), e.location());
    }

    @Test
    @Verifies("SRS-HAZ-005")
    void anUnknownKindOrOwnerIsAnError() {
        InputFormatException kind = assertThrows(InputFormatException.class, () -> RegisterReader.parse("b.yaml",
                register(CONTROL.replace("inherent-safety", "design"), HAZARD)));
        assertEquals("b.yaml:4:11: control RC-001: kind 'design' is not one of inherent-safety, protective-measure,"
                + " information-for-safety", kind.getMessage());
        InputFormatException owner = assertThrows(InputFormatException.class, () -> RegisterReader.parse("b.yaml",
                register(CONTROL.replace("owner: software", "owner: vendor"), HAZARD)));
        assertEquals("b.yaml:5:12: control RC-001: owner 'vendor' is not one of software, product-team", owner.getMessage());
    }

    @Test
    @Verifies("SRS-HAZ-005")
    void aControlMustStateHowItIsVerified() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> RegisterReader.parse("b.yaml",
                register(CONTROL.replace("effectiveness: [Bench test]", "effectiveness: []"), HAZARD)));
        assertEquals("b.yaml:8:19: control RC-001: verification must name at least one requirement or evidence for"
                + " implementation and for effectiveness", e.getMessage());
    }

    @Test
    @Verifies("SRS-HAZ-005")
    void aHazardNeedsACauseAndAllItsKeys() {
        InputFormatException causes = assertThrows(InputFormatException.class, () -> RegisterReader.parse("b.yaml",
                register(CONTROL, HAZARD.replace("[Too much current, No ceiling]", "[]"))));
        assertEquals("b.yaml:13:13: hazard HAZ-001: causes must name at least one sequence of events", causes.getMessage());
        InputFormatException harm = assertThrows(InputFormatException.class, () -> RegisterReader.parse("b.yaml",
                register(CONTROL, HAZARD.replace("    harm: Burn\n", ""))));
        assertEquals("b.yaml:10:5: a hazard: missing key 'harm'", harm.getMessage());
        InputFormatException estimate = assertThrows(InputFormatException.class, () -> RegisterReader.parse("b.yaml",
                register(CONTROL, HAZARD.replace("{severity: S3, probability: P2}", "S3/P2"))));
        assertEquals("b.yaml:18:15: hazard HAZ-001 residual risk must be a mapping (key: value), not the value 'S3/P2'",
                estimate.getMessage());
    }

    @Test
    @Verifies("SRS-HAZ-001")
    void aBenefitRiskRationaleIsKept() throws Exception {
        HazardRegister register = RegisterReader.parse("r.yaml",
                register(CONTROL, HAZARD + "    benefitRisk: Outweighed by the benefit.\n"));
        assertEquals(Optional.of("Outweighed by the benefit."), register.hazards().get(0).benefitRisk());
        assertTrue(register.hazards().get(0).benefitRisk().isPresent());
    }
}
