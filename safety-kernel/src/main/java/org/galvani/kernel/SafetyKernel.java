package org.galvani.kernel;

import org.galvani.kernel.policy.ComplianceMonitor;
import org.galvani.kernel.policy.ContactMonitor;
import org.galvani.kernel.policy.ContactVerdict;
import org.galvani.kernel.policy.CurrentCeiling;
import org.galvani.kernel.policy.DoseBudget;
import org.galvani.kernel.policy.Plausibility;
import org.galvani.kernel.policy.PlausibilityVerdict;
import org.galvani.kernel.policy.SlewLimiter;
import org.galvani.kernel.policy.Watchdog;
import org.galvani.kernel.policy.WatchdogVerdict;
import org.galvani.trace.Implements;

/**
 * The safety kernel of one output channel: the only writer of the output command.
 *
 * <p>Call {@link #tick(long, Measurement)} once per control period with the time (µs, monotonic, from
 * the caller's clock) and the latest measurement; then read the command with
 * {@link #setpointMicroamps()}, {@link #outputEnabled()} and {@link #polarity()} and apply it to the
 * output stage. Requests ({@link #submit(Request)}) are decided inside the next tick, with that tick's
 * measurement; the kernel may refuse any of them, and reports every decision to its
 * {@link KernelEventSink}.
 *
 * <p>The kernel is single-threaded (call it from one thread), reads no clock, starts no thread, does no
 * I/O and allocates nothing in a tick. Safety rules live in small policy classes
 * ({@code org.galvani.kernel.policy}); this class composes them into the state machine of
 * {@link KernelState} and holds no safety arithmetic of its own.
 */
@Implements({"SRS-KRN-008", "SRS-KRN-010", "SRS-KRN-011", "SRS-KRN-013", "SRS-KRN-014", "SRS-KRN-015",
    "SRS-KRN-016", "SRS-KRN-017", "SRS-KRN-018", "SRS-KRN-019", "SRS-KRN-020", "SRS-KRN-021", "SRS-KRN-022",
    "SRS-KRN-023", "SRS-KRN-024", "SRS-KRN-025", "SRS-KRN-026", "SRS-KRN-027", "SRS-KRN-041"})
public final class SafetyKernel {

    private static final long NO_TICK = Long.MIN_VALUE;

    private final HardwareLimits hardware;
    private final DeviceProfile profile;
    private final KernelEventSink events;

    private final long capHorizonMicros;
    private final long rampDownMarginMicros;
    private final long checkpointIntervalMicros;

    private final ContactMonitor contact;
    private final Watchdog watchdog;
    private final Plausibility plausibility;
    private final ComplianceMonitor compliance;

    // The state machine and the command.
    private KernelState state = KernelState.IDLE;
    private Reason lastReason = Reason.NONE;
    private Reason faultReason = Reason.NONE;
    private int setpoint;
    private boolean outputEnabled;

    // The armed treatment (prescription == null: none).
    private Prescription prescription;
    private int ceiling;
    private int rate;
    private int goal;
    private int rampOrigin;
    private long rampStartMicros;
    private long deliveredCharge;
    private long prescribedCharge;
    private long capCharge;
    private long prescribedOutputMicros;
    private long outputMicros;
    private long lastCheckpointMicros;
    private long lastCheckpointCharge;

    // The last treatment, so that re-arming it never forgets its dose, nor that it completed, even before
    // the ledger has it.
    private String lastTreatmentId;
    private long lastTreatmentCharge;
    private boolean lastTreatmentCompleted;

    // The latest tick.
    private long nowMicros = NO_TICK;
    private int measuredMicroamps;
    private int electrodeMillivolts;
    private int impedanceOhms = Measurement.IMPEDANCE_UNKNOWN;
    private int statusFlags;
    private boolean contactOk;
    private boolean faultThisTick;

    private Request pending;

