package org.galvani.hazard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * The scales and the acceptability of every cell: {@code cells.get(s).get(p)} is the acceptability of
 * severity rank {@code s + 1} and probability rank {@code p + 1}.
 */
@Implements("SRS-HAZ-002")
public record RiskMatrix(Scale severity, Scale probability, List<List<Acceptability>> cells) {

    public RiskMatrix {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(probability, "probability");
        List<List<Acceptability>> copy = new ArrayList<>();
        for (List<Acceptability> row : cells) {
            copy.add(List.copyOf(row));
        }
        cells = List.copyOf(copy);
        if (cells.size() != severity.size()) {
            throw new IllegalArgumentException("the matrix has " + cells.size() + " rows for "
                    + severity.size() + " severity levels");
        }
        for (int s = 0; s < cells.size(); s++) {
            if (cells.get(s).size() != probability.size()) {
                throw new IllegalArgumentException("matrix row " + severity.levels().get(s).id() + " has "
                        + cells.get(s).size() + " cells for " + probability.size() + " probability levels");
            }
        }
    }

    /** The default 5 × 5 matrix, used when a register states no scales of its own. */
    public static RiskMatrix defaultMatrix(String file) {
        Location here = Location.line(file, 1);
        Scale severity = new Scale("Severity of harm (default)", List.of(
                new Level("S1", 1, "Negligible", "Inconvenience or temporary discomfort.", here),
                new Level("S2", 2, "Minor", "Temporary injury not requiring medical intervention.", here),
                new Level("S3", 3, "Serious", "Injury requiring medical intervention.", here),
                new Level("S4", 4, "Critical", "Permanent impairment or life-threatening injury.", here),
                new Level("S5", 5, "Catastrophic", "Death.", here)));
        Scale probability = new Scale("Probability of occurrence of harm (default)", List.of(
                new Level("P1", 1, "Improbable", "Less than once in 1,000,000 treatments.", here),
                new Level("P2", 2, "Remote", "Once in 10,000 to 1,000,000 treatments.", here),
                new Level("P3", 3, "Occasional", "Once in 100 to 10,000 treatments.", here),
                new Level("P4", 4, "Probable", "Once in 10 to 100 treatments.", here),
                new Level("P5", 5, "Frequent", "More than once in 10 treatments.", here)));
        Acceptability a = Acceptability.ACCEPTABLE;
        Acceptability r = Acceptability.ALARP;
        Acceptability u = Acceptability.UNACCEPTABLE;
        return new RiskMatrix(severity, probability, List.of(
                List.of(a, a, a, a, r),
                List.of(a, a, a, r, r),
                List.of(a, a, r, r, u),
                List.of(a, r, r, u, u),
                List.of(r, r, u, u, u)));
    }

    /** The acceptability of a cell. */
    public Acceptability acceptability(Level severityLevel, Level probabilityLevel) {
        return cells.get(severityLevel.rank() - 1).get(probabilityLevel.rank() - 1);
    }

    /** The acceptability of an estimate, or empty when it names a level the scales do not have. */
    public Optional<Acceptability> resolve(RiskEstimate estimate) {
        Optional<Level> s = severity.level(estimate.severity().id());
        Optional<Level> p = probability.level(estimate.probability().id());
        if (s.isEmpty() || p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(acceptability(s.get(), p.get()));
    }

    /**
     * How many of the estimates fall in each cell: {@code [severity rank - 1][probability rank - 1]}.
     * Estimates that name an unknown level are not counted (the checks report them).
     */
    public int[][] counts(List<RiskEstimate> estimates) {
        int[][] counts = new int[severity.size()][probability.size()];
        for (RiskEstimate estimate : estimates) {
            Optional<Level> s = severity.level(estimate.severity().id());
            Optional<Level> p = probability.level(estimate.probability().id());
            if (s.isPresent() && p.isPresent()) {
                counts[s.get().rank() - 1][p.get().rank() - 1]++;
            }
        }
        return counts;
    }
}
