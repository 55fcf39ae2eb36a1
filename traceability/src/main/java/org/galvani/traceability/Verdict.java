package org.galvani.traceability;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.galvani.trace.Implements;

/** A trace judged by a policy: the gaps that fail the build and those that are warnings. */
@Implements("SRS-TRC-006")
public final class Verdict {

    private final List<Gap> failures;
    private final List<Gap> warnings;
    private final Set<Gap> failing;
    private final String policy;

    public Verdict(List<Gap> failures, List<Gap> warnings, String policy) {
        this.failures = List.copyOf(failures);
        this.warnings = List.copyOf(warnings);
        this.failing = new HashSet<>(failures);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Judges every gap of a trace. */
    public static Verdict of(TraceResult result, TracePolicy policy) {
        return new Verdict(result.gaps().stream().filter(policy::fails).toList(),
                result.gaps().stream().filter(gap -> !policy.fails(gap)).toList(), policy.origin());
    }

    public List<Gap> failures() {
        return failures;
    }

    public List<Gap> warnings() {
        return warnings;
    }

    /** Where the policy came from. */
    public String policy() {
        return policy;
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** True when this gap is one of the failures. */
    public boolean fails(Gap gap) {
        return failing.contains(gap);
    }

    /** The failures, one per line, for a build log or an exception message. */
    public String failureList() {
        StringBuilder out = new StringBuilder();
        for (Gap gap : failures) {
            out.append("  ").append(gap).append('\n');
        }
        return out.toString();
    }
}