    private SafetyKernel(HardwareLimits hardware, DeviceProfile profile, KernelEventSink events) {
        this.hardware = hardware;
        this.profile = profile;
        this.events = events;
        this.capHorizonMicros = profile.tickGapLimitMicros();
        this.rampDownMarginMicros = (long) hardware.controlPeriodMicros() + profile.tickGapLimitMicros();
        this.checkpointIntervalMicros = profile.checkpointIntervalMillis() * 1_000L;
        this.contact = new ContactMonitor(profile.contactMinOhms(), profile.contactMaxOhms(),
                profile.impedanceJumpLimitOhms(), profile.contactConfirmMillis() * 1_000L);
        this.watchdog = new Watchdog(profile.measurementMaxAgeMicros(), profile.tickGapLimitMicros());
        this.plausibility = new Plausibility(profile.overcurrentToleranceMicroamps(),
                profile.overcurrentTolerancePercent(), profile.overcurrentTicks(), profile.leakMicroamps(),
                profile.settleTicks(), profile.notFollowingTicks());
        this.compliance = new ComplianceMonitor(
                hardware.complianceMillivolts() - profile.complianceHeadroomMillivolts(),
                profile.complianceDebounceTicks());
    }

    /**
     * Creates a kernel in {@link KernelState#IDLE} with the output disabled. Throws
     * {@link IllegalArgumentException} naming the field if the profile would widen the hardware's limits.
     */
    public static SafetyKernel create(HardwareLimits hardware, DeviceProfile profile, KernelEventSink events) {
        Check.notNull("safety kernel", "hardware", hardware);
        Check.notNull("safety kernel", "profile", profile);
        Check.notNull("safety kernel", "events", events);
        profile.checkAgainst(hardware);
        return new SafetyKernel(hardware, profile, events);
    }

    /**
     * Stages a request for the next tick. At most one request waits at a time: returns false (and
     * changes nothing) if one is already waiting, or if {@code request} is null.
     */
    public boolean submit(Request request) {
        if (request == null || pending != null) {
            return false;
        }
        pending = request;
        return true;
    }

    /** Whether a request is waiting for the next tick. */
    public boolean hasPendingRequest() {
        return pending != null;
    }

    /**
     * One control period. {@code nowMicros} is the caller's monotonic time; {@code measurement} the
     * latest reading (copied, not kept). Afterwards the command is ready to apply.
     */
    public void tick(long nowMicros, Measurement measurement) {
        long previousTick = this.nowMicros;
        int commandedDuringInterval = outputEnabled ? setpoint : 0;
        boolean enabledDuringInterval = outputEnabled;
        long sampledAt = measurement.sampledAtMicros();
        measuredMicroamps = measurement.currentMicroamps();
        electrodeMillivolts = measurement.electrodeMillivolts();
        impedanceOhms = measurement.impedanceOhms();
        statusFlags = measurement.statusFlags();
        faultThisTick = false;
        if (previousTick == NO_TICK || nowMicros > previousTick) {
            this.nowMicros = nowMicros;
        }

        integrateDose(previousTick, nowMicros, commandedDuringInterval, enabledDuringInterval);

        WatchdogVerdict timing = nowMicros < 0 || sampledAt < 0
                ? WatchdogVerdict.TIME_BACKWARDS : watchdog.check(nowMicros, sampledAt);
        // The kernel's own monotonic time: a tick from the past must not lengthen the stretch in the window.
        ContactVerdict contactVerdict = contact.update(Math.max(this.nowMicros, 0L), impedanceOhms);
        contactOk = contactVerdict == ContactVerdict.IN_WINDOW;
        int voltage = DoseBudget.magnitude(electrodeMillivolts);
        boolean saturated = compliance.update(voltage);
        PlausibilityVerdict plausible = plausibility.check(commandedDuringInterval, enabledDuringInterval,
                measuredMicroamps, compliance.atCompliance(voltage));

        Reason fault = faultOf(timing, plausible);
        if (fault != Reason.NONE) {
            faultThisTick = true;
            latchFault(fault);
        } else if (TransitionTable.energized(state) && contactVerdict != ContactVerdict.IN_WINDOW) {
            contactLost(contactVerdict == ContactVerdict.JUMP ? Reason.CONTACT_JUMP : Reason.CONTACT_OUT_OF_WINDOW);
        } else if (saturated && (state == KernelState.RAMP_UP || state == KernelState.DELIVERING)) {
            highResistance();
        }

        if (pending != null) {
            Request request = pending;
            pending = null;
            decide(request);
        }

        advance();
        enforceCap();
        if (!TransitionTable.energized(state)) {
            setpoint = 0;
        }
        setpoint = CurrentCeiling.clamp(setpoint, prescription == null ? 0 : ceiling);
        outputEnabled = state == KernelState.RAMP_UP || state == KernelState.DELIVERING
                || state == KernelState.RAMP_DOWN || (state == KernelState.PAUSED && setpoint > 0);
        checkpoint();
    }

