package org.galvani.drivers;

import java.util.List;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.kernel.traceability.ModuleTraceabilityCheck;

/** The drivers module's traceability self-check: SRS-DRV requirements, links to SRS-KRN allowed. */
class DriversTraceabilityTest extends ModuleTraceabilityCheck {

    @Override
    protected Class<?> mainClass() {
        return SimulatedOutputStage.class;
    }

    @Override
    protected Class<?> testClass() {
        return DriversTraceabilityTest.class;
    }

    @Override
    protected List<String> upstreamRequirementFiles() {
        return List.of("../safety-kernel/requirements.yaml");
    }
}
