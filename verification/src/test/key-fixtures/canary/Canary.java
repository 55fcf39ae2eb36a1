package canary;

/**
 * The canary of the kernel proofs: contracts whose verdict is known, proved with the same prover and the
 * same settings as the kernel's. The wrong ones must stay open and the controls must close; if a wrong
 * one closes, the settings prove false things (for example, integer overflow is no longer modelled), and
 * every kernel proof made with them is worthless. CanaryProofTest holds the expected verdicts
 * (requirement SRS-VER-002).
 *
 * <p>Not part of the kernel: KeY reads this file from the verification module's key-fixtures folder.
 */
public final class Canary {

    private Canary() {
    }

    /** WRONG: x == Integer.MAX_VALUE wraps to a negative number. True only over mathematical integers. */
    /*@ public normal_behavior
      @ requires x >= 0;
      @ ensures \result > x;
      @ assignable \nothing;
      @*/
    public static int overflowingIncrement(int x) {
        return x + 1;
    }

    /** WRONG: an off-by-one; x == 10 is allowed and returned. */
    /*@ public normal_behavior
      @ requires 0 <= x && x <= 10;
      @ ensures \result < 10;
      @ assignable \nothing;
      @*/
    public static int offByOne(int x) {
        return x;
    }

    /** WRONG: d == 0 throws ArithmeticException, which a normal_behavior contract rules out. */
    /*@ public normal_behavior
      @ requires d >= 0;
      @ ensures true;
      @ assignable \nothing;
      @*/
    public static int unguardedDivision(int n, int d) {
        return n / d;
    }

    /** CONTROL: true, so it must close; shows that the settings can prove an increment that cannot overflow. */
    /*@ public normal_behavior
      @ requires 0 <= x && x <= 1000;
      @ ensures \result == x + 1 && \result > x;
      @ assignable \nothing;
      @*/
    public static int boundedIncrement(int x) {
        return x + 1;
    }

    /**
     * CONTROL: closes because arithmetic inside a specification is mathematical (\bigint, JML's default),
     * while the code's arithmetic is Java's. The kernel's contracts are written for that reading.
     */
    /*@ public normal_behavior
      @ ensures \result == (x + 1 > x);
      @ assignable \nothing;
      @*/
    public static boolean specificationArithmeticIsMathematical(int x) {
        return true;
    }

    /** WRONG: would close only if arithmetic inside a specification wrapped like Java's. */
    /*@ public normal_behavior
      @ ensures \result == (x + 1 > x);
      @ assignable \nothing;
      @*/
    public static boolean specificationArithmeticWraps(int x) {
        return x != 2147483647;
    }
}
