package org.galvani.kernel.testing;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories generators that hit the edges of their range often: contracts are most often broken at
 * a bound, and uniform sampling of a large range almost never lands on one.
 */
public final class Gens {

    /** How often (in %) a generator picks one of its edge values. */
    private static final int EDGE_WEIGHT = 25;

    private Gens() {
    }

    /** Integers in [min, max], a quarter of them at min, min + 1, max − 1 or max. */
    public static Gen<Integer> ints(int min, int max) {
        List<Integer> edges = new ArrayList<>(List.of(min, max));
        if (max - (long) min >= 2) {
            edges.add(min + 1);
            edges.add(max - 1);
        }
        return SourceDSL.integers().between(min, max).mix(Generate.pick(edges), EDGE_WEIGHT);
    }

    /** Longs in [min, max], a quarter of them at min, min + 1, max − 1 or max. */
    public static Gen<Long> longs(long min, long max) {
        List<Long> edges = new ArrayList<>(List.of(min, max));
        if (max - min >= 2) {
            edges.add(min + 1);
            edges.add(max - 1);
        }
        return SourceDSL.longs().between(min, max).mix(Generate.pick(edges), EDGE_WEIGHT);
    }
}
