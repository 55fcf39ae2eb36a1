package org.galvani.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Galvani's own hazard register with every requirements file of the repository: writes the evidence
 * (hazard-analysis/target/evidence/hazard-report.html and hazards.json) and fails the build on any
 * error-level finding. Open items of the product team are warnings: listed, not failures.
 */
class GalvaniRegisterTest {

    private static final Logger LOG = LoggerFactory.getLogger(GalvaniRegisterTest.class);

    private static HazardAnalysis analysis;

    @BeforeAll
    static void analyseAndWriteTheEvidence() throws Exception {
        analysis = HazardAnalysis.of(Repository.register(), Repository.links());
        Path evidence = Repository.module().resolve("target/evidence");
        List<Path> written = HazardReports.write(analysis, evidence);
        LOG.info("hazard register: {} hazards, {} controls, {} requirements; {} errors, {} open items; wrote {}",
                analysis.register().hazards().size(), analysis.register().controls().size(), analysis.links().size(),
                analysis.errors().size(), analysis.findings().size() - analysis.errors().size(), written);
        for (Finding finding : analysis.findings()) {
            LOG.info("{}", finding);
        }
    }

    @Test
    @Verifies("SRS-HAZ-008")
    void theRegisterHasNoErrorLevelFinding() {
        List<Finding> errors = analysis.errors();
        if (!errors.isEmpty()) {
            fail("the hazard register has " + errors.size() + " error(s):\n  "
                    + errors.stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
        }
    }

    @Test
    @Verifies("SRS-HAZ-008")
    void theRegisterHasAtLeast25HazardsEachControlledUnlessAcceptable() {
        HazardRegister register = analysis.register();
        assertTrue(register.hazards().size() >= 25, "only " + register.hazards().size() + " hazards");
        List<String> uncontrolled = new ArrayList<>();
        for (Hazard hazard : register.hazards()) {
            boolean acceptable = register.matrix().resolve(hazard.initial()).orElseThrow() == Acceptability.ACCEPTABLE;
            if (!acceptable && analysis.controlsInPriorityOrder(hazard).isEmpty()) {
                uncontrolled.add(hazard.id());
            }
        }
        assertEquals(List.of(), uncontrolled, "hazards above the acceptable region without a control");
    }

    @Test
    @Verifies("SRS-HAZ-008")
    void theKernelsControlsAreDefinedAndImplemented() {
        for (int n = 1; n <= 20; n++) {
            String id = String.format(java.util.Locale.ROOT, "RC-%03d", n);
            RiskControl control = analysis.register().control(id).orElseThrow(() -> new AssertionError(id + " undefined"));
            assertEquals(ControlOwner.SOFTWARE, control.owner(), id);
            assertFalse(analysis.implementersOf(id).isEmpty(), id + " has no implementing requirement");
        }
    }

    @Test
    @Verifies("SRS-HAZ-008")
    void everyOpenProductTeamControlIsListedAsAnOpenItem() {
        List<String> open = analysis.register().controls().stream()
                .filter(control -> control.owner() == ControlOwner.PRODUCT_TEAM)
                .filter(control -> analysis.implementersOf(control.id()).isEmpty())
                .map(RiskControl::id).toList();
        assertFalse(open.isEmpty(), "the register has product-team controls (labelling, IFU, hardware)");
        List<String> listed = analysis.findings().stream()
                .filter(finding -> finding.check() == Check.PRODUCT_TEAM_CONTROL_OPEN)
                .map(finding -> finding.message().substring("control ".length(), "control RC-000".length())).toList();
        assertEquals(open, listed);
    }

    @Test
    @Verifies("SRS-HAZ-008")
    void theEvidenceIsWritten() throws IOException {
        Path evidence = Repository.module().resolve("target/evidence");
        String html = Files.readString(evidence.resolve(HazardReports.HTML));
        for (Hazard hazard : analysis.register().hazards()) {
            assertTrue(html.contains("id=\"" + hazard.id() + "\""), hazard.id());
        }
        assertTrue(Files.readString(evidence.resolve(HazardReports.JSON)).contains("\"HAZ-025\""));
    }
}
