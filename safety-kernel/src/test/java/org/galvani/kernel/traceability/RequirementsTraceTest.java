package org.galvani.kernel.traceability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.galvani.kernel.SafetyKernel;
import org.junit.jupiter.api.Test;

/** The kernel module's traceability self-check (see {@link ModuleTraceabilityCheck}). */
class RequirementsTraceTest extends ModuleTraceabilityCheck {

    @Override
    protected Class<?> mainClass() {
        return SafetyKernel.class;
    }

    @Override
    protected Class<?> testClass() {
        return RequirementsTraceTest.class;
    }

    @Override
    protected List<String> upstreamRequirementFiles() {
        return List.of();
    }

    /** Guards against a vacuous scan: links known to exist on types, methods and tests must be found. */
    @Test
    void theScanFindsLinksOnTypesMethodsAndTests() throws IOException {
        assertTrue(links().contains(new TraceLink(TraceLink.IMPLEMENTS, "SRS-KRN-026", 0, SafetyKernel.class.getName())),
                "the scan missed SafetyKernel's @Implements");
        assertTrue(links().stream().anyMatch(l -> l.implementsIt()
                        && l.where().equals("org.galvani.kernel.PrescriptionCheck#check")),
                "the scan missed a method's @Implements");
        assertTrue(links().stream().anyMatch(l -> l.verifiesIt()
                        && l.where().equals("org.galvani.kernel.architecture.PureCoreArchitectureTest#theCoreReadsNoClock")),
                "the scan missed the test classes' @Verifies");
    }
}
