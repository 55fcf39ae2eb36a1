package org.galvani.verification.stateful;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.EndCriterion;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.TransitionTable;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Implements;

/**
 * The kernel's safety invariants, as seen from outside the runtime: after every tick, from the channel's
 * snapshot and the events of that tick only. Each bound is computed here from the requirement's text
 * (not with the kernel's policy classes), so that a bug in a policy cannot hide itself.
 *
 * <ul>
 *   <li>the ceiling: 0 ≤ setpoint ≤ min(device maximum, density ceiling × electrode area, prescribed
 *       target); zero and the output off outside the energized states (SRS-KRN-011);</li>
 *   <li>the slew: |Δ setpoint| ≤ ⌈rate × Δt⌉ per tick, except a cut to zero into CONTACT_LOST or FAULT
 *       (SRS-KRN-009/010);</li>
 *   <li>the dose: the dose the kernel counts is at most the hard cap while the stage is honest; a counted
 *       dose above the cap (a sensor that reads high after the cut) is only allowed in FAULT with the output
 *       off; at COMPLETE of an honest dose-based treatment at most the prescription (SRS-KRN-013/014). The
 *       charge that really flowed is checked against the cap by the caller, which owns the stage;</li>
 *   <li>the cut-off: a detach (a reading out of the contact window, or a jump) in an energized state, or
 *       a fault bit, turns the output off in the same tick; after CONTACT_LOST or FAULT the output stays
 *       off until an accepted RESUME, ACKNOWLEDGE or START (SRS-KRN-016/021/022);</li>
 *   <li>the table: every state change is one {@link TransitionTable#allowed} allows, events chain from
 *       state to state, no internal error, the channel is never halted (SRS-KRN-023);</li>
 *   <li>once completed, a treatment is never armed again under its ID (SRS-KRN-041).</li>
 * </ul>
 *
 * <p>A violation throws {@link AssertionError} naming the invariant and the tick.
 */
@Implements("SRS-VER-004")
final class SafetyOracle {

    private static final long NEVER = Long.MIN_VALUE;

    private final DeviceProfile profile;
    private final Map<String, Prescription> armed;

    private KernelState state = KernelState.IDLE;
    private int setpoint;
    private long time = NEVER;
    private boolean latchedOff;
    /** The counted dose went past the cap after the cut (a sensor reading current with the output off). */
    private boolean capPassedAfterCut;
    private int previousInWindowOhms = -1;
    /** The treatments seen reaching COMPLETE. */
    private final Set<String> completed = new HashSet<>();

    /**
     * @param profile the channel's device profile
     * @param armed   the prescriptions the test submitted, by treatment ID (IDs are never reused)
     */
    SafetyOracle(DeviceProfile profile, Map<String, Prescription> armed) {
        this.profile = profile;
        this.armed = armed;
    }

    /**
     * Checks one tick.
     *
     * @param now                  the channel's snapshot after the tick
     * @param tickEvents           the events the tick emitted, in order
     * @param honest               whether the stage and the ticks have been honest since the treatment was
     *                             armed (no stage or sensor fault, no noise, no tick gap): then the counted
     *                             dose stays under the cap and a dose-based treatment ends at most at its
     *                             prescription
     */
    void afterTick(KernelSnapshot now, List<ChannelEvent> tickEvents, boolean honest) {
        KernelState before = state;
        boolean detached = detachSeen(now.impedanceOhms());
        if (now.halted()) {
            fail(now, "the channel halted (internal error)");
        }
        checkEvents(now, tickEvents, honest);
        Prescription rx = now.treatmentId() == null ? null : armed.get(now.treatmentId());
        checkCeiling(now, rx);
        checkSlew(now, rx, tickEvents);
        checkCap(now, honest);
        checkCutOff(now, before, detached, tickEvents);
        setpoint = now.setpointMicroamps();
        time = now.timeMicros();
    }

    /** The oracle's idea of the state (what the events said). */
    KernelState state() {
        return state;
    }

    private void checkEvents(KernelSnapshot now, List<ChannelEvent> tickEvents, boolean honest) {
        for (ChannelEvent recorded : tickEvents) {
            KernelEvent e = recorded.event();
            if (e.reason() == Reason.INTERNAL_ERROR) {
                fail(now, "internal error: " + e.describe());
            }
            if (e.previous() != state) {
                fail(now, "event " + e.describe() + " does not follow from " + state);
            }
            if (e.type() == KernelEventType.STATE_CHANGED) {
                if (!TransitionTable.allowed(e.previous(), e.current())) {
                    fail(now, "transition not in the table: " + e.describe());
                }
                state = e.current();
                if (state == KernelState.CONTACT_LOST || state == KernelState.FAULT) {
                    latchedOff = true;
                }
                if (state == KernelState.COMPLETE) {
                    checkDoseAtCompletion(now, e, honest);
                    completed.add(e.treatmentId());
                }
                if (state == KernelState.ARMED && completed.contains(e.treatmentId())) {
                    fail(now, "a completed treatment armed again: " + e.describe());
                }
            } else if (e.current() != e.previous()) {
                fail(now, "a non-transition event changed the state: " + e.describe());
            }
            if (e.type() == KernelEventType.REQUEST_ACCEPTED && reenables(recorded.request())) {
                latchedOff = false;
            }
            if (e.type() == KernelEventType.REQUEST_ACCEPTED && recorded.request() == RequestKind.ARM) {
                capPassedAfterCut = false;
            }
        }
        if (state != now.state()) {
            fail(now, "the events end in " + state + " but the snapshot says " + now.state());
        }
    }

