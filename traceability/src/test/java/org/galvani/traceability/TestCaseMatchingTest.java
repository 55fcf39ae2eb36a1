package org.galvani.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** A case is matched with a linked method without making its method name; the answer must not change. */
class TestCaseMatchingTest {

    @Test
    @Verifies("SRS-TRC-003")
    void ranMethodAnswersAsTheMethodNameComparisonDoes() {
        List<String> names = List.of("limits", "limits()", "limits(int)", "limits(int)[1]", "limits[2]", "limitsAbove",
                "limits2", "limit", "", "(int)", "[1]", "limits(", "limits[");
        List<String> methods = List.of("limits", "limit", "limitsAbove", "", "limits(int)", "limits[2]", "lim");
        for (String name : names) {
            TestCase test = new TestCase("a.B", name, TestStatus.PASSED, 0, "", "r.xml");
            for (String method : methods) {
                assertEquals(test.methodName().equals(method), test.ranMethod(method), name + " vs " + method);
            }
        }
    }
}
