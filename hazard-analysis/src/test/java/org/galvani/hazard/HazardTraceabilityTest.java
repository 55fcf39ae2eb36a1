package org.galvani.hazard;

import java.util.List;
import org.galvani.kernel.traceability.ModuleTraceabilityCheck;

/**
 * The hazard-analysis module's traceability self-check: every SRS-HAZ requirement implemented and
 * verified. The check lives in the kernel's test-jar, used here at test scope only; the module's main
 * code depends on nothing of ours but the trace annotations.
 */
class HazardTraceabilityTest extends ModuleTraceabilityCheck {

    @Override
    protected Class<?> mainClass() {
        return HazardRegister.class;
    }

    @Override
    protected Class<?> testClass() {
        return HazardTraceabilityTest.class;
    }

    @Override
    protected List<String> upstreamRequirementFiles() {
        return List.of();
    }
}