    // ---------------------------------------------------------------------------------------------
    // Tick steps

    private void integrateDose(long previousTick, long now, int commanded, boolean enabled) {
        if (prescription == null || previousTick == NO_TICK || now <= previousTick) {
            return;
        }
        long interval = Math.min(now - previousTick, DoseBudget.MAX_INTERVAL);
        deliveredCharge = DoseBudget.accumulate(deliveredCharge,
                DoseBudget.countedCurrent(commanded, measuredMicroamps), interval);
        if (enabled) {
            outputMicros += interval;
        }
    }

    private Reason faultOf(WatchdogVerdict timing, PlausibilityVerdict plausible) {
        switch (timing) {
            case TIME_BACKWARDS:
                return Reason.TIME_BACKWARDS;
            case TICK_GAP:
                return Reason.TICK_OVERRUN;
            case STALE:
                return Reason.MEASUREMENT_STALE;
            default:
                break;
        }
        if (StatusFlags.hasFault(statusFlags)) {
            return Reason.DRIVER_FAULT;
        }
        switch (plausible) {
            case INVALID:
                return Reason.MEASUREMENT_INVALID;
            case OVERCURRENT:
                return Reason.OVERCURRENT;
            case CURRENT_WHILE_DISABLED:
                return Reason.CURRENT_WHILE_DISABLED;
            case NOT_FOLLOWING:
                return Reason.OUTPUT_NOT_FOLLOWING;
            default:
                return Reason.NONE;
        }
    }

    private void highResistance() {
        int reduced = ComplianceMonitor.reducedGoal(DoseBudget.magnitude(measuredMicroamps), goal,
                profile.reduceKeepPercent());
        if (profile.highResistancePolicy() == HighResistancePolicy.PAUSE
                || ComplianceMonitor.belowFloor(reduced, prescription.targetMicroamps(), profile.reduceFloorPercent())) {
            transition(KernelState.PAUSED, Reason.HIGH_RESISTANCE_PAUSED, 0L);
            startRamp(0);
        } else if (reduced < goal) {
            startRamp(reduced);
            emit(KernelEventType.CURRENT_REDUCED, state, Reason.HIGH_RESISTANCE_REDUCED, 0L);
        }
    }

    /** Moves the setpoint along the ramp and takes the transitions that the ramp or the budget decide. */
    private void advance() {
        switch (state) {
            case RAMP_UP:
                int previous = setpoint;
                setpoint = ramp();
                if (!endTreatmentIfDue(previous) && setpoint == goal) {
                    transition(KernelState.DELIVERING, Reason.TARGET_REACHED, 0L);
                }
                break;
            case DELIVERING:
                int held = setpoint;
                setpoint = ramp();
                endTreatmentIfDue(held);
                break;
            case PAUSED:
                setpoint = ramp();
                break;
            case RAMP_DOWN:
                setpoint = ramp();
                if (setpoint == 0) {
                    transition(KernelState.COMPLETE, Reason.OUTPUT_AT_ZERO, 0L);
                }
                break;
            default:
                setpoint = 0;
                break;
        }
    }

