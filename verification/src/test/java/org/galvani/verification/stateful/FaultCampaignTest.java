package org.galvani.verification.stateful;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.kernel.KernelState;
import org.galvani.trace.Verifies;
import org.galvani.verification.proofs.ProofReport;
import org.galvani.verification.stateful.FaultCampaign.Outcome;
import org.galvani.verification.stateful.FaultCampaign.Phase;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault campaign's verdicts: for every fault kind of the {@code sim} driver at every phase, the state
 * the kernel must end in, within how many ticks, with the output off from then on (for FAULT and
 * CONTACT_LOST), the kernel's invariants holding on every tick (the {@link SafetyOracle} runs throughout)
 * and the dose, counted and really delivered, within the hard cap. The table is written to
 * {@code target/evidence/fault-campaign.json} and {@code fault-campaign.md}.
 */
class FaultCampaignTest {

    private static final Logger LOG = LoggerFactory.getLogger(FaultCampaignTest.class);

    /** What a fault must lead to: the end state, and within how many ticks of its onset (tick 1 = its first). */
    record Required(KernelState state, int withinTicks, String why) {
    }

    /**
     * The required response to each fault, from the requirements (the limits are the campaign profile's:
     * over-current after 5 ticks, leak settling 10 ticks, stage not following after 50 ticks, measurements
     * at most 5 ms old).
     */
    static Required required(FaultKind kind, Phase phase) {
        return switch (kind) {
            case DETACH -> new Required(KernelState.CONTACT_LOST, 1, "SRS-KRN-016: impedance out of the window, cut in"
                    + " the same tick");
            case PARTIAL_DETACH -> new Required(KernelState.CONTACT_LOST, 2, "SRS-KRN-016: the impedance jumps once the"
                    + " smaller area has carried current for one interval");
            case SENSOR_STUCK -> new Required(KernelState.FAULT, 6, "SRS-KRN-020/036: over-current for 5 ticks, or the"
                    + " periodic self-test's reference reading");
            case SENSOR_DRIFT -> new Required(KernelState.FAULT, 15, "SRS-KRN-020/036: the offset passes the tolerance,"
                    + " then over-current for 5 ticks");
            case RUNAWAY -> phase == Phase.PAUSED
                    ? new Required(KernelState.FAULT, 12, "SRS-KRN-020: current with the output disabled after the"
                            + " 10-tick settling time")
                    : new Required(KernelState.FAULT, 7, "SRS-KRN-020: over-current for 5 ticks");
            case DEAD_STAGE -> phase == Phase.PAUSED
                    ? new Required(KernelState.PAUSED, 1, "nothing is asked of a paused stage at zero: no hazard, no"
                            + " fault")
                    : new Required(KernelState.FAULT, 52, "SRS-KRN-020: the stage does not follow for 50 ticks");
            case MEASUREMENT_STOPS -> new Required(KernelState.FAULT, 6, "SRS-KRN-019: the measurement is older than"
                    + " 5 ms");
            case LATE_MEASUREMENT -> new Required(KernelState.FAULT, 1, "SRS-KRN-019: a reading older than the last"
                    + " one: time going backwards");
            case DUPLICATED_MEASUREMENT -> new Required(switch (phase) {
                case RAMP_UP, DELIVERING -> KernelState.DELIVERING;
                case RAMP_DOWN -> KernelState.COMPLETE;
                case PAUSED -> KernelState.PAUSED;
            }, Integer.MAX_VALUE, "SRS-KRN-019: a repeated reading 1 ms old is still fresh: the treatment goes on");
            case SAMPLE_THROWS -> new Required(KernelState.FAULT, 1, "SRS-KRN-033: a driver call that throws latches a"
                    + " fault");
            case APPLY_THROWS -> new Required(KernelState.FAULT, 2, "SRS-KRN-033: output disabled at once, fault"
                    + " latched in the next tick");
            case HARDWARE_FAULT -> new Required(KernelState.FAULT, 1, "SRS-KRN-021: a fault flag latches in the same"
                    + " tick");
        };
    }

