package org.galvani.kernel.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.HardwareLimits;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.Request;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.StatusFlags;

/**
 * A safety kernel driving a {@link TestStage} in simulated time, the way the runtime does it: every tick
 * samples the stage, ticks the kernel and applies its command. Every event is recorded, and
 * {@link KernelInvariants} are checked after every tick, so each scenario test also checks the kernel's
 * invariants along its whole path.
 *
 * <p>Time starts at 0; {@link #tick()} advances one control period (1 ms).
 */
public final class KernelHarness {

    /** The stage envelope the tests run against: 25 mA, 80 V, 1 kHz. */
    public static final HardwareLimits HARDWARE = new HardwareLimits(25_000, 80_000, 1_000);

    /** The control period (µs). */
    public static final int PERIOD = HARDWARE.controlPeriodMicros();

    private final DeviceProfile profile;
    private final TestStage stage = new TestStage();
    private final Measurement measurement = new Measurement();
    private final List<KernelEvent> events = new ArrayList<>();
    private final Map<Long, RequestKind> requestKinds = new HashMap<>();
    private final KernelInvariants invariants;
    private final SafetyKernel kernel;

    private long now;
    private long nextRequestId = 1;
    private long outputEnabledMicros;
    private int eventsBeforeLatestTick;

    private KernelHarness(DeviceProfile profile) {
        this.profile = profile;
        this.invariants = new KernelInvariants(profile);
        this.kernel = SafetyKernel.create(HARDWARE, profile, this::record);
    }

    /** A harness with a fresh kernel for {@code profile}, not yet ticked. */
    public static KernelHarness create(DeviceProfile profile) {
        return new KernelHarness(profile);
    }

    /** A harness for the drug-delivery patch profile. */
    public static KernelHarness drugDelivery() {
        return create(DeviceProfile.drugDeliveryPatch());
    }

    // ---------------------------------------------------------------------------------------------
    // Requests

    /** Stages {@code request} for the next tick and returns its ID; fails if one is already waiting. */
    public long submit(Request request) {
        if (!kernel.submit(request)) {
            throw new IllegalStateException("the kernel refused to stage " + request + ": a request is waiting");
        }
        requestKinds.put(request.id(), request.kind());
        return request.id();
    }

    public long arm(Prescription prescription) {
        return arm(prescription, 0L);
    }

    public long arm(Prescription prescription, long priorDoseMicroampMillis) {
        return submit(Request.arm(nextRequestId++, prescription, priorDoseMicroampMillis));
    }

    public long start() {
        return submit(Request.start(nextRequestId++));
    }

    public long pause() {
        return submit(Request.pause(nextRequestId++));
    }

    public long resume() {
        return submit(Request.resume(nextRequestId++));
    }

    public long stop() {
        return submit(Request.stop(nextRequestId++));
    }

    public long acknowledge() {
        return submit(Request.acknowledge(nextRequestId++));
    }

    public long systemStop(Reason cause) {
        return submit(Request.systemStop(nextRequestId++, cause));
    }

    /** A fresh request ID, for tests that build requests themselves. */
    public long nextRequestId() {
        return nextRequestId++;
    }

    /** The kernel's decision on a request (the accepted or refused event), or null if not decided yet. */
    public KernelEvent lastOutcomeOf(long requestId) {
        for (int i = events.size() - 1; i >= 0; i--) {
            KernelEvent e = events.get(i);
            if (e.requestId() == requestId && (e.type() == KernelEventType.REQUEST_ACCEPTED
                    || e.type() == KernelEventType.REQUEST_REFUSED)) {
                return e;
            }
        }
        return null;
    }

    /** Whether the request was decided and accepted. */
    public boolean accepted(long requestId) {
        KernelEvent outcome = lastOutcomeOf(requestId);
        return outcome != null && outcome.type() == KernelEventType.REQUEST_ACCEPTED;
    }

    /** The reason the request was refused, or null if it was accepted or not decided. */
    public Reason refusal(long requestId) {
        KernelEvent outcome = lastOutcomeOf(requestId);
        return outcome != null && outcome.type() == KernelEventType.REQUEST_REFUSED ? outcome.reason() : null;
    }

    // ---------------------------------------------------------------------------------------------
    // Simulated time

    /** One control period. */
    public void tick() {
        tickAt(now + PERIOD);
    }

    /** One tick {@code micros} after the previous one. */
    public void tickAfter(long micros) {
        tickAt(now + micros);
    }

    /** One tick at {@code nowMicros} (which may go backwards, to test the watchdog). */
    public void tickAt(long nowMicros) {
        tickAt(nowMicros, m -> { });
    }

    /**
     * One tick at {@code nowMicros}, with {@code tamper} applied to the stage's reading before the kernel
     * sees it (to fake a broken driver: a time from the future, a cleared flag, ...).
     */
    public void tickAt(long nowMicros, Consumer<Measurement> tamper) {
        boolean enabledDuringInterval = stage.outputEnabled();
        if (enabledDuringInterval && nowMicros > now) {
            outputEnabledMicros += nowMicros - now;
        }
        stage.sample(nowMicros, measurement);
        tamper.accept(measurement);
        eventsBeforeLatestTick = events.size();
        kernel.tick(nowMicros, measurement);
        stage.apply(nowMicros, kernel.setpointMicroamps(), kernel.outputEnabled(), kernel.polarity());
        now = Math.max(now, nowMicros);
        invariants.afterTick(kernel, stage, measurement, eventsInLatestTick(), requestKinds);
    }

