package org.galvani.kernel.testing;

import java.util.List;
import java.util.Map;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.TransitionTable;

/**
 * The kernel's safety invariants, checked after every tick of a {@link KernelHarness}. Each check is
 * computed from the requirements' text with arithmetic of its own (not with the kernel's policy
 * classes), so that a bug in a policy cannot hide itself.
 *
 * <ul>
 *   <li>SRS-KRN-011: 0 ≤ setpoint ≤ min(profile maximum, density ceiling × area / 100, target); zero and
 *       output disabled outside RAMP_UP, DELIVERING, PAUSED and RAMP_DOWN, and with no treatment.</li>
 *   <li>SRS-KRN-009/010: |Δ setpoint| ≤ ⌈rate × Δt / 10⁶⌉, except a cut to zero into CONTACT_LOST or FAULT.</li>
 *   <li>SRS-KRN-014: if the dose exceeds the cap, or dose + max(setpoint, measured) × tick-gap limit reaches
 *       it, the kernel is in FAULT with the output off.</li>
 *   <li>SRS-KRN-016/021/022: a detach (reading out of the window, or a jump) in an energized state, or a
 *       fault bit, disables the output in the same tick; after CONTACT_LOST or FAULT the output stays off
 *       until an accepted RESUME, ACKNOWLEDGE or START.</li>
 *   <li>SRS-KRN-008/017: START and RESUME are accepted only after the impedance has been in the window,
 *       without a jump, for the confirmation time.</li>
 *   <li>SRS-KRN-023: every staged request is decided in the tick; every state change is allowed by the
 *       transition table and none is an internal error; the events chain from state to state.</li>
 *   <li>SRS-KRN-025: the commanded polarity is the armed prescription's.</li>
 * </ul>
 */
final class KernelInvariants {

    private static final long NEVER = Long.MIN_VALUE;

    private final DeviceProfile profile;

    private KernelState state = KernelState.IDLE;
    private int setpoint;
    private long kernelTime = NEVER;
    private boolean latchedOff;

    // The contact oracle: the previous in-window reading, and since when readings are in the window.
    private int previousInWindowOhms = -1;
    private long inWindowSince = NEVER;

    KernelInvariants(DeviceProfile profile) {
        this.profile = profile;
    }

    void afterTick(SafetyKernel kernel, TestStage stage, Measurement seen, List<KernelEvent> tickEvents,
                   Map<Long, RequestKind> requestKinds) {
        KernelState stateBefore = state;
        long time = kernel.lastTickMicros();
        boolean detached = updateContactOracle(seen.impedanceOhms(), time);

        checkEvents(kernel, tickEvents, requestKinds, time);
        if (kernel.hasPendingRequest()) {
            fail("a request is still pending after the tick");
        }
        if (stage.appliedSetpoint() != kernel.setpointMicroamps() || stage.outputEnabled() != kernel.outputEnabled()
                || stage.appliedPolarity() != kernel.polarity()) {
            fail("the stage does not hold the kernel's command");
        }
        checkCeiling(kernel);
        checkSlew(kernel, time, tickEvents);
        checkCap(kernel);
        checkCutOff(kernel, stateBefore, detached, seen, tickEvents, requestKinds);
        checkPolarity(kernel);

        setpoint = kernel.setpointMicroamps();
        kernelTime = time;
    }

    /** SRS-KRN-011: the ceiling, and zero with the output off outside the energized states. */
    private void checkCeiling(SafetyKernel kernel) {
        KernelState now = kernel.state();
        int sp = kernel.setpointMicroamps();
        boolean enabled = kernel.outputEnabled();
        Prescription rx = kernel.prescription();
        if (sp < 0) {
            fail("negative setpoint " + sp);
        }
        if (rx == null && (sp != 0 || (now != KernelState.IDLE && now != KernelState.FAULT))) {
            fail("setpoint " + sp + " in " + now + " with no treatment armed");
        }
        if (rx != null && sp > ceilingOf(rx)) {
            fail("setpoint " + sp + " above the ceiling " + ceilingOf(rx));
        }
        if (now == KernelState.IDLE && rx != null) {
            fail("a treatment is armed in IDLE");
        }
        if (!TransitionTable.energized(now) && (sp != 0 || enabled)) {
            fail("output " + sp + " uA, enabled " + enabled + " in " + now);
        }
        if (!enabled && sp != 0) {
            fail("setpoint " + sp + " with the output disabled");
        }
        boolean mustBeEnabled = now == KernelState.RAMP_UP || now == KernelState.DELIVERING
                || now == KernelState.RAMP_DOWN || (now == KernelState.PAUSED && sp > 0);
        if (mustBeEnabled != enabled && TransitionTable.energized(now)) {
            fail("output enabled " + enabled + " in " + now + " with setpoint " + sp);
        }
    }

