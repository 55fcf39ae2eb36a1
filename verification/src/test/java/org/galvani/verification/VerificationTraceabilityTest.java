package org.galvani.verification;

import java.util.List;
import org.galvani.kernel.traceability.ModuleTraceabilityCheck;
import org.galvani.verification.proofs.KeyProver;

/**
 * The verification module's traceability self-check: SRS-VER requirements, links to SRS-KRN allowed.
 *
 * <p>This module has test code only (KeY is a test dependency), so its implementing classes are test
 * classes too: both roots the check scans are the test classes.
 */
class VerificationTraceabilityTest extends ModuleTraceabilityCheck {

    @Override
    protected Class<?> mainClass() {
        return KeyProver.class;
    }

    @Override
    protected Class<?> testClass() {
        return VerificationTraceabilityTest.class;
    }

    @Override
    protected List<String> upstreamRequirementFiles() {
        return List.of("../safety-kernel/requirements.yaml");
    }
}
