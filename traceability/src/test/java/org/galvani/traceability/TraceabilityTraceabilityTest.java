package org.galvani.traceability;

import java.util.List;
import org.galvani.kernel.traceability.ModuleTraceabilityCheck;

/** The traceability module's own self-check: SRS-TRC requirements, implemented and verified here. */
class TraceabilityTraceabilityTest extends ModuleTraceabilityCheck {

    @Override
    protected Class<?> mainClass() {
        return Tracer.class;
    }

    @Override
    protected Class<?> testClass() {
        return TraceabilityTraceabilityTest.class;
    }

    @Override
    protected List<String> upstreamRequirementFiles() {
        return List.of("../hazard-analysis/requirements.yaml");
    }
}