    /**
     * SRS-KRN-009/010: the slew bound, except a cut to zero by a detach or a fault (a STOP in the same tick
     * may already have taken CONTACT_LOST on to COMPLETE).
     */
    private void checkSlew(SafetyKernel kernel, long time, List<KernelEvent> tickEvents) {
        Prescription rx = kernel.prescription();
        if (rx == null) {
            return;
        }
        int sp = kernel.setpointMicroamps();
        long dt = kernelTime == NEVER ? 0 : Math.max(0, time - kernelTime);
        long rate = Math.max(1L, (long) rx.targetMicroamps() * 1_000L / rx.rampMillis());
        long bound = (rate * dt + 999_999L) / 1_000_000L;
        boolean cut = sp == 0 && (kernel.state() == KernelState.CONTACT_LOST || kernel.state() == KernelState.FAULT
                || entered(tickEvents, KernelState.CONTACT_LOST, KernelState.FAULT));
        if (Math.abs((long) sp - setpoint) > bound && !cut) {
            fail("setpoint moved " + setpoint + " -> " + sp + " uA in " + dt + " us (bound " + bound + " uA) in "
                    + kernel.state());
        }
    }

    /**
     * SRS-KRN-014: the hard cap. The kernel counts charge in µA·µs and reports µA·ms rounded up, so the
     * check uses the smallest charge the reported dose can stand for (never a false alarm).
     */
    private void checkCap(SafetyKernel kernel) {
        if (kernel.prescription() == null) {
            return;
        }
        long dose = kernel.deliveredDoseMicroampMillis();
        long cap = profile.hardCapMicroampMillis();
        long commanded = TransitionTable.energized(kernel.state()) ? kernel.setpointMicroamps() : 0;
        long bound = Math.max(commanded, Math.abs((long) kernel.measuredMicroamps()));
        boolean mustCut = dose > cap || (dose - 1) * 1_000L + bound * profile.tickGapLimitMicros() >= cap * 1_000L;
        if (mustCut && (kernel.state() != KernelState.FAULT || kernel.outputEnabled())) {
            fail("dose " + dose + " uA*ms against the cap " + cap + " with " + bound + " uA flowing, but the kernel is in "
                    + kernel.state());
        }
    }

    /**
     * SRS-KRN-016/017/021/022: a detach in an energized state or a fault bit cuts the output in the same
     * tick; after CONTACT_LOST or FAULT it stays off until an operator's accepted request.
     */
    private void checkCutOff(SafetyKernel kernel, KernelState stateBefore, boolean detached, Measurement seen,
                             List<KernelEvent> tickEvents, Map<Long, RequestKind> requestKinds) {
        boolean off = kernel.setpointMicroamps() == 0 && !kernel.outputEnabled();
        if (TransitionTable.energized(stateBefore) && detached
                && !(off && entered(tickEvents, KernelState.CONTACT_LOST, KernelState.FAULT))) {
            fail("detached in " + stateBefore + " but the kernel is in " + kernel.state() + " with "
                    + kernel.setpointMicroamps() + " uA");
        }
        if (StatusFlags.hasFault(seen.statusFlags()) && !(off && kernel.state() == KernelState.FAULT)) {
            fail("fault bits 0x" + Integer.toHexString(seen.statusFlags()) + " but the kernel is in " + kernel.state());
        }
        for (KernelEvent e : tickEvents) {
            if (e.type() == KernelEventType.STATE_CHANGED
                    && (e.current() == KernelState.CONTACT_LOST || e.current() == KernelState.FAULT)) {
                latchedOff = true;
            }
            if (e.type() == KernelEventType.REQUEST_ACCEPTED && reenables(requestKinds.get(e.requestId()))) {
                latchedOff = false;
            }
        }
        if (latchedOff && !off) {
            fail("output re-enabled after CONTACT_LOST or FAULT without an operator's request");
        }
    }