    @Test
    @Verifies(value = "SRS-VER-009", version = 1)
    void everyFaultAtEveryPhaseEndsSafe() throws IOException {
        List<Outcome> outcomes = FaultCampaign.runAll();
        assertEquals(FaultKind.values().length * Phase.values().length, outcomes.size());
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            String verdict = verdict(o);
            if (verdict != null) {
                failures.add(o.kind() + " in " + o.phase() + ": " + verdict + " (" + o + ")");
            }
        }
        Path evidence = Path.of(System.getProperty("galvani.evidence", "target/evidence"));
        Files.createDirectories(evidence);
        Files.writeString(evidence.resolve("fault-campaign.json"), json(outcomes), StandardCharsets.UTF_8);
        Files.writeString(evidence.resolve("fault-campaign.md"), markdown(outcomes), StandardCharsets.UTF_8);
        LOG.info("fault campaign: {} runs ({} fault kinds x {} phases), {} failed; table in {}", outcomes.size(),
                FaultKind.values().length, Phase.values().length, failures.size(), evidence.resolve("fault-campaign.md"));
        assertTrue(failures.isEmpty(), "the fault campaign failed:\n  " + String.join("\n  ", failures));
    }

    /** Null if the outcome meets its requirement, else what is wrong. */
    static String verdict(Outcome o) {
        Required r = required(o.kind(), o.phase());
        if (o.endState() != r.state()) {
            return "ended in " + o.endState() + ", required " + r.state();
        }
        boolean mustCut = r.state() == KernelState.FAULT || r.state() == KernelState.CONTACT_LOST;
        if (mustCut && (o.ticksToEndState() > r.withinTicks() || o.ticksToOutputOff() < 0
                || o.ticksToOutputOff() > r.withinTicks())) {
            return "reached " + o.endState() + " after " + o.ticksToEndState() + " ticks, output off after "
                    + o.ticksToOutputOff() + ", required within " + r.withinTicks();
        }
        if (o.deliveredMicroampMillis() > o.capMicroampMillis() || o.trueChargeMicroampMillis() > o.capMicroampMillis()) {
            return "dose beyond the cap";
        }
        return null;
    }

    private static String json(List<Outcome> outcomes) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            Required r = required(o.kind(), o.phase());
            json.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT, "{\"fault\": %s, \"parameter\": %d,"
                    + " \"phase\": %s, \"requiredState\": %s, \"requiredWithinTicks\": %s, \"endState\": %s,"
                    + " \"ticksToEndState\": %d, \"ticksToOutputOff\": %d, \"reason\": %s,"
                    + " \"countedDoseMicroampMillis\": %d, \"trueChargeMicroampMillis\": %d,"
                    + " \"trueChargeAfterFaultMicroampMillis\": %d, \"capMicroampMillis\": %d, \"passed\": %s,"
                    + " \"why\": %s}", ProofReport.quote(o.kind().id()), o.parameter(), ProofReport.quote(o.phase().name()),
                    ProofReport.quote(r.state().name()), r.withinTicks() == Integer.MAX_VALUE ? "null" : r.withinTicks(),
                    ProofReport.quote(o.endState().name()), o.ticksToEndState(), o.ticksToOutputOff(),
                    ProofReport.quote(o.reason()), o.deliveredMicroampMillis(), o.trueChargeMicroampMillis(),
                    o.trueChargeAfterFaultMicroampMillis(), o.capMicroampMillis(), verdict(o) == null,
                    ProofReport.quote(r.why())));
        }
        return json.append("\n]\n").toString();
    }

    private static String markdown(List<Outcome> outcomes) {
        StringBuilder md = new StringBuilder("# Fault campaign\n\nEvery fault the sim driver can inject, at four points"
                + " of a 2 mA treatment (see FaultCampaign). Ticks are 1 ms; tick 1 is the first with the fault."
                + " \"off\" is the tick from which the output stayed off. Charge in uA*ms; cap "
                + FaultCampaign.PROFILE.hardCapMicroampMillis() + " uA*ms.\n\n"
                + "| fault | phase | required | end state | ticks | off | reason | true charge after fault | verdict |\n"
                + "|---|---|---|---|---:|---:|---|---:|---|\n");
        for (Outcome o : outcomes) {
            Required r = required(o.kind(), o.phase());
            md.append(String.format(Locale.ROOT, "| %s%s | %s | %s%s | %s | %d | %s | %s | %d | %s |%n", o.kind().id(),
                    o.kind().hasParameter() ? " " + o.parameter() + " " + o.kind().unit() : "", o.phase(), r.state(),
                    r.withinTicks() == Integer.MAX_VALUE ? "" : " <= " + r.withinTicks(), o.endState(),
                    o.ticksToEndState(), o.ticksToOutputOff() < 0 ? "-" : String.valueOf(o.ticksToOutputOff()), o.reason(),
                    o.trueChargeAfterFaultMicroampMillis(), verdict(o) == null ? "pass" : "FAIL: " + verdict(o)));
        }
        return md.toString();
    }

    /** The verdict can fail: a runaway that ended anywhere but FAULT, or too late, or a dose past the cap. */
    @Test
    @Verifies(value = "SRS-VER-009", version = 1)
    void theVerdictFailsOnAnUnsafeOutcome() {
        Outcome safe = new Outcome(FaultKind.RUNAWAY, Phase.DELIVERING, 6_000, KernelState.DELIVERING, KernelState.FAULT,
                7, 7, 2_000, 100, 100, 38, 1_000, "OVERCURRENT");
        assertEquals(null, verdict(safe));
        assertTrue(verdict(new Outcome(FaultKind.RUNAWAY, Phase.DELIVERING, 6_000, KernelState.DELIVERING,
                KernelState.DELIVERING, 1, -1, 2_000, 100, 100, 38, 1_000, "NONE")).startsWith("ended in DELIVERING"));
        assertTrue(verdict(new Outcome(FaultKind.RUNAWAY, Phase.DELIVERING, 6_000, KernelState.DELIVERING,
                KernelState.FAULT, 8, 8, 2_000, 100, 100, 38, 1_000, "OVERCURRENT")).startsWith("reached FAULT after 8"));
        assertTrue(verdict(new Outcome(FaultKind.RUNAWAY, Phase.DELIVERING, 6_000, KernelState.DELIVERING,
                KernelState.FAULT, 7, -1, 2_000, 100, 100, 38, 1_000, "OVERCURRENT")).contains("output off after -1"));
        assertEquals("dose beyond the cap", verdict(new Outcome(FaultKind.RUNAWAY, Phase.DELIVERING, 6_000,
                KernelState.DELIVERING, KernelState.FAULT, 7, 7, 2_000, 100, 1_001, 38, 1_000, "OVERCURRENT")));
    }
}
