package org.galvani.verification.proofs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that the proof hints of the kernel's contracts restrict no caller: each hint precondition follows
 * from the other preconditions of its method ({@code src/test/key-fixtures/lemmas/HintLemmas.java}). Without
 * this, a hint could quietly narrow a contract to inputs that make it easy to prove. Results:
 * {@code target/evidence/lemmas.json}.
 */
@ExtendWith(KeyProverExtension.class)
class HintLemmaProofTest {

    @Test
    @Verifies("SRS-VER-003")
    void everyHintFollowsFromTheBoundsItSitsNextTo(KeyProver prover) throws IOException {
        List<ProofResult> results = prover.proveContractsOf("lemmas.HintLemmas"::equals, ProverSettings.LEMMAS);
        ProofReport.write(VerificationPaths.fromSystemProperties().evidence().resolve("lemmas.json"), results);

        assertFalse(results.isEmpty(), "KeY found no lemma in HintLemmas");
        List<ProofResult> open = results.stream().filter(result -> !result.closed()).toList();
        if (!open.isEmpty()) {
            fail("hint lemmas not proved (" + open.size() + " of " + results.size() + "): a hint may restrict"
                    + " callers; check it against its method's bounds:\n  "
                    + open.stream().map(ProofResult::summary).collect(Collectors.joining("\n  ")));
        }
    }
}