    /** SRS-KRN-025: the commanded polarity is the armed prescription's. */
    private void checkPolarity(SafetyKernel kernel) {
        Prescription rx = kernel.prescription();
        Polarity expected = rx == null ? null : rx.activeElectrode();
        if (kernel.polarity() != expected) {
            fail("polarity " + kernel.polarity() + " for " + rx);
        }
    }

    /** SRS-KRN-023 and 008/017: the events chain through allowed transitions; START and RESUME need contact. */
    private void checkEvents(SafetyKernel kernel, List<KernelEvent> tickEvents, Map<Long, RequestKind> requestKinds,
                             long time) {
        for (KernelEvent e : tickEvents) {
            if (e.timeMicros() != time) {
                fail("event at " + e.timeMicros() + " in the tick at " + time + ": " + e);
            }
            if (e.previous() != state) {
                fail("event " + e.describe() + " does not follow from " + state);
            }
            if (e.reason() == Reason.INTERNAL_ERROR) {
                fail("internal error: " + e.describe());
            }
            if (e.type() == KernelEventType.STATE_CHANGED) {
                if (!TransitionTable.allowed(e.previous(), e.current())) {
                    fail("transition not in the table: " + e.describe());
                }
                state = e.current();
            } else if (e.current() != e.previous()) {
                fail("a non-transition event changed the state: " + e.describe());
            }
            RequestKind kind = requestKinds.get(e.requestId());
            if (e.type() == KernelEventType.REQUEST_ACCEPTED
                    && (kind == RequestKind.START || kind == RequestKind.RESUME) && !contactConfirmed(time)) {
                fail(kind + " accepted without contact in the window for " + profile.contactConfirmMillis() + " ms");
            }
        }
        if (state != kernel.state()) {
            fail("the events end in " + state + " but the kernel is in " + kernel.state());
        }
    }

    /** Updates the contact oracle with one reading; true if the reading is a detach (out of window or a jump). */
    private boolean updateContactOracle(int ohms, long time) {
        boolean inWindow = profile.contactMinOhms() <= ohms && ohms <= profile.contactMaxOhms();
        if (!inWindow) {
            previousInWindowOhms = -1;
            inWindowSince = NEVER;
            return true;
        }
        boolean jump = previousInWindowOhms >= 0
                && Math.abs((long) ohms - previousInWindowOhms) > profile.impedanceJumpLimitOhms();
        previousInWindowOhms = ohms;
        if (jump) {
            inWindowSince = NEVER;
            return true;
        }
        if (inWindowSince == NEVER) {
            inWindowSince = time;
        }
        return false;
    }

    private boolean contactConfirmed(long time) {
        return inWindowSince != NEVER && time - inWindowSince >= profile.contactConfirmMillis() * 1_000L;
    }

    private int ceilingOf(Prescription rx) {
        long density = (long) profile.densityCeilingMicroampsPerCm2() * rx.electrodeAreaMm2() / 100L;
        return (int) Math.min(Math.min(profile.maxCurrentMicroamps(), density), rx.targetMicroamps());
    }

    private static boolean entered(List<KernelEvent> tickEvents, KernelState one, KernelState other) {
        for (KernelEvent e : tickEvents) {
            if (e.type() == KernelEventType.STATE_CHANGED && (e.current() == one || e.current() == other)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reenables(RequestKind kind) {
        return kind == RequestKind.RESUME || kind == RequestKind.ACKNOWLEDGE || kind == RequestKind.START;
    }

    private static void fail(String message) {
        throw new AssertionError("kernel invariant violated: " + message);
    }
}
