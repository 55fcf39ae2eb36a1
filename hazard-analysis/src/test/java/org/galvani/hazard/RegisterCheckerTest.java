package org.galvani.hazard;

import static org.galvani.hazard.Fixtures.assertFindings;
import static org.galvani.hazard.Fixtures.lineOf;
import static org.galvani.hazard.Fixtures.link;
import static org.galvani.hazard.Fixtures.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** One test per check: a small bad register that makes it fire, with the file:line of the fault. */
class RegisterCheckerTest {

    private static final List<RequirementLink> LINKS = List.of(link("SRS-TST-001", "RC-001", "RC-002"));
    private static final List<RequirementLink> ONE_LINK = List.of(link("SRS-TST-001", "RC-001"));

    @Test
    @Verifies({"SRS-HAZ-003", "SRS-HAZ-004"})
    void aCleanRegisterHasNoFinding() throws Exception {
        assertEquals(List.of(), RegisterChecker.check(register("clean.yaml"), LINKS));
    }

    @Test
    @Verifies("SRS-HAZ-004")
    void malformedIdsAreReported() throws Exception {
        String f = "malformed-id.yaml";
        List<Finding> findings = RegisterChecker.check(register(f),
                List.of(link("SRS-TST-001", "RC-1"), link("SRS-TST-1"), link("SRS-TST-002", "RC 7")));
        assertFindings(Check.MALFORMED_ID, findings,
                "fixtures/malformed-id.yaml:" + lineOf(f, "control") + ":5: error [MALFORMED_ID] 'RC-1' is not a control ID like RC-001",
                "fixtures/malformed-id.yaml:" + lineOf(f, "verification") + ":67: error [MALFORMED_ID] control RC-1: verification names 'SRS-TST', which is not a requirement ID like SRS-KRN-001",
                "fixtures/malformed-id.yaml:" + lineOf(f, "hazard") + ":5: error [MALFORMED_ID] 'HAZ-01' is not a hazard ID like HAZ-001",
                "fixtures/malformed-id.yaml:" + lineOf(f, "reference") + ":16: error [MALFORMED_ID] hazard HAZ-01 names 'RC-1', which is not a control ID like RC-001",
                "fixtures/malformed-id.yaml:" + lineOf(f, "reference") + ":22: error [MALFORMED_ID] hazard HAZ-01 names 'RC_2', which is not a control ID like RC-001",
                "fixtures/requirements.yaml:3: error [MALFORMED_ID] SRS-TST-001 names 'RC-1' in riskControls, which is not a control ID like RC-001",
                "fixtures/requirements.yaml:3: error [MALFORMED_ID] 'SRS-TST-1' is not a requirement ID like SRS-KRN-001",
                "fixtures/requirements.yaml:3: error [MALFORMED_ID] SRS-TST-002 names 'RC 7' in riskControls, which is not a control ID like RC-001");
    }

    @Test
    @Verifies("SRS-HAZ-004")
    void duplicateIdsAreReported() throws Exception {
        String f = "duplicate-id.yaml";
        List<Finding> findings = RegisterChecker.check(register(f),
                List.of(link("SRS-TST-001", "RC-001", "RC-001"), link("SRS-TST-001")));
        assertFindings(Check.DUPLICATE_ID, findings,
                "fixtures/duplicate-id.yaml:" + lineOf(f, "second control") + ":5: error [DUPLICATE_ID] control RC-001 is declared again (first at fixtures/duplicate-id.yaml:" + lineOf(f, "first control") + ":5)",
                "fixtures/duplicate-id.yaml:" + lineOf(f, "second hazard") + ":5: error [DUPLICATE_ID] hazard HAZ-001 is declared again (first at fixtures/duplicate-id.yaml:" + lineOf(f, "first hazard") + ":5)",
                "fixtures/duplicate-id.yaml:" + lineOf(f, "named twice") + ":24: error [DUPLICATE_ID] hazard HAZ-001 names RC-001 twice",
                "fixtures/requirements.yaml:3: error [DUPLICATE_ID] SRS-TST-001 names RC-001 twice in riskControls",
                "fixtures/requirements.yaml:3: error [DUPLICATE_ID] requirement SRS-TST-001 is declared again (first at fixtures/requirements.yaml:3)");
    }

    @Test
    @Verifies("SRS-HAZ-004")
    void unknownIdsAreReported() throws Exception {
        String f = "unknown-id.yaml";
        List<Finding> findings = RegisterChecker.check(register(f),
                List.of(link("SRS-TST-001", "RC-001"), link("SRS-TST-002", "RC-404")));
        assertFindings(Check.UNKNOWN_ID, findings,
                "fixtures/requirements.yaml:3: error [UNKNOWN_ID] SRS-TST-002 names RC-404 in riskControls, which the register fixtures/unknown-id.yaml does not define",
                "fixtures/unknown-id.yaml:" + lineOf(f, "requirement") + ":50: error [UNKNOWN_ID] control RC-001: verification names SRS-TST-404, which no requirements file declares",
                "fixtures/unknown-id.yaml:" + lineOf(f, "level") + ":25: error [UNKNOWN_ID] hazard HAZ-001 initial risk: severity 'S9' is not a level of the severity scale [S1, S2, S3, S4, S5]",
                "fixtures/unknown-id.yaml:" + lineOf(f, "control") + ":24: error [UNKNOWN_ID] hazard HAZ-001 names RC-099, which the register does not define");
    }