    /**
     * Begins the ramp-down when the dose or the time is about to be reached. The ramp-down starts from the
     * setpoint in force ({@code previousSetpoint}) if this tick's step would have raised it: the decision
     * was taken on the raised setpoint, and a step up that is at once ramped down again only adds charge
     * (beyond the prescription when little of it is left).
     */
    private boolean endTreatmentIfDue(int previousSetpoint) {
        boolean due;
        Reason reason;
        if (prescription.endCriterion() == EndCriterion.DOSE) {
            int bound = DoseBudget.countedCurrent(setpoint, measuredMicroamps);
            due = DoseBudget.mustBeginRampDown(deliveredCharge, bound, rate, rampDownMarginMicros, prescribedCharge);
            reason = Reason.DOSE_REACHED;
        } else {
            long remaining = prescribedOutputMicros - outputMicros - hardware.controlPeriodMicros();
            due = SlewLimiter.rampDurationMicros(setpoint, rate) >= remaining;
            reason = Reason.TIME_REACHED;
        }
        if (due) {
            setpoint = Math.min(setpoint, previousSetpoint);
            transition(KernelState.RAMP_DOWN, reason, 0L);
            startRamp(0);
        }
        return due;
    }

    /** The hard cap: if the next interval could reach it, output stops now (a cut, not a ramp). */
    private void enforceCap() {
        if (prescription == null || state == KernelState.FAULT) {
            return;
        }
        int bound = DoseBudget.countedCurrent(TransitionTable.energized(state) ? setpoint : 0, measuredMicroamps);
        boolean reached = bound > 0 && DoseBudget.capReached(deliveredCharge, bound, capHorizonMicros, capCharge);
        if (reached || deliveredCharge > capCharge) {
            latchFault(Reason.DOSE_CAP_REACHED);
        }
    }

    private void checkpoint() {
        if (prescription == null || deliveredCharge == lastCheckpointCharge
                || nowMicros - lastCheckpointMicros < checkpointIntervalMicros) {
            return;
        }
        lastCheckpointMicros = nowMicros;
        lastCheckpointCharge = deliveredCharge;
        emit(KernelEventType.DOSE_CHECKPOINT, state, Reason.DOSE_CHECKPOINT, 0L);
    }

    // ---------------------------------------------------------------------------------------------
    // Requests

    private void decide(Request request) {
        switch (request.kind()) {
            case ARM:
                arm(request);
                break;
            case START:
                if (state != KernelState.ARMED) {
                    refuse(request, Reason.INVALID_STATE);
                } else if (!contact.confirmed(nowMicros)) {
                    refuse(request, Reason.CONTACT_NOT_CONFIRMED);
                } else {
                    accept(request);
                    rampUpFromZero(request);
                }
                break;
            case PAUSE:
                if (state != KernelState.RAMP_UP && state != KernelState.DELIVERING) {
                    refuse(request, Reason.INVALID_STATE);
                } else {
                    accept(request);
                    transition(KernelState.PAUSED, request.cause(), request.id());
                    startRamp(0);
                }
                break;
            case RESUME:
                resume(request);
                break;
            case STOP:
            case SYSTEM_STOP:
                stop(request);
                break;
            case ACKNOWLEDGE:
                acknowledge(request);
                break;
            default:
                refuse(request, Reason.INVALID_STATE);
                break;
        }
    }

