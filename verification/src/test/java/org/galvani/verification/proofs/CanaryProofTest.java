package org.galvani.verification.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shows that the kernel proofs can fail: the canary's deliberately wrong contracts
 * ({@code src/test/key-fixtures/canary/Canary.java}), proved by the same prover with the same settings as
 * the kernel's, must stay open, and its true controls must close. A wrong contract that closes means the
 * settings prove false things (such as a lost {@code intRules:javaSemantics}, which would let overflow
 * go unnoticed), and then no kernel proof can be trusted. Results: {@code target/evidence/canary.json}.
 */
@ExtendWith(KeyProverExtension.class)
class CanaryProofTest {

    /** Each canary method and whether its contract must close (true: a control) or stay open (false: wrong). */
    private static final Map<String, Boolean> MUST_CLOSE = Map.of(
            "overflowingIncrement", false,
            "offByOne", false,
            "unguardedDivision", false,
            "specificationArithmeticWraps", false,
            "boundedIncrement", true,
            "specificationArithmeticIsMathematical", true);

    @Test
    @Verifies("SRS-VER-002")
    void wrongContractsStayOpenAndTrueOnesClose(KeyProver prover) throws IOException {
        List<ProofResult> results = prover.proveContractsOf("canary.Canary"::equals, ProverSettings.KERNEL);
        ProofReport.write(VerificationPaths.fromSystemProperties().evidence().resolve("canary.json"), results);

        Map<String, ProofResult> byMethod = new TreeMap<>();
        for (ProofResult result : results) {
            if (byMethod.put(result.methodName(), result) != null) {
                fail("the canary has two contracts on " + result.methodName() + "; give each its own method");
            }
        }
        assertEquals(new TreeMap<>(MUST_CLOSE).keySet(), byMethod.keySet(),
                "the canary's contracts and the verdicts this test expects name different methods");

        List<String> wrongVerdicts = new ArrayList<>();
        byMethod.forEach((method, result) -> {
            boolean mustClose = MUST_CLOSE.get(method);
            if (result.closed() && !mustClose) {
                wrongVerdicts.add("PROVED a wrong contract: " + result.summary());
            } else if (!result.closed() && mustClose) {
                wrongVerdicts.add("did not prove a true contract: " + result.summary());
            }
        });
        if (!wrongVerdicts.isEmpty()) {
            fail("the proof settings are broken, so the kernel proofs cannot be trusted (" + wrongVerdicts.size()
                    + "):\n  " + String.join("\n  ", wrongVerdicts));
        }
    }
}
