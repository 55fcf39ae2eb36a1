package org.galvani.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.kernel.traceability.ModuleTraceabilityCheck;
import org.galvani.kernel.traceability.TraceLink;
import org.junit.jupiter.api.Test;

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

    /** A repeated @Verifies (one version per requirement) is read through its container, every entry of it. */
    @Test
    void theScanReadsEveryEntryOfARepeatedVerifies() throws IOException {
        String test = "org.galvani.drivers.sim.SimulatedOutputStageTest#aDetachedLoadTakesNoCurrentAndReadsUnknownImpedance";
        assertEquals(List.of(new TraceLink(TraceLink.VERIFIES, "SRS-DRV-001", 2, test),
                        new TraceLink(TraceLink.VERIFIES, "SRS-DRV-003", 0, test)),
                links().stream().filter(link -> link.where().equals(test)).toList());
    }
}