    private void arm(Request request) {
        if (state != KernelState.IDLE && state != KernelState.COMPLETE) {
            refuse(request, Reason.INVALID_STATE);
            return;
        }
        Prescription rx = request.prescription();
        long priorCharge = DoseBudget.fromMicroampMillis(request.priorDoseMicroampMillis());
        boolean completed = request.priorCompleted();
        if (rx != null && rx.treatmentId() != null && rx.treatmentId().equals(lastTreatmentId)) {
            long known = prescription != null ? deliveredCharge : lastTreatmentCharge;
            priorCharge = Math.max(priorCharge, known);
            completed = completed || lastTreatmentCompleted;
        }
        Reason refusal = PrescriptionCheck.check(rx, request.priorDoseMicroampMillis(), priorCharge, completed, profile);
        if (refusal != Reason.NONE) {
            refuse(request, refusal);
            return;
        }
        accept(request);
        closeTreatment();
        prescription = rx;
        ceiling = CurrentCeiling.ceiling(profile.maxCurrentMicroamps(),
                CurrentCeiling.densityLimitMicroamps(profile.densityCeilingMicroampsPerCm2(), rx.electrodeAreaMm2()),
                rx.targetMicroamps());
        rate = SlewLimiter.rateFor(rx.targetMicroamps(), rx.rampMillis());
        capCharge = DoseBudget.fromMicroampMillis(profile.hardCapMicroampMillis());
        prescribedCharge = rx.endCriterion() == EndCriterion.DOSE
                ? DoseBudget.fromMicroampMillis(rx.doseMicroampMillis()) : capCharge;
        prescribedOutputMicros = rx.endCriterion() == EndCriterion.TIME ? rx.durationMillis() * 1_000L : 0L;
        deliveredCharge = priorCharge;
        outputMicros = 0L;
        goal = 0;
        rampOrigin = 0;
        lastCheckpointMicros = nowMicros;
        lastCheckpointCharge = deliveredCharge;
        lastTreatmentId = rx.treatmentId();
        lastTreatmentCharge = deliveredCharge;
        lastTreatmentCompleted = false;
        transition(KernelState.ARMED, request.cause(), request.id());
    }

    private void resume(Request request) {
        if (state != KernelState.PAUSED && state != KernelState.CONTACT_LOST) {
            refuse(request, Reason.INVALID_STATE);
        } else if (!contact.confirmed(nowMicros)) {
            refuse(request, Reason.CONTACT_NOT_CONFIRMED);
        } else if (state == KernelState.CONTACT_LOST) {
            accept(request);
            rampUpFromZero(request);
        } else {
            accept(request);
            transition(KernelState.RAMP_UP, request.cause(), request.id());
            compliance.reset();
            startRamp(prescription.targetMicroamps());
        }
    }

    private void rampUpFromZero(Request request) {
        setpoint = 0;
        transition(KernelState.RAMP_UP, request.cause(), request.id());
        compliance.reset();
        startRamp(prescription.targetMicroamps());
    }

    private void stop(Request request) {
        switch (state) {
            case ARMED:
                accept(request);
                transition(KernelState.IDLE, request.cause(), request.id());
                closeTreatment();
                break;
            case RAMP_UP:
            case DELIVERING:
                accept(request);
                transition(KernelState.RAMP_DOWN, request.cause(), request.id());
                startRamp(0);
                break;
            case PAUSED:
                accept(request);
                if (setpoint > 0) {
                    transition(KernelState.RAMP_DOWN, request.cause(), request.id());
                } else {
                    transition(KernelState.COMPLETE, request.cause(), request.id());
                }
                break;
            case CONTACT_LOST:
                accept(request);
                transition(KernelState.COMPLETE, request.cause(), request.id());
                break;
            case RAMP_DOWN:
                accept(request);
                break;
            default:
                refuse(request, Reason.INVALID_STATE);
                break;
        }
    }