    /** SRS-KRN-013: an honest dose-based treatment ends at most at its prescription. */
    private void checkDoseAtCompletion(KernelSnapshot now, KernelEvent completed, boolean honest) {
        Prescription rx = completed.treatmentId() == null ? null : armed.get(completed.treatmentId());
        if (rx == null || rx.endCriterion() != EndCriterion.DOSE || !honest) {
            return;
        }
        if (completed.deliveredMicroampMillis() > rx.doseMicroampMillis()) {
            fail(now, "completed at " + completed.deliveredMicroampMillis() + " uA*ms, prescribed "
                    + rx.doseMicroampMillis());
        }
    }

    /** SRS-KRN-011. */
    private void checkCeiling(KernelSnapshot now, Prescription rx) {
        int sp = now.setpointMicroamps();
        if (sp < 0) {
            fail(now, "negative setpoint " + sp);
        }
        if (!now.outputEnabled() && sp != 0) {
            fail(now, "setpoint " + sp + " uA with the output disabled");
        }
        if (!TransitionTable.energized(now.state()) && (sp != 0 || now.outputEnabled())) {
            fail(now, "output " + sp + " uA, enabled " + now.outputEnabled() + " in " + now.state());
        }
        if (rx == null) {
            if (sp != 0 || now.outputEnabled()) {
                fail(now, "output with no treatment armed");
            }
            return;
        }
        long density = (long) profile.densityCeilingMicroampsPerCm2() * rx.electrodeAreaMm2() / 100L;
        long ceiling = Math.min(Math.min(profile.maxCurrentMicroamps(), density), rx.targetMicroamps());
        if (sp > ceiling) {
            fail(now, "setpoint " + sp + " uA above the ceiling " + ceiling + " uA (device "
                    + profile.maxCurrentMicroamps() + ", density " + density + ", target " + rx.targetMicroamps() + ")");
        }
    }

    /** SRS-KRN-009/010. */
    private void checkSlew(KernelSnapshot now, Prescription rx, List<ChannelEvent> tickEvents) {
        int sp = now.setpointMicroamps();
        if (rx == null || time == NEVER) {
            return;
        }
        long dt = Math.max(0, now.timeMicros() - time);
        long rate = Math.max(1L, (long) rx.targetMicroamps() * 1_000L / rx.rampMillis());
        long bound = (rate * dt + 999_999L) / 1_000_000L;
        boolean cut = sp == 0 && (now.state() == KernelState.CONTACT_LOST || now.state() == KernelState.FAULT
                || entered(tickEvents));
        if (Math.abs((long) sp - setpoint) > bound && !cut) {
            fail(now, "setpoint moved " + setpoint + " -> " + sp + " uA in " + dt + " us, bound " + bound + " uA");
        }
    }

    /**
     * SRS-KRN-014: the counted dose passes the cap only after the cut (in FAULT, output off, a sensor still
     * reading current), and never with an honest stage; it is then reported as it is until the next ARM.
     */
    private void checkCap(KernelSnapshot now, boolean honest) {
        long dose = now.deliveredDoseMicroampMillis();
        long cap = profile.hardCapMicroampMillis();
        if (dose > cap && !capPassedAfterCut) {
            if (honest || now.state() != KernelState.FAULT || now.outputEnabled()) {
                fail(now, "counted dose " + dose + " uA*ms above the hard cap " + cap + " (honest stage: " + honest
                        + ")");
            }
            capPassedAfterCut = true;
        }
    }

    /** SRS-KRN-016/021/022. */
    private void checkCutOff(KernelSnapshot now, KernelState before, boolean detached, List<ChannelEvent> tickEvents) {
        boolean off = now.setpointMicroamps() == 0 && !now.outputEnabled();
        if (TransitionTable.energized(before) && detached && !(off && entered(tickEvents))) {
            fail(now, "detach (impedance " + now.impedanceOhms() + " ohm) in " + before + " but the output is not"
                    + " cut in the same tick");
        }
        if (StatusFlags.hasFault(now.statusFlags()) && !(off && now.state() == KernelState.FAULT)) {
            fail(now, "fault bits 0x" + Integer.toHexString(now.statusFlags()) + " but the kernel is in " + now.state()
                    + " with " + now.setpointMicroamps() + " uA");
        }
        if (latchedOff && !off) {
            fail(now, "output re-enabled after CONTACT_LOST or FAULT without an accepted operator request");
        }
    }

    /** Whether a reading is a detach: out of the contact window, or a jump from the previous reading. */
    private boolean detachSeen(int ohms) {
        boolean inWindow = profile.contactMinOhms() <= ohms && ohms <= profile.contactMaxOhms();
        if (!inWindow) {
            previousInWindowOhms = -1;
            return true;
        }
        boolean jump = previousInWindowOhms >= 0
                && Math.abs((long) ohms - previousInWindowOhms) > profile.impedanceJumpLimitOhms();
        previousInWindowOhms = ohms;
        return jump;
    }

    private static boolean entered(List<ChannelEvent> tickEvents) {
        for (ChannelEvent recorded : tickEvents) {
            KernelEvent e = recorded.event();
            if (e.type() == KernelEventType.STATE_CHANGED
                    && (e.current() == KernelState.CONTACT_LOST || e.current() == KernelState.FAULT)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reenables(RequestKind kind) {
        return kind == RequestKind.RESUME || kind == RequestKind.ACKNOWLEDGE || kind == RequestKind.START;
    }

    private static void fail(KernelSnapshot now, String message) {
        throw new AssertionError("kernel invariant violated at " + now.timeMicros() + " us (tick " + now.tick() + ", "
                + now.state() + "): " + message);
    }
}
