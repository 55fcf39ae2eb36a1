package org.galvani.verification.stateful;

import java.util.ArrayList;
import java.util.List;
import org.galvani.drivers.sim.Fault;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.Units;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Implements;

/**
 * The fault campaign: every fault the {@code sim} driver can inject, at four points of a treatment, each
 * run through the runtime in simulated time with the {@link SafetyOracle} checking every tick.
 *
 * <p>The treatment: 2 mA over 4 cm² (dexamethasone), a 1 s ramp, 10 mA·min (which the run never reaches); armed at
 * 1 ms, started at 200 ms; ramp-up until about 1.2 s. The points: {@link Phase#RAMP_UP} at 700 ms,
 * {@link Phase#DELIVERING} at 2 s, {@link Phase#RAMP_DOWN} 500 ms after a STOP at 2.5 s, {@link Phase#PAUSED}
 * 1.5 s after a PAUSE at 2.5 s (the current back at zero). A dry run without the fault checks that the
 * kernel is in the phase at the injection time. The fault then lasts for the rest of the run (3 s).
 */
@Implements("SRS-VER-009")
final class FaultCampaign {

    /** Where in the treatment the fault begins. */
    enum Phase {
        RAMP_UP(KernelState.RAMP_UP, 700, null),
        DELIVERING(KernelState.DELIVERING, 2_000, null),
        RAMP_DOWN(KernelState.RAMP_DOWN, 3_000, RequestKind.STOP),
        PAUSED(KernelState.PAUSED, 4_000, RequestKind.PAUSE);

        final KernelState state;
        final int injectAtMillis;
        final RequestKind operatorAt2500;

        Phase(KernelState state, int injectAtMillis, RequestKind operatorAt2500) {
            this.state = state;
            this.injectAtMillis = injectAtMillis;
            this.operatorAt2500 = operatorAt2500;
        }
    }

    static final int START_AT_MILLIS = 200;
    static final int OPERATOR_AT_MILLIS = 2_500;
    static final int OBSERVE_MILLIS = 3_000;

    /**
     * The drug-delivery patch (4 mA, 0.5 mA/cm², hard cap 80 mA·min) with short ramps and a quick contact
     * confirmation, so that a whole treatment fits in a few seconds.
     */
    static final DeviceProfile PROFILE = DeviceProfile.drugDeliveryPatch().toBuilder().name("fault-campaign")
            .minRampMillis(100).contactConfirmMillis(100).build();

    static final Prescription PRESCRIPTION = Prescription.builder("CAMPAIGN").drug(DrugTable.DEXAMETHASONE)
            .activeElectrode(Polarity.CATHODE).targetMicroamps(2_000).electrodeAreaMm2(400).rampMillis(1_000)
            .doseMicroampMillis(Units.microampMillis(10.0)).build();

    /** The parameter each fault kind is injected with: one that the kernel can see in every phase. */
    static long parameter(FaultKind kind) {
        return switch (kind) {
            case PARTIAL_DETACH -> 20;           // a fifth of the area left: five times the skin resistance
            case SENSOR_STUCK -> 5_000;          // reads 5 mA whatever flows
            case SENSOR_DRIFT -> 20_000;         // offset grows by 20 mA/s
            case RUNAWAY -> 6_000;               // drives 6 mA whatever the command
            case LATE_MEASUREMENT -> 200;        // readings 200 ms old
            default -> 0;
        };
    }

    /** What one run showed. */
    record Outcome(FaultKind kind, Phase phase, long parameter, KernelState stateBefore, KernelState endState,
                   long ticksToEndState, long ticksToOutputOff, long maxSetpointAfter, long deliveredMicroampMillis,
                   long trueChargeMicroampMillis, long trueChargeAfterFaultMicroampMillis, long capMicroampMillis,
                   String reason) {
    }

    /** Runs one fault at one phase. */
    static Outcome run(FaultKind kind, Phase phase) {
        long injectAt = phase.injectAtMillis * 1_000L;
        KernelState before = dryRunState(phase, injectAt);
        if (before != phase.state) {
            throw new AssertionError("campaign set-up: at " + phase.injectAtMillis + " ms the kernel is in " + before
                    + ", not " + phase.state);
        }
        Plan plan = new Plan();
        plan.inject(kind, parameter(kind), injectAt, Fault.OPEN_END);
        try (SimWorld world = new SimWorld(PROFILE, plan, 0, 0)) {
            runTreatmentUntil(world, phase, injectAt - SimWorld.PERIOD);
            long chargeBefore = world.trueChargeMicroampMillis();
            long ticksToEnd = -1;
            long ticksToOff = -1;
            long maxSetpoint = 0;
            KernelState endState = null;
            for (int tick = 1; tick <= OBSERVE_MILLIS; tick++) {
                world.tick();
                KernelSnapshot now = world.snapshot();
                maxSetpoint = Math.max(maxSetpoint, now.setpointMicroamps());
                boolean off = !now.outputEnabled() && now.setpointMicroamps() == 0;
                if (off && ticksToOff < 0) {
                    ticksToOff = tick;
                } else if (!off) {
                    ticksToOff = -1;
                }
                if (now.state() != endState) {
                    endState = now.state();
                    ticksToEnd = tick;
                }
            }
            KernelSnapshot last = world.snapshot();
            return new Outcome(kind, phase, parameter(kind), before, last.state(), ticksToEnd, ticksToOff, maxSetpoint,
                    last.deliveredDoseMicroampMillis(), world.trueChargeMicroampMillis(),
                    world.trueChargeMicroampMillis() - chargeBefore, PROFILE.hardCapMicroampMillis(), last.lastReason().name());
        }
    }

    /** Every fault kind at every phase. */
    static List<Outcome> runAll() {
        List<Outcome> outcomes = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            for (Phase phase : Phase.values()) {
                outcomes.add(run(kind, phase));
            }
        }
        return outcomes;
    }

    private static KernelState dryRunState(Phase phase, long atMicros) {
        try (SimWorld world = new SimWorld(PROFILE, new Plan(), 0, 0)) {
            runTreatmentUntil(world, phase, atMicros);
            return world.snapshot().state();
        }
    }

    /** The operator's script up to {@code untilMicros} (a tick time on the 1 ms grid). */
    private static void runTreatmentUntil(SimWorld world, Phase phase, long untilMicros) {
        new Step.Arm(PRESCRIPTION).run(world);
        while (world.now() < untilMicros) {
            long next = world.now() + SimWorld.PERIOD;
            if (next == START_AT_MILLIS * 1_000L) {
                world.request(RequestKind.START);
            } else if (next == OPERATOR_AT_MILLIS * 1_000L && phase.operatorAt2500 != null) {
                world.request(phase.operatorAt2500);
            }
            world.tick();
        }
    }
}
