package org.galvani.verification.stateful;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.testing.Profiles;
import org.galvani.trace.Implements;

/**
 * The system under test: a kernel and a {@code sim} driver in a {@link KernelRuntime} stepped in simulated
 * time, as the demo runs it. The stage's contact and fault scripts come from the sequence's {@link Plan}.
 * After every tick the {@link SafetyOracle} checks the invariants; the world records the states and
 * reasons it saw for the coverage statistics.
 */
@Implements("SRS-VER-004")
final class SimWorld implements AutoCloseable {

    /** The control period (µs). */
    static final int PERIOD = 1_000;
    /** A hard cap a few seconds of 4 mA reach, so that sequences of a few seconds meet it. */
    static final long CAP = 3_000_000L;
    static final String CHANNEL = "ch";

    private final DeviceProfile profile;
    private final Plan plan;
    private final int noiseMicroamps;
    private final KernelRuntime runtime;
    private final Channel channel;
    private final SimulatedOutputStage stage;
    private final SafetyOracle oracle;
    private final Map<String, Prescription> armed = new HashMap<>();
    private final List<ChannelEvent> tickEvents = new ArrayList<>();
    private final Set<KernelState> visited = EnumSet.of(KernelState.IDLE);
    private final Set<Reason> reasons = EnumSet.noneOf(Reason.class);

    private final Map<String, Long> trueChargeByTreatment = new HashMap<>();
    /** Treatments during which a runaway ran behind a blind sensor (see {@link Plan#hiddenRunawayAt}). */
    private final Set<String> multipleFaults = new java.util.HashSet<>();
    private String treatmentDuringInterval;
    private long trueChargeSoFar;
    private Prescription pendingArm;
    private long now;
    private long decided;
    private boolean honestSinceArm = true;

    SimWorld(Plan plan, int noiseMicroamps, long noiseSeed) {
        this(profile(), plan, noiseMicroamps, noiseSeed);
    }

    SimWorld(DeviceProfile profile, Plan plan, int noiseMicroamps, long noiseSeed) {
        this.profile = profile;
        this.plan = plan;
        this.noiseMicroamps = noiseMicroamps;
        SimulatorConfig config = SimulatorConfig.patchDefaults().withNoise(noiseMicroamps, noiseSeed)
                .withContact(plan.contact()).withFaults(plan.faults());
        this.stage = new SimulatedOutputStage(config);
        this.runtime = KernelRuntime.builder().periodMicros(PERIOD).selfTestIntervalMicros(500_000L)
                .channel(CHANNEL, profile, stage)
                .sink(tickEvents::add)
                .build();
        this.channel = runtime.channel(CHANNEL);
        this.oracle = new SafetyOracle(profile, armed);
    }

    /**
     * The drug-delivery patch with short ramps, quick contact confirmation and a small cap, and both end
     * criteria, so that short sequences reach every state.
     */
    static DeviceProfile profile() {
        return Profiles.quickDrugDelivery("stateful-sim", CAP).build();
    }

    void arm(Prescription prescription) {
        pendingArm = prescription;
        channel.arm(prescription, "stateful");
    }

    void request(RequestKind kind) {
        switch (kind) {
            case START -> channel.start("stateful");
            case PAUSE -> channel.pause("stateful");
            case RESUME -> channel.resume("stateful");
            case STOP -> channel.stop("stateful");
            case ACKNOWLEDGE -> channel.acknowledge("stateful");
            default -> throw new IllegalArgumentException("not an operator request here: " + kind);
        }
    }

    /** One tick, one period after the latest. */
    void tick() {
        tickAt(now + PERIOD);
    }

    /** One tick at {@code timeMicros}; then the invariants. */
    void tickAt(long timeMicros) {
        tickEvents.clear();
        runtime.advanceTo(timeMicros);
        now = timeMicros;
        if (plan.stageMisbehavesAt(timeMicros)) {
            honestSinceArm = false;
        }
        for (ChannelEvent recorded : tickEvents) {
            if (recorded.request() != null && (recorded.event().type() == KernelEventType.REQUEST_ACCEPTED
                    || recorded.event().type() == KernelEventType.REQUEST_REFUSED)) {
                decided++;
                if (recorded.request() == RequestKind.ARM && recorded.event().type() == KernelEventType.REQUEST_ACCEPTED) {
                    armed.put(pendingArm.treatmentId(), pendingArm);
                    honestSinceArm = noiseMicroamps == 0 && !plan.stageMisbehavesAt(timeMicros);
                }
            }
            visited.add(recorded.event().current());
            reasons.add(recorded.event().reason());
        }
        KernelSnapshot snapshot = channel.snapshot();
        oracle.afterTick(snapshot, tickEvents, honestSinceArm);
        checkTrueDose(snapshot);
    }

    /**
     * SRS-KRN-014 in physical terms: the charge that really flowed through the load while a treatment was
     * armed, over all its arms (the dose ledger carries its dose from one arm to the next), stays within the
     * hard cap, whatever the sensor said, under the single-fault condition. With a runaway stage behind a
     * sensor that cannot show its current (two faults at once) the kernel cannot see the current; such
     * treatments are counted ({@link #multipleFaultTreatments()}) but not held to the cap.
     */
    private void checkTrueDose(KernelSnapshot snapshot) {
        long charge = stage.trueChargeMicroampMicros();
        if (treatmentDuringInterval != null) {
            if (plan.hiddenRunawayAt(now)) {
                multipleFaults.add(treatmentDuringInterval);
            }
            long total = trueChargeByTreatment.merge(treatmentDuringInterval, charge - trueChargeSoFar, Long::sum);
            if (total > profile.hardCapMicroampMillis() * 1_000L && !multipleFaults.contains(treatmentDuringInterval)) {
                throw new AssertionError("kernel invariant violated at " + now + " us: " + total / 1_000L
                        + " uA*ms really flowed in treatment " + treatmentDuringInterval + ", above the hard cap "
                        + profile.hardCapMicroampMillis());
            }
        }
        trueChargeSoFar = charge;
        treatmentDuringInterval = snapshot.treatmentId();
    }

    /** A tick gap or jitter beyond the grid: the dose-at-completion bound no longer applies to this treatment. */
    void markIrregular() {
        honestSinceArm = false;
    }

    long now() {
        return now;
    }

    /** The channel's snapshot after the latest tick. */
    KernelSnapshot snapshot() {
        return channel.snapshot();
    }

    /** The charge that really flowed through the load so far (µA·ms, rounded up), whatever was measured. */
    long trueChargeMicroampMillis() {
        return (stage.trueChargeMicroampMicros() + 999L) / 1_000L;
    }

    /** What the model predicts: the time and count of ticks, the requests decided. */
    Model observe() {
        KernelSnapshot snapshot = channel.snapshot();
        return new Model(snapshot.timeMicros(), snapshot.tick(), decided);
    }

    Set<KernelState> visited() {
        return visited;
    }

    Set<Reason> reasons() {
        return reasons;
    }

    /** How many treatments of this run saw a runaway behind a blind sensor (two faults at once). */
    int multipleFaultTreatments() {
        return multipleFaults.size();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
