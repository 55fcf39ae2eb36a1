package org.galvani.verification.stateful;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.galvani.trace.Implements;

/**
 * Delta debugging (Zeller's ddmin) over a failing sequence's steps: the shortest subsequence, keeping the
 * steps' order, that still fails. QuickTheories shrinks the values inside a sequence but not its length;
 * this removes the steps a failure does not need, so that the report shows only the ones it does.
 * Deterministic: each candidate is replayed from scratch, and the number of replays is bounded.
 */
@Implements("SRS-VER-020")
final class SequenceMinimiser {

    /** Replays at most this many candidates; a longer search returns the best found so far. */
    static final int MAX_REPLAYS = 2_000;

    private SequenceMinimiser() {
    }

    /**
     * A 1-minimal failing subsequence of {@code failing} (removing any single step makes it pass), or the
     * smallest found within {@link #MAX_REPLAYS}.
     *
     * @param failing the steps of a failing run
     * @param fails   replays a candidate and says whether it still fails
     */
    static <T> List<T> minimise(List<T> failing, Predicate<List<T>> fails) {
        List<T> current = List.copyOf(failing);
        int parts = 2;
        int replays = 0;
        while (current.size() >= 2 && replays < MAX_REPLAYS) {
            int chunk = (int) Math.ceil(current.size() / (double) parts);
            boolean reduced = false;
            for (int start = 0; start < current.size() && replays < MAX_REPLAYS; start += chunk) {
                List<T> complement = new ArrayList<>(current.subList(0, start));
                complement.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                replays++;
                if (!complement.isEmpty() && fails.test(complement)) {
                    current = List.copyOf(complement);
                    parts = Math.max(parts - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (parts >= current.size()) {
                    break;
                }
                parts = Math.min(current.size(), parts * 2);
            }
        }
        return current;
    }
}
