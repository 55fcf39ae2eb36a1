package org.galvani.verification.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The evidence file's format: exactly five keys per contract, valid JSON whatever the names hold. */
class ProofReportTest {

    @Test
    @Verifies("SRS-VER-001")
    void writesOneObjectPerContractWithExactlyTheFiveKeys() {
        List<ProofResult> results = List.of(
                new ProofResult("a.B[a.B::m(int)].JML normal_behavior operation contract.0", "a.B", true, 178, 0,
                        List.of(), 605),
                new ProofResult("a.B[a.B::n()].JML normal_behavior operation contract.0", "a.B", false, 54, 1,
                        List.of("node 3: ==> x < 10"), 100));

        assertEquals("""
                [
                  {"contract": "a.B[a.B::m(int)].JML normal_behavior operation contract.0", "class": "a.B", "closed": true, "nodes": 178, "millis": 605},
                  {"contract": "a.B[a.B::n()].JML normal_behavior operation contract.0", "class": "a.B", "closed": false, "nodes": 54, "millis": 100}
                ]
                """, ProofReport.toJson(results));
    }

    @Test
    @Verifies("SRS-VER-001")
    void anEmptyListIsAnEmptyJsonArray() {
        assertEquals("[]\n", ProofReport.toJson(List.of()));
    }

    @Test
    @Verifies("SRS-VER-001")
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\u00b5\"", ProofReport.quote("a\"b\\c\nd\te\u0001\u00b5"));
    }

    @Test
    void namesTheMethodOfAContract() {
        ProofResult result = new ProofResult(
                "org.galvani.kernel.KernelState[java.lang.Enum::name()].JML behavior operation contract.0",
                "org.galvani.kernel.KernelState", true, 5, 0, List.of(), 1);
        assertEquals("name", result.methodName());
    }
}
