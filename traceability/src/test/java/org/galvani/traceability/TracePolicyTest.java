package org.galvani.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.galvani.hazard.InputFormatException;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class TracePolicyTest {

    private static Gap gap(GapKind kind, String safetyClass) {
        return new Gap(kind, safetyClass == null ? null : "SRS-FIX-001", safetyClass, "here", "what");
    }

    @Test
    @Verifies("SRS-TRC-006")
    void byDefaultEveryGapOnClassCFailsButASuspectLink() {
        TracePolicy policy = TracePolicy.defaults();
        for (GapKind kind : GapKind.values()) {
            assertEquals(kind != GapKind.SUSPECT_LINK, policy.fails(gap(kind, "C")), kind.name());
            assertEquals(kind != GapKind.SUSPECT_LINK, policy.fails(gap(kind, null)), kind + " concerning no requirement");
        }
        assertEquals(EnumSet.of(GapKind.NOT_IMPLEMENTED, GapKind.NOT_VERIFIED, GapKind.TEST_FAILED,
                GapKind.UNKNOWN_REQUIREMENT, GapKind.BROKEN_IMPLEMENTED_IN), policy.failOn("B"));
        assertEquals(EnumSet.of(GapKind.TEST_FAILED, GapKind.UNKNOWN_REQUIREMENT), policy.failOn("A"));
        assertFalse(policy.fails(gap(GapKind.TEST_SKIPPED, "A")));
        assertTrue(policy.fails(gap(GapKind.TEST_FAILED, "A")));
    }

    @Test
    @Verifies("SRS-TRC-006")
    void theShippedPolicyFileStatesTheDefault() throws Exception {
        TracePolicy shipped = TracePolicy.read(Path.of(System.getProperty("basedir", "")).resolve("policy.yaml"));
        TracePolicy defaults = TracePolicy.defaults();
        for (String safetyClass : List.of("A", "B", "C")) {
            assertEquals(defaults.failOn(safetyClass), shipped.failOn(safetyClass), safetyClass);
        }
        assertEquals(defaults.unclassified(), shipped.unclassified());
    }

    @Test
    @Verifies("SRS-TRC-006")
    void aPolicyFileDecidesPerClassAndJudgesUnattributedGapsByItsClass() throws Exception {
        TracePolicy policy = TracePolicy.parse("p.yaml", """
                failOn:
                  C: [ALL]
                  B: [TEST_FAILED]
                  A: []
                unclassified: A
                """);
        assertTrue(policy.fails(gap(GapKind.SUSPECT_LINK, "C")));
        assertTrue(policy.fails(gap(GapKind.TEST_FAILED, "B")));
        assertFalse(policy.fails(gap(GapKind.NOT_VERIFIED, "B")));
        assertFalse(policy.fails(gap(GapKind.UNKNOWN_REQUIREMENT, null)));
        assertEquals("p.yaml", policy.origin());
    }

    @Test
    @Verifies("SRS-TRC-006")
    void aMalformedPolicyIsAnErrorNamingFileLineAndColumn() {
        String good = "failOn:\n  C: [ALL]\n  B: []\n  A: []\nunclassified: C\n";
        assertEquals("p.yaml:2:7: failOn.C: 'EVERYTHING' is not a gap kind (known: ALL, ALL_BUT_SUSPECT, NOT_IMPLEMENTED,"
                + " NOT_VERIFIED, TEST_FAILED, TEST_SKIPPED, TEST_NOT_RUN, UNKNOWN_REQUIREMENT, BROKEN_IMPLEMENTED_IN,"
                + " CONTROL_NOT_VERIFIED, HAZARD_ANALYSIS, SUSPECT_LINK)", error(good.replace("[ALL]", "[EVERYTHING]")));
        assertEquals("p.yaml:2:3: failOn: missing key 'A'", error(good.replace("  A: []\n", "")));
        assertEquals("p.yaml:5:15: unclassified: 'D' is not a safety class (A, B or C)",
                error(good.replace("unclassified: C", "unclassified: D")));
        assertEquals("p.yaml:6:1: the policy: unknown key 'failsOn' (allowed: failOn, unclassified)",
                error(good + "failsOn: {}\n"));
        assertEquals("p.yaml:1: the policy file is empty", error(""));
    }

    private static String error(String text) {
        return assertThrows(InputFormatException.class, () -> TracePolicy.parse("p.yaml", text)).getMessage();
    }
}
