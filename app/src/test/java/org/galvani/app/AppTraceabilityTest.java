package org.galvani.app;

import java.util.List;
import org.galvani.kernel.traceability.ModuleTraceabilityCheck;

/** The app module's traceability self-check: SRS-APP requirements, links to kernel, drivers and opcua allowed. */
class AppTraceabilityTest extends ModuleTraceabilityCheck {

    @Override
    protected Class<?> mainClass() {
        return GalvaniCli.class;
    }

    @Override
    protected Class<?> testClass() {
        return AppTraceabilityTest.class;
    }

    @Override
    protected List<String> upstreamRequirementFiles() {
        return List.of("../safety-kernel/requirements.yaml", "../drivers/requirements.yaml", "../opcua/requirements.yaml");
    }
}