    /** {@code millis} ticks of one control period each. */
    public void runMillis(long millis) {
        for (long i = 0; i < millis; i++) {
            tick();
        }
    }

    /** Ticks one control period at a time until the latest tick is at {@code timeMicros}. */
    public void runTo(long timeMicros) {
        while (now + PERIOD <= timeMicros) {
            tick();
        }
        if (now != timeMicros) {
            throw new IllegalArgumentException(timeMicros + " us is not on the tick grid (now " + now + " us)");
        }
    }

    /** Ticks until the kernel is in {@code state}; returns how many ticks it took. Fails after {@code maxMillis}. */
    public long runUntil(KernelState state, long maxMillis) {
        return runUntil(k -> k.state() == state, "state " + state, maxMillis);
    }

    /** Ticks until {@code condition} holds; returns how many ticks it took. Fails after {@code maxMillis}. */
    public long runUntil(Predicate<SafetyKernel> condition, String what, long maxMillis) {
        for (long i = 1; i <= maxMillis; i++) {
            tick();
            if (condition.test(kernel)) {
                return i;
            }
        }
        throw new AssertionError("not reached within " + maxMillis + " ms: " + what + "; kernel is in "
                + kernel.state() + " (" + kernel.lastReason() + ")");
    }

    // ---------------------------------------------------------------------------------------------
    // Common scenarios

    /** Ticks until the kernel has confirmed electrode contact. */
    public void confirmContact() {
        runUntil(SafetyKernel::contactConfirmed, "contact confirmed", profile.contactConfirmMillis() + 2L);
    }

    /** Arms {@code prescription} (which must be accepted), confirms contact and starts: the kernel is in RAMP_UP. */
    public void armAndStart(Prescription prescription) {
        long arm = arm(prescription);
        tick();
        expectAccepted(arm);
        confirmContact();
        long start = start();
        tick();
        expectAccepted(start);
    }

    /** {@link #armAndStart} and ramps up: the kernel is DELIVERING at the target. */
    public void deliverAtTarget(Prescription prescription) {
        armAndStart(prescription);
        // The rate is rounded down, so the ramp may take a little longer than prescribed.
        long rate = Math.max(1L, prescription.targetMicroamps() * 1_000L / prescription.rampMillis());
        runUntil(KernelState.DELIVERING, prescription.targetMicroamps() * 1_000L / rate + 2L);
    }

    /**
     * The stage reports a hardware fault for one tick (the kernel latches FAULT), then a safe state; an
     * ACKNOWLEDGE (which must be accepted) returns the kernel to IDLE.
     */
    public void faultAndAcknowledge() {
        stage.flags(StatusFlags.HARDWARE_FAULT);
        tick();
        if (kernel.state() != KernelState.FAULT) {
            throw new AssertionError("the hardware fault did not latch: " + kernel.state());
        }
        stage.flags(0);
        tick();
        long ack = acknowledge();
        tick();
        expectAccepted(ack);
    }

    private void expectAccepted(long requestId) {
        if (!accepted(requestId)) {
            throw new AssertionError("request " + requestId + " was not accepted: " + lastOutcomeOf(requestId));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Observations

    public SafetyKernel kernel() {
        return kernel;
    }

    public TestStage stage() {
        return stage;
    }

    public DeviceProfile profile() {
        return profile;
    }

    /** The time of the latest tick (µs; the largest time ticked so far). */
    public long now() {
        return now;
    }

    /** The reading the kernel saw in the latest tick. */
    public Measurement lastMeasurement() {
        return measurement;
    }

    /** Every event so far, in order. */
    public List<KernelEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The events of one type, in order. */
    public List<KernelEvent> events(KernelEventType type) {
        List<KernelEvent> selected = new ArrayList<>();
        for (KernelEvent e : events) {
            if (e.type() == type) {
                selected.add(e);
            }
        }
        return selected;
    }

    /** The events emitted in the latest tick. */
    public List<KernelEvent> eventsInLatestTick() {
        return Collections.unmodifiableList(events.subList(eventsBeforeLatestTick, events.size()));
    }

    /** The latest state change, or null. */
    public KernelEvent lastStateChange() {
        List<KernelEvent> changes = events(KernelEventType.STATE_CHANGED);
        return changes.isEmpty() ? null : changes.get(changes.size() - 1);
    }

    /** How long the stage's output has been enabled in total (µs), interval by interval. */
    public long outputEnabledMicros() {
        return outputEnabledMicros;
    }

    private void record(KernelEventType type, long timeMicros, KernelState previous, KernelState current,
                        Reason reason, long requestId, long deliveredMicroampMillis) {
        events.add(new KernelEvent(type, timeMicros, previous, current, reason, requestId, deliveredMicroampMillis,
                kernel.treatmentId()));
    }
}
