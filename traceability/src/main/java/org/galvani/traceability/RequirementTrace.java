package org.galvani.traceability;

import java.util.List;
import java.util.Objects;
import org.galvani.trace.Implements;

/**
 * One row of the matrix: a requirement with the hazards and risk controls above it, the code that implements
 * it, the tests that verify it with their latest results, and its gaps.
 */
@Implements("SRS-TRC-004")
public record RequirementTrace(Requirement requirement, List<String> hazards, List<String> controls,
        List<Implementation> implementations, List<VerifyingTest> tests, List<Gap> gaps) {

    public RequirementTrace {
        Objects.requireNonNull(requirement, "requirement");
        hazards = List.copyOf(hazards);
        controls = List.copyOf(controls);
        implementations = List.copyOf(implementations);
        tests = List.copyOf(tests);
        gaps = List.copyOf(gaps);
    }

    public RequirementStatus status() {
        if (gaps.stream().anyMatch(gap -> gap.kind() != GapKind.SUSPECT_LINK)) {
            return RequirementStatus.GAP;
        }
        return gaps.isEmpty() ? RequirementStatus.VERIFIED : RequirementStatus.SUSPECT;
    }
}
