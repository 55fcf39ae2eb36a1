package org.galvani.verification.proofs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves every JML contract of the safety kernel with KeY, in every build, and fails the build on any
 * contract that does not close. The results go to {@code target/evidence/proofs.json}; the open goals of a
 * failed proof to {@code target/key/open-goals/}.
 */
@ExtendWith(KeyProverExtension.class)
class KernelContractProofTest {

    private static final Logger LOG = LoggerFactory.getLogger(KernelContractProofTest.class);

    /** The kernel's classes; everything else KeY loads is a fixture of this module. */
    private static final String KERNEL_CLASSES = "org.galvani.";

    /** How much of an open goal the failure message shows; the whole goals are in the open-goals folder. */
    private static final int SHOWN_GOAL_CHARS = 1_500;

    private final VerificationPaths paths = VerificationPaths.fromSystemProperties();
    private final ProofStage stage = new ProofStage(paths.kernelSources(), paths.traceSources());

    @Test
    @Verifies("SRS-VER-001")
    void everyKernelSourceWithAJmlContractIsProved() {
        assertFalse(stage.jmlAnnotatedKernelSources().isEmpty(), "found no JML in " + paths.kernelSources());
        List<Path> unstaged = stage.unstagedJmlSources();
        if (!unstaged.isEmpty()) {
            fail("kernel sources with JML that KeY would not prove (" + unstaged.size() + "); add them to"
                    + " ProofStage.SCOPE, together with every class they use, or move the contract:\n  "
                    + unstaged.stream().map(Path::toString).collect(Collectors.joining("\n  ")));
        }
    }

    @Test
    @Verifies("SRS-VER-001")
    void everyKernelContractCloses(KeyProver prover) throws IOException {
        deleteStaleOpenGoals();
        List<ProofResult> results = prover.proveContractsOf(name -> name.startsWith(KERNEL_CLASSES), ProverSettings.KERNEL);
        ProofReport.write(paths.evidence().resolve("proofs.json"), results);
        logSummary(results);

        Set<String> classesWithContracts = results.stream().map(ProofResult::className).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String staged : stage.stagedKernelClasses()) {
            if (!classesWithContracts.contains(staged)) {
                problems.add(staged + ": KeY found no contract in it (was its JML read?)");
            }
        }
        for (ProofResult open : results.stream().filter(result -> !result.closed()).toList()) {
            Path goals = writeOpenGoals(open);
            problems.add(open.summary() + "\n    all open goals printed: " + goals + "\n    first open goal: "
                    + shorten(open.openGoals().isEmpty() ? "(none printed)" : open.openGoals().get(0)));
        }
        if (!problems.isEmpty()) {
            fail("kernel contracts not proved (" + problems.size() + " of " + results.size() + " contracts);"
                    + " see verification/README.md, 'When a contract stays open':\n  " + String.join("\n  ", problems));
        }
    }

    private static void logSummary(List<ProofResult> results) {
        long closed = results.stream().filter(ProofResult::closed).count();
        long millis = results.stream().mapToLong(ProofResult::millis).sum();
        String slowest = results.stream().sorted(Comparator.comparingLong(ProofResult::millis).reversed()).limit(3)
                .map(result -> result.className() + "." + result.methodName() + " " + result.millis() + " ms")
                .collect(Collectors.joining(", "));
        LOG.info("kernel contracts: {} of {} closed in {} ms of auto mode; slowest: {}", closed, results.size(),
                millis, slowest);
    }

    /** Open goals of an earlier run would mislead: the folder holds those of this run only. */
    private void deleteStaleOpenGoals() throws IOException {
        if (Files.isDirectory(paths.openGoals())) {
            try (Stream<Path> files = Files.list(paths.openGoals())) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private Path writeOpenGoals(ProofResult open) throws IOException {
        Files.createDirectories(paths.openGoals());
        Path file = paths.openGoals().resolve(open.contract().replaceAll("[^A-Za-z0-9_.-]+", "_") + ".txt");
        StringBuilder text = new StringBuilder(open.summary()).append('\n');
        for (int i = 0; i < open.openGoals().size(); i++) {
            text.append("\n=== open goal ").append(i + 1).append(" of ").append(open.openGoalCount()).append(", ")
                    .append(open.openGoals().get(i)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String shorten(String goal) {
        String oneLine = goal.replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN_GOAL_CHARS ? oneLine : oneLine.substring(0, SHOWN_GOAL_CHARS) + " ...";
    }
}
