package org.galvani.hazard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.galvani.trace.Implements;

/**
 * A register checked against the requirement→control links: the input of the reports and of the
 * traceability matrix. {@link #of} runs every check.
 */
@Implements({"SRS-HAZ-003", "SRS-HAZ-004"})
public record HazardAnalysis(HazardRegister register, List<RequirementLink> links, List<Finding> findings) {

    public HazardAnalysis {
        Objects.requireNonNull(register, "register");
        links = List.copyOf(links);
        findings = List.copyOf(findings);
    }

    /** Checks the register with the links and keeps both with the findings. */
    public static HazardAnalysis of(HazardRegister register, Collection<RequirementLink> links) {
        return new HazardAnalysis(register, List.copyOf(links), RegisterChecker.check(register, links));
    }

    /** The findings that fail a build. */
    public List<Finding> errors() {
        return findings.stream().filter(finding -> finding.level() == FindingLevel.ERROR).toList();
    }

    /** The requirements that name a control in their riskControls, in the order given. */
    public List<RequirementLink> implementersOf(String controlId) {
        return links.stream().filter(link -> link.controls().contains(controlId)).toList();
    }

    /** A hazard's known controls, in the priority order of ISO 14971 (stable within a kind). */
    public List<RiskControl> controlsInPriorityOrder(Hazard hazard) {
        List<RiskControl> ordered = new ArrayList<>();
        for (Reference reference : hazard.controls()) {
            register.control(reference.id()).filter(control -> !ordered.contains(control)).ifPresent(ordered::add);
        }
        ordered.sort(Comparator.comparingInt(control -> control.kind().priority()));
        return ordered;
    }

    /** Hazards per cell before control: {@code [severity rank - 1][probability rank - 1]}. */
    public int[][] initialCounts() {
        return register.matrix().counts(register.hazards().stream().map(Hazard::initial).toList());
    }

    /** Hazards per cell after control. */
    public int[][] residualCounts() {
        return register.matrix().counts(register.hazards().stream().map(Hazard::residual).toList());
    }
}
