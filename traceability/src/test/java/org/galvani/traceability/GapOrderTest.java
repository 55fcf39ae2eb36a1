package org.galvani.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** Gaps sort by kind, requirement, then where and message read as one text, without joining the two. */
class GapOrderTest {

    @Test
    @Verifies("SRS-TRC-004")
    void comparingWhereAndMessageJoinedAnswersAsTheJoinedStringsDo() {
        List<String> parts = List.of("", "a", "ab", "abc", "b", "a:1", "a:10", "é", "→x", "A");
        for (String a1 : parts) {
            for (String a2 : parts) {
                for (String b1 : parts) {
                    for (String b2 : parts) {
                        assertEquals(Integer.signum((a1 + a2).compareTo(b1 + b2)),
                                Integer.signum(Gap.compareJoined(a1, a2, b1, b2)), a1 + "|" + a2 + " vs " + b1 + "|" + b2);
                    }
                }
            }
        }
    }

    @Test
    @Verifies("SRS-TRC-004")
    void aWhereThatIsAPrefixOfAnotherSortsByTheJoinedText() {
        // "ab" + "c" comes before "a" + "bd", although "a" comes before "ab".
        Gap first = new Gap(GapKind.NOT_VERIFIED, "SRS-X-001", "C", "ab", "c");
        Gap second = new Gap(GapKind.NOT_VERIFIED, "SRS-X-001", "C", "a", "bd");
        assertEquals(List.of(first, second), List.of(second, first).stream().sorted().toList());
    }
}
