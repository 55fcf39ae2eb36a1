package org.galvani.kernel.policy;

import org.galvani.trace.Implements;

/**
 * The contact monitor: decides from the electrode impedance whether the electrodes are attached, and
 * whether contact has been confirmed (continuously inside the window for the confirmation time).
 *
 * <p>A reading outside [minimum, maximum] ohms is a detach (or a short); so is a change between two
 * consecutive in-window readings larger than the jump limit (a hand pulled out of the water, a patch
 * peeling). Either resets the confirmation: contact must then be confirmed afresh before any output.
 */
@Implements({"SRS-KRN-008", "SRS-KRN-016", "SRS-KRN-017"})
public final class ContactMonitor {

    /** The impedance reading a driver reports when it has none (for example an open circuit). */
    public static final int UNKNOWN = -1;

    /** "Not in the window since any time." */
    public static final long NEVER = -1L;

    private /*@ spec_public @*/ final int minimumOhms;
    private /*@ spec_public @*/ final int maximumOhms;
    private /*@ spec_public @*/ final int jumpLimitOhms;
    private /*@ spec_public @*/ final long confirmMicros;

    /** The previous reading if it was inside the window, else {@link #UNKNOWN}. */
    private /*@ spec_public @*/ int previousInWindowOhms;
    /** When the current unbroken stretch inside the window began, or {@link #NEVER}. */
    private /*@ spec_public @*/ long inWindowSinceMicros;

    /*@ public invariant 0 <= minimumOhms && minimumOhms <= maximumOhms && jumpLimitOhms >= 0 && confirmMicros >= 0;
      @ public invariant previousInWindowOhms == UNKNOWN
      @     || (minimumOhms <= previousInWindowOhms && previousInWindowOhms <= maximumOhms);
      @ public invariant inWindowSinceMicros >= NEVER;
      @*/

    /** A monitor with the given window, jump limit and confirmation time; nothing confirmed yet. */
    /*@ public normal_behavior
      @ requires 0 <= minimumOhms && minimumOhms <= maximumOhms && jumpLimitOhms >= 0 && confirmMicros >= 0;
      @ ensures this.minimumOhms == minimumOhms && this.maximumOhms == maximumOhms;
      @ ensures this.jumpLimitOhms == jumpLimitOhms && this.confirmMicros == confirmMicros;
      @ ensures previousInWindowOhms == UNKNOWN && inWindowSinceMicros == NEVER;
      @*/
    public ContactMonitor(int minimumOhms, int maximumOhms, int jumpLimitOhms, long confirmMicros) {
        this.minimumOhms = minimumOhms;
        this.maximumOhms = maximumOhms;
        this.jumpLimitOhms = jumpLimitOhms;
        this.confirmMicros = confirmMicros;
        this.previousInWindowOhms = UNKNOWN;
        this.inWindowSinceMicros = NEVER;
    }

    /** Whether a reading lies inside the window. */
    /*@ public normal_behavior
      @ ensures \result <==> (minimumOhms <= impedanceOhms && impedanceOhms <= maximumOhms);
      @ assignable \nothing;
      @*/
    public /*@ pure @*/ boolean inWindow(int impedanceOhms) {
        return minimumOhms <= impedanceOhms && impedanceOhms <= maximumOhms;
    }

    /** Takes one reading at {@code nowMicros} (never negative) and says what it means. */
    /*@ public normal_behavior
      @ requires nowMicros >= 0;
      @ requires \static_invariant_for(ContactVerdict);
      @ ensures !inWindow(impedanceOhms) ==> (\result == ContactVerdict.OUT_OF_WINDOW
      @     && inWindowSinceMicros == NEVER && previousInWindowOhms == UNKNOWN);
      @ ensures \result == ContactVerdict.JUMP ==> (inWindowSinceMicros == NEVER
      @     && previousInWindowOhms == impedanceOhms);
      @ ensures \result == ContactVerdict.IN_WINDOW ==> (inWindow(impedanceOhms)
      @     && previousInWindowOhms == impedanceOhms && inWindowSinceMicros != NEVER
      @     && inWindowSinceMicros <= nowMicros);
      @ ensures \result != null;
      @ assignable previousInWindowOhms, inWindowSinceMicros;
      @*/
    public ContactVerdict update(long nowMicros, int impedanceOhms) {
        if (!inWindow(impedanceOhms)) {
            previousInWindowOhms = UNKNOWN;
            inWindowSinceMicros = NEVER;
            return ContactVerdict.OUT_OF_WINDOW;
        }
        boolean jumped = previousInWindowOhms != UNKNOWN
                && (impedanceOhms - previousInWindowOhms > jumpLimitOhms
                    || previousInWindowOhms - impedanceOhms > jumpLimitOhms);
        previousInWindowOhms = impedanceOhms;
        if (jumped) {
            inWindowSinceMicros = NEVER;
            return ContactVerdict.JUMP;
        }
        if (inWindowSinceMicros == NEVER || inWindowSinceMicros > nowMicros) {
            inWindowSinceMicros = nowMicros;
        }
        return ContactVerdict.IN_WINDOW;
    }

    /** Whether contact has been inside the window, without a jump, for at least the confirmation time. */
    /*@ public normal_behavior
      @ ensures \result <==> (inWindowSinceMicros != NEVER && nowMicros - inWindowSinceMicros >= confirmMicros);
      @ assignable \nothing;
      @*/
    public /*@ pure @*/ boolean confirmed(long nowMicros) {
        // nowMicros >= inWindowSinceMicros first: the difference of a time far in the past (near
        // Long.MIN_VALUE) and a recent start would otherwise overflow to a large positive age.
        return inWindowSinceMicros != NEVER && nowMicros >= inWindowSinceMicros
                && nowMicros - inWindowSinceMicros >= confirmMicros;
    }

    /** Forgets all history: contact must be confirmed afresh. */
    /*@ public normal_behavior
      @ ensures previousInWindowOhms == UNKNOWN && inWindowSinceMicros == NEVER;
      @ assignable previousInWindowOhms, inWindowSinceMicros;
      @*/
    public void reset() {
        previousInWindowOhms = UNKNOWN;
        inWindowSinceMicros = NEVER;
    }
}