    @Test
    @Verifies("SRS-HAZ-003")
    void anUnacceptableInitialRiskNeedsAControl() throws Exception {
        String f = "uncontrolled.yaml";
        List<Finding> findings = RegisterChecker.check(register(f), ONE_LINK);
        assertFindings(Check.UNCONTROLLED_UNACCEPTABLE_RISK, findings,
                "fixtures/uncontrolled.yaml:" + lineOf(f, "hazard") + ":5: error [UNCONTROLLED_UNACCEPTABLE_RISK] hazard HAZ-002 has an unacceptable initial risk (S5/P3) and no risk control");
        assertEquals(1, findings.size(), findings.toString());
    }

    @Test
    @Verifies("SRS-HAZ-003")
    void anUnacceptableResidualRiskNeedsABenefitRiskRationale() throws Exception {
        String f = "residual.yaml";
        List<Finding> findings = RegisterChecker.check(register(f), ONE_LINK);
        assertFindings(Check.UNACCEPTABLE_RESIDUAL_WITHOUT_RATIONALE, findings,
                "fixtures/residual.yaml:" + lineOf(f, "no rationale") + ":26: error [UNACCEPTABLE_RESIDUAL_WITHOUT_RATIONALE] hazard HAZ-001 has an unacceptable residual risk (S4/P4) and no benefit-risk rationale (benefitRisk)");
    }

    @Test
    @Verifies("SRS-HAZ-003")
    void aResidualRiskAboveTheInitialIsAnError() throws Exception {
        String f = "residual.yaml";
        assertFindings(Check.RESIDUAL_ABOVE_INITIAL, RegisterChecker.check(register(f), ONE_LINK),
                "fixtures/residual.yaml:" + lineOf(f, "above") + ":26: error [RESIDUAL_ABOVE_INITIAL] hazard HAZ-003 has a residual risk (S2/P3) above its initial risk (S2/P2)");
    }

    @Test
    @Verifies("SRS-HAZ-003")
    void aRiskReducedWithoutAControlIsAnError() throws Exception {
        String f = "residual.yaml";
        assertFindings(Check.REDUCED_WITHOUT_CONTROL, RegisterChecker.check(register(f), ONE_LINK),
                "fixtures/residual.yaml:" + lineOf(f, "reduced") + ":26: error [REDUCED_WITHOUT_CONTROL] hazard HAZ-004 claims a residual risk (S2/P1) below its initial risk (S2/P4) without a risk control");
    }

    @Test
    @Verifies("SRS-HAZ-004")
    void aSoftwareControlNeedsAnImplementingRequirement() throws Exception {
        String f = "controls.yaml";
        List<Finding> findings = RegisterChecker.check(register(f), List.of(link("SRS-TST-001", "RC-003", "RC-004")));
        assertFindings(Check.CONTROL_WITHOUT_REQUIREMENT, findings,
                "fixtures/controls.yaml:" + lineOf(f, "no requirement") + ":5: error [CONTROL_WITHOUT_REQUIREMENT] control RC-001 (Cut-off) is implemented by no requirement: no requirements file names it in riskControls");
    }

    @Test
    @Verifies("SRS-HAZ-004")
    void aProductTeamControlStaysOpenUntilARequirementNamesIt() throws Exception {
        String f = "controls.yaml";
        List<Finding> open = RegisterChecker.check(register(f), List.of(link("SRS-TST-001", "RC-003", "RC-004")));
        assertFindings(Check.PRODUCT_TEAM_CONTROL_OPEN, open,
                "fixtures/controls.yaml:" + lineOf(f, "product team") + ":5: warning [PRODUCT_TEAM_CONTROL_OPEN] control RC-002 (Contraindications) is the product team's to implement and verify: open until a requirement of the product names it in riskControls");
        List<Finding> closed = RegisterChecker.check(register(f),
                List.of(link("SRS-TST-001", "RC-003", "RC-004"), link("SRS-PRD-001", "RC-002")));
        assertFindings(Check.PRODUCT_TEAM_CONTROL_OPEN, closed);
    }

    @Test
    @Verifies("SRS-HAZ-004")
    void aControlThatReducesNoHazardIsReported() throws Exception {
        String f = "controls.yaml";
        assertFindings(Check.UNUSED_CONTROL, RegisterChecker.check(register(f), List.of(link("SRS-TST-001", "RC-003", "RC-004"))),
                "fixtures/controls.yaml:" + lineOf(f, "unused") + ":5: warning [UNUSED_CONTROL] control RC-004 (Ceiling) reduces no hazard of the register");
    }

    @Test
    @Verifies("SRS-HAZ-003")
    void controlsOutOfPriorityOrderAreANoteAndShownInOrder() throws Exception {
        String f = "priority.yaml";
        HazardAnalysis analysis = HazardAnalysis.of(register(f), List.of(link("SRS-TST-001", "RC-001", "RC-002", "RC-003")));
        assertFindings(Check.CONTROLS_OUT_OF_PRIORITY_ORDER, analysis.findings(),
                "fixtures/priority.yaml:" + lineOf(f, "order") + ":16: note [CONTROLS_OUT_OF_PRIORITY_ORDER] hazard HAZ-001 lists RC-002 (protective measure) after RC-003 (information for safety); the reports show controls in the priority order of ISO 14971");
        assertEquals(List.of(), analysis.errors());
        assertEquals(List.of("RC-001", "RC-002", "RC-003"), analysis.controlsInPriorityOrder(
                analysis.register().hazards().get(0)).stream().map(RiskControl::id).toList());
    }

    @Test
    @Verifies("SRS-HAZ-004")
    void findingsAreSortedByFileAndLine() throws Exception {
        List<Finding> findings = RegisterChecker.check(register("duplicate-id.yaml"), List.of());
        for (int i = 1; i < findings.size(); i++) {
            assertTrue(findings.get(i - 1).location().compareTo(findings.get(i).location()) <= 0, findings.toString());
        }
    }
}
