package org.galvani.verification.proofs;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of KeY's automatic mode on one contract.
 *
 * @param contract       KeY's name of the contract, e.g.
 *                       {@code org.galvani.kernel.policy.CurrentCeiling[org.galvani.kernel.policy.CurrentCeiling::clamp(int,int)].JML normal_behavior operation contract.0}
 * @param className      the fully qualified name of the class the contract belongs to
 * @param closed         whether the proof closed: the contract holds for every input its precondition allows
 * @param nodes          the size of the proof tree
 * @param openGoalCount  how many goals are left open (0 when closed)
 * @param openGoals      the first open goals as KeY prints them (sequents), to show why a proof failed;
 *                       at most {@link KeyProver#PRINTED_OPEN_GOALS}
 * @param millis         the time auto mode took
 */
public record ProofResult(String contract, String className, boolean closed, int nodes, int openGoalCount,
                          List<String> openGoals, long millis) {

    public ProofResult {
        openGoals = List.copyOf(openGoals);
    }

    /** The method part of the contract's name, e.g. {@code clamp} for {@code ...CurrentCeiling::clamp(int,int)]...}. */
    public String methodName() {
        int start = contract.indexOf("::");
        int end = contract.indexOf('(', start);
        return start < 0 || end < 0 ? contract : contract.substring(start + 2, end);
    }

    /** One line: verdict, size, open goals, time and name. */
    public String summary() {
        return String.format(Locale.ROOT, "%-6s %7d nodes %3d open goals %7d ms  %s",
                closed ? "CLOSED" : "OPEN", nodes, openGoalCount, millis, contract);
    }
}
