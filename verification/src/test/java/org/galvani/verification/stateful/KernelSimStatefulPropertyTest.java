package org.galvani.verification.stateful;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.trace.Implements;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.stateful.Sequential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful property over kernel and simulator: random sequences of operators' requests (valid and
 * invalid prescriptions, start, pause, resume, stop, acknowledge), detaches and re-attaches, partial
 * detaches, every fault the {@code sim} driver can inject, measurement noise, tick jitter and gaps, run
 * through the runtime in simulated time. QuickTheories' {@link Sequential#modelCheck} runs each sequence
 * against the {@link Model} (time, ticks, decided requests); {@link SafetyOracle} checks the safety
 * invariants after every tick.
 *
 * <p>A failure prints the shrunk sequence ({@code Run[...]}, one step a line) and the seed
 * ({@code Seed was ...}); replay it with {@code -DQT_SEED=<seed>} on the Maven command line. Tries:
 * {@value #TRIES} × {@code galvani.stateful.scale} (1 by default, 100 with {@code -Pcampaign}).
 */
class KernelSimStatefulPropertyTest {

    private static final Logger LOG = LoggerFactory.getLogger(KernelSimStatefulPropertyTest.class);

    static final int TRIES = 40_000;
    private static final int MAX_STEPS = 30;

    /** The smallest share of runs that must reach each state: a property cannot pass by never getting there. */
    static final Map<KernelState, Double> MIN_SHARE = minShares();

    private static Map<KernelState, Double> minShares() {
        Map<KernelState, Double> shares = new EnumMap<>(KernelState.class);
        // About half of what the generator reaches (runs: ARMED 70 %, RAMP_UP 56 %, DELIVERING 14 %,
        // PAUSED 8 %, RAMP_DOWN 26 %, CONTACT_LOST 18 %, COMPLETE 24 %, FAULT 44 %).
        shares.put(KernelState.IDLE, 1.0);
        shares.put(KernelState.ARMED, 0.35);
        shares.put(KernelState.RAMP_UP, 0.28);
        shares.put(KernelState.DELIVERING, 0.07);
        shares.put(KernelState.PAUSED, 0.04);
        shares.put(KernelState.RAMP_DOWN, 0.13);
        shares.put(KernelState.CONTACT_LOST, 0.09);
        shares.put(KernelState.COMPLETE, 0.12);
        shares.put(KernelState.FAULT, 0.22);
        return shares;
    }

    static int tries() {
        return TRIES * Integer.getInteger("galvani.stateful.scale", 1);
    }

    @Test
    @Verifies(value = {"SRS-VER-004", "SRS-VER-005"}, version = 1)
    void invariantsHoldAfterEveryTickOfAnySequence() {
        int tries = tries();
        Map<KernelState, Integer> runsReaching = new EnumMap<>(KernelState.class);
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        int[] runs = {0};
        long[] multipleFaultTreatments = {0};
        long started = System.nanoTime();
        Sequences.Run[] lastFailing = {null};
        try {
            qt().withExamples(tries).withShrinkCycles(2_000).forAll(Sequences.runs(MAX_STEPS)).checkAssert(run -> {
                try (SimWorld world = replay(run)) {
                    runs[0]++;
                    multipleFaultTreatments[0] += world.multipleFaultTreatments();
                    world.visited().forEach(s -> runsReaching.merge(s, 1, Integer::sum));
                    reasons.addAll(world.reasons());
                } catch (AssertionError | RuntimeException e) {
                    lastFailing[0] = run;
                    throw e;
                }
            });
        } catch (AssertionError e) {
            throw lastFailing[0] == null ? e : withShortestSequence(e, lastFailing[0]);
        }
        long millis = (System.nanoTime() - started) / 1_000_000L;
        StateCoverage coverage = new StateCoverage(runs[0], runsReaching);
        LOG.info("stateful kernel+sim: {} runs of up to {} steps in {} ms; runs reaching each state: {}; reasons: {};"
                + " treatments with a runaway behind a blind sensor (true charge not held to the cap): {}", runs[0], MAX_STEPS, millis,
                coverage, reasons, multipleFaultTreatments[0]);
        writeEvidence(tries, millis, coverage, multipleFaultTreatments[0]);
        List<String> shortfalls = coverage.shortfalls(MIN_SHARE);
        assertTrue(shortfalls.isEmpty(), "the generator does not reach every state often enough: " + shortfalls);
        assertTrue(reasons.containsAll(List.of(Reason.CONTACT_OUT_OF_WINDOW, Reason.DOSE_REACHED, Reason.TIME_REACHED,
                Reason.DRIVER_FAULT, Reason.MEASUREMENT_STALE, Reason.TICK_OVERRUN, Reason.INVALID_PRESCRIPTION,
                Reason.CONTACT_NOT_CONFIRMED, Reason.SELF_TEST_FAILED, Reason.TREATMENT_ALREADY_COMPLETED)),
                "reasons seen: " + reasons);
    }

    /** Runs {@code run} from scratch, checking the model and the oracle; throws on the first violation. */
    static SimWorld replay(Sequences.Run run) {
        SimWorld world = new SimWorld(Plan.of(run.steps()), run.noiseMicroamps(), run.noiseSeed());
        try {
            Sequential.modelCheck(Model.INITIAL, run.steps(), initial -> world, SimWorld::observe);
            return world;
        } catch (AssertionError | RuntimeException e) {
            world.close();
            throw e;
        }
    }

    /**
     * QuickTheories' report of the failure, followed by the shortest subsequence of the last failing run's
     * steps that still fails (QuickTheories shrinks values, not the number of steps) and its own failure.
     */
    static AssertionError withShortestSequence(AssertionError failure, Sequences.Run failing) {
        List<Step> steps = SequenceMinimiser.minimise(failing.steps(),
                candidate -> failureOf(new Sequences.Run(failing.noiseMicroamps(), failing.noiseSeed(), candidate)) != null);
        Sequences.Run shortest = new Sequences.Run(failing.noiseMicroamps(), failing.noiseSeed(), steps);
        Throwable why = failureOf(shortest);
        AssertionError reported = new AssertionError(failure.getMessage() + "\n\nShortest failing subsequence ("
                + steps.size() + " of " + failing.steps().size() + " steps): " + shortest
                + "\nwhich fails with: " + why, failure);
        return reported;
    }

    /** The failure of replaying {@code run}, or null when it passes. */
    static Throwable failureOf(Sequences.Run run) {
        try (SimWorld world = replay(run)) {
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    /**
     * Writes {@code stateful.json} into the evidence folder (system property {@code galvani.evidence}) for the
     * evidence bundle: tries, runs, steps, time, the share of runs reaching each state and its minimum.
     */
    @Implements("SRS-VER-010")
    static void writeEvidence(int tries, long millis, StateCoverage coverage, long blindSensorTreatments) {
        String folder = System.getProperty("galvani.evidence");
        if (folder == null) {
            LOG.warn("system property galvani.evidence not set: stateful.json not written");
            return;
        }
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"tries\": %d, \"runs\": %d, \"maxSteps\": %d, \"millis\": %d,"
                + " \"blindSensorTreatments\": %d,%n \"reaching\": {", tries, coverage.runs(), MAX_STEPS, millis,
                blindSensorTreatments));
        StringBuilder minimum = new StringBuilder();
        for (KernelState state : KernelState.values()) {
            String comma = state.ordinal() == 0 ? "" : ", ";
            json.append(String.format(Locale.ROOT, "%s\"%s\": %.4f", comma, state, coverage.share(state)));
            minimum.append(String.format(Locale.ROOT, "%s\"%s\": %.4f", comma, state, MIN_SHARE.getOrDefault(state, 1.0)));
        }
        json.append("},\n \"minimum\": {").append(minimum).append("}}\n");
        try {
            Path dir = Path.of(folder);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("stateful.json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stateful.json into " + folder, e);
        }
    }

    /** Which share of the runs reached each state. */
    @Implements("SRS-VER-005")
    record StateCoverage(int runs, Map<KernelState, Integer> reaching) {

        double share(KernelState state) {
            return runs == 0 ? 0 : reaching.getOrDefault(state, 0) / (double) runs;
        }

        List<String> shortfalls(Map<KernelState, Double> minimum) {
            List<String> shortfalls = new ArrayList<>();
            for (KernelState state : KernelState.values()) {
                double min = minimum.getOrDefault(state, 1.0);
                if (share(state) < min) {
                    shortfalls.add(String.format(Locale.ROOT, "%s in %.1f %% of runs, at least %.1f %% required",
                            state, 100 * share(state), 100 * min));
                }
            }
            return shortfalls;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (KernelState state : KernelState.values()) {
                text.append(String.format(Locale.ROOT, "%s%s %.1f %%", text.length() == 0 ? "" : ", ", state,
                        100 * share(state)));
            }
            return text.toString();
        }
    }
}
