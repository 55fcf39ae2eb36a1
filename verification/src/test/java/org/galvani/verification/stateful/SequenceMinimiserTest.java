package org.galvani.verification.stateful;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The failing sequence is cut down to the steps the failure needs, in their order, with bounded replays. */
class SequenceMinimiserTest {

    private static final List<Integer> THIRTY = IntStream.rangeClosed(1, 30).boxed().toList();

    @Test
    @Verifies(value = "SRS-VER-020", version = 1)
    void keepsOnlyTheStepsTheFailureNeedsInTheirOrder() {
        Predicate<List<Integer>> fails = steps -> steps.indexOf(7) >= 0 && steps.indexOf(23) > steps.indexOf(7);
        assertEquals(List.of(7, 23), SequenceMinimiser.minimise(THIRTY, fails));
    }

    @Test
    @Verifies(value = "SRS-VER-020", version = 1)
    void theResultIsOneMinimal() {
        // Fails when at least three even steps remain: any three of them is a minimal answer.
        Predicate<List<Integer>> fails = steps -> steps.stream().filter(s -> s % 2 == 0).count() >= 3;
        List<Integer> shortest = SequenceMinimiser.minimise(THIRTY, fails);
        assertEquals(3, shortest.size(), shortest.toString());
        assertTrue(fails.test(shortest));
        for (int i = 0; i < shortest.size(); i++) {
            List<Integer> without = new java.util.ArrayList<>(shortest);
            without.remove(i);
            assertTrue(!fails.test(without), "removing " + shortest.get(i) + " makes it pass");
        }
    }

    @Test
    @Verifies(value = "SRS-VER-020", version = 1)
    void aFailureThatNeedsEveryStepKeepsThemAll() {
        Predicate<List<Integer>> fails = steps -> steps.size() == THIRTY.size();
        assertEquals(THIRTY, SequenceMinimiser.minimise(THIRTY, fails));
    }

    @Test
    @Verifies(value = "SRS-VER-020", version = 1)
    void replaysAreBounded() {
        AtomicInteger replays = new AtomicInteger();
        List<Integer> many = IntStream.rangeClosed(1, 5_000).boxed().toList();
        SequenceMinimiser.minimise(many, steps -> replays.incrementAndGet() > 0 && steps.size() > 4_000);
        assertTrue(replays.get() <= SequenceMinimiser.MAX_REPLAYS, replays.get() + " replays");
    }

    @Test
    @Verifies(value = "SRS-VER-020", version = 1)
    void aPassingRunHasNoFailureToReport() {
        Sequences.Run run = new Sequences.Run(0, 1, List.of());
        assertEquals(null, KernelSimStatefulPropertyTest.failureOf(run));
    }
}
