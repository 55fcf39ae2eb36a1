package org.galvani.traceability;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.galvani.hazard.HazardAnalysis;

/**
 * A whole trace: one row per requirement, the risk controls, every gap (those of the rows, links to unknown
 * requirements, unverified controls and the hazard analysis's errors), the hazard analysis itself, every
 * link found and the number of report cases read.
 */
public record TraceResult(TraceSources sources, List<RequirementTrace> requirements, List<ControlTrace> controls,
        List<Gap> gaps, HazardAnalysis analysis, List<CodeLink> links, int testCases, Instant time) {

    public TraceResult {
        Objects.requireNonNull(sources, "sources");
        requirements = List.copyOf(requirements);
        controls = List.copyOf(controls);
        gaps = List.copyOf(gaps);
        Objects.requireNonNull(analysis, "analysis");
        links = List.copyOf(links);
        Objects.requireNonNull(time, "time");
    }

    /** How many rows have a status. */
    public long count(RequirementStatus status) {
        return requirements.stream().filter(row -> row.status() == status).count();
    }
}