    private void acknowledge(Request request) {
        if (state != KernelState.FAULT) {
            refuse(request, Reason.INVALID_STATE);
        } else if (faultThisTick || !StatusFlags.reportsSafe(statusFlags)
                || DoseBudget.magnitude(measuredMicroamps) > profile.leakMicroamps()) {
            refuse(request, Reason.OUTPUT_NOT_SAFE);
        } else {
            accept(request);
            plausibility.reset();
            compliance.reset();
            transition(KernelState.IDLE, request.cause(), request.id());
            faultReason = Reason.NONE;
            closeTreatment();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private void startRamp(int newGoal) {
        rampOrigin = setpoint;
        rampStartMicros = nowMicros;
        goal = newGoal;
    }

    private int ramp() {
        return SlewLimiter.rampToward(rampOrigin, goal, rate, nowMicros - rampStartMicros);
    }

    private void contactLost(Reason reason) {
        setpoint = 0;
        transition(KernelState.CONTACT_LOST, reason, 0L);
    }

    private void latchFault(Reason reason) {
        setpoint = 0;
        outputEnabled = false;
        if (state != KernelState.FAULT) {
            faultReason = reason;
            transition(KernelState.FAULT, reason, 0L);
        }
    }

    /** Ends the bookkeeping of the armed treatment (its dose stays known as the last treatment's). */
    private void closeTreatment() {
        if (prescription != null) {
            lastTreatmentCharge = deliveredCharge;
        }
        prescription = null;
        ceiling = 0;
        goal = 0;
        setpoint = 0;
    }

    private void transition(KernelState to, Reason reason, long requestId) {
        if (!TransitionTable.allowed(state, to)) {
            // Unreachable by construction; if it ever happens, stop delivering and say so.
            to = KernelState.FAULT;
            reason = Reason.INTERNAL_ERROR;
            setpoint = 0;
            faultReason = reason;
        }
        KernelState previous = state;
        state = to;
        lastReason = reason;
        if (to == KernelState.COMPLETE) {
            // The treatment ended with its output at zero: it is never delivered again under its ID.
            lastTreatmentCompleted = true;
        }
        emit(KernelEventType.STATE_CHANGED, previous, reason, requestId);
    }

    private void accept(Request request) {
        emit(KernelEventType.REQUEST_ACCEPTED, state, Reason.NONE, request.id());
    }

    private void refuse(Request request, Reason reason) {
        emit(KernelEventType.REQUEST_REFUSED, state, reason, request.id());
    }

    private void emit(KernelEventType type, KernelState previous, Reason reason, long requestId) {
        events.onEvent(type, nowMicros, previous, state, reason, requestId, deliveredDoseMicroampMillis());
    }

    // ---------------------------------------------------------------------------------------------
    // Read-only view (for the runtime's snapshots, tests and embedders)

    /** The current state. */
    public KernelState state() {
        return state;
    }

    /** The commanded current (µA) to apply until the next tick. Zero whenever output is disabled. */
    public int setpointMicroamps() {
        return setpoint;
    }

    /** Whether the output stage may be enabled until the next tick. */
    public boolean outputEnabled() {
        return outputEnabled;
    }

    /** The active electrode's polarity for the armed treatment; null when none is armed. */
    public Polarity polarity() {
        return prescription == null ? null : prescription.activeElectrode();
    }

    /** The armed prescription, or null. */
    public Prescription prescription() {
        return prescription;
    }

    /** The armed treatment's ID, or null. */
    public String treatmentId() {
        return prescription == null ? null : prescription.treatmentId();
    }

    /** The dose delivered in the armed treatment, including prior dose from the ledger (µA·ms, rounded up). */
    public long deliveredDoseMicroampMillis() {
        return DoseBudget.toMicroampMillis(prescription == null ? lastTreatmentCharge : deliveredCharge);
    }

    /** The current goal of the ramp (µA): the target, a reduced goal, or zero. */
    public int goalMicroamps() {
        return goal;
    }

    /** Time with output enabled in the armed treatment (µs). */
    public long outputMicros() {
        return outputMicros;
    }

    /** The cause of the latest transition. */
    public Reason lastReason() {
        return lastReason;
    }

    /** The latched fault, or {@link Reason#NONE}. */
    public Reason faultReason() {
        return faultReason;
    }

    /** The time of the latest tick (µs), or {@link Long#MIN_VALUE} before the first. */
    public long lastTickMicros() {
        return nowMicros;
    }

    public int measuredMicroamps() {
        return measuredMicroamps;
    }

    public int electrodeMillivolts() {
        return electrodeMillivolts;
    }

    public int impedanceOhms() {
        return impedanceOhms;
    }

    public int statusFlags() {
        return statusFlags;
    }

    /** Whether the latest impedance reading was inside the contact window without a jump. */
    public boolean contactOk() {
        return contactOk;
    }

    /** Whether contact is confirmed (long enough in the window) as of the latest tick. */
    public boolean contactConfirmed() {
        return nowMicros != NO_TICK && contact.confirmed(nowMicros);
    }

    public DeviceProfile profile() {
        return profile;
    }

    public HardwareLimits hardware() {
        return hardware;
    }
}
