package org.galvani.traceability;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.galvani.trace.Implements;

/**
 * A {@code @Verifies} link with its latest results: the report cases of the annotated test method, field
 * (ArchUnit rule) or class (all its tests, its nested classes' and its subclasses'), the outcome over them,
 * and whether the link is suspect (written against another version of the requirement).
 */
@Implements("SRS-TRC-003")
public record VerifyingTest(CodeLink link, List<TestCase> cases, TestOutcome outcome, boolean suspect) {

    public VerifyingTest {
        Objects.requireNonNull(link, "link");
        cases = List.copyOf(cases);
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The outcome of a set of cases. */
    static TestOutcome outcomeOf(List<TestCase> cases) {
        boolean passed = false;
        boolean skipped = false;
        for (TestCase test : cases) {
            switch (test.status()) {
                case FAILED, ERROR -> {
                    return TestOutcome.FAILED;
                }
                case PASSED -> passed = true;
                case SKIPPED -> skipped = true;
            }
        }
        return passed ? TestOutcome.PASSED : skipped ? TestOutcome.SKIPPED : TestOutcome.NOT_RUN;
    }

    /** How many cases ended with a status. */
    public long count(TestStatus status) {
        long count = 0;
        for (TestCase test : cases) {
            if (test.status() == status) {
                count++;
            }
        }
        return count;
    }

    /** The report files holding the cases, sorted. */
    public List<String> reportFiles() {
        if (cases.size() == 1) {
            return List.of(cases.get(0).reportFile());
        }
        TreeSet<String> files = new TreeSet<>();
        for (TestCase test : cases) {
            files.add(test.reportFile());
        }
        return List.copyOf(files);
    }
}
