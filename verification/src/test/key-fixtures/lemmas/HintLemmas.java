package lemmas;

/**
 * The proof hints of the kernel's contracts, each as a lemma: the policies state bounds on products and
 * quotients as extra preconditions (such as {@code 0 <= a * b && a * b <= A * B}), because KeY's automatic
 * mode, with the non-linear arithmetic the kernel proofs use ("defined operations"), does not multiply
 * inequalities. A hint restricts no caller only if it follows from the other preconditions of its method.
 * Each method here states exactly that: requires = the method's own bounds, ensures = the hint. They are
 * proved with non-linear arithmetic "model search", which handles these small pure facts at once but
 * loses itself in the kernel's larger proofs. HintLemmaProofTest proves them in every build (requirement
 * SRS-VER-003).
 *
 * <p>Not part of the kernel: KeY reads this file from the verification module's key-fixtures folder. When
 * a policy gains or changes a hint, change or add its lemma here.
 */
public final class HintLemmas {

    private HintLemmas() {
    }

    /** CurrentCeiling.densityLimitMicroamps, densityWithinCeiling: density × area. */
    /*@ public normal_behavior
      @ requires 0 <= d && d <= 100000 && 0 <= a && a <= 1000000;
      @ ensures 0 <= (long) d * a && (long) d * a <= 100000L * 1000000L;
      @ assignable \nothing;
      @*/
    public static void densityTimesArea(int d, int a) {
    }

    /** Plausibility.tolerance, check; ComplianceMonitor.belowFloor: current × percentage. */
    /*@ public normal_behavior
      @ requires 0 <= t && t <= 1000000 && 0 <= f && f <= 100;
      @ ensures 0 <= (long) t * f && (long) t * f <= 1000000L * 100;
      @ assignable \nothing;
      @*/
    public static void currentTimesPercent(int t, int f) {
    }

    /** ComplianceMonitor.reducedGoal: measured current × keep percentage. */
    /*@ public normal_behavior
      @ requires 0 <= m && m <= 1000000 && 0 <= k && k <= 100;
      @ ensures 0 <= m * k && m * k <= m * 100;
      @ assignable \nothing;
      @*/
    public static void measuredTimesKeep(int m, int k) {
    }

    /** DoseBudget.accumulate, capReached, mustBeginRampDown: current × interval. */
    /*@ public normal_behavior
      @ requires 0 <= c && c <= 1000000 && 0 <= i && i <= 1000000000L;
      @ ensures 0 <= (long) c * i && (long) c * i <= 1000000L * 1000000000L;
      @ assignable \nothing;
      @*/
    public static void currentTimesInterval(int c, long i) {
    }

    /** SlewLimiter.rampToward: rate × elapsed time. */
    /*@ public normal_behavior
      @ requires 1 <= r && r <= 1000000 && 0 <= e;
      @ ensures 0 <= (long) r * e;
      @ ensures e <= 1000000000000L ==> (long) r * e <= 1000000L * 1000000000000L;
      @ assignable \nothing;
      @*/
    public static void rateTimesElapsed(int r, long e) {
    }

    /** SlewLimiter.rateFor: target × 1000 / ramp duration. */
    /*@ public normal_behavior
      @ requires 0 <= t && t <= 1000000 && 1 <= ramp;
      @ ensures 0 <= (long) t * 1000 / ramp && (long) t * 1000 / ramp <= (long) t * 1000;
      @ ensures (long) t * 1000 / ramp <= 1000000 || 1000000L * ramp <= (long) t * 1000;
      @ assignable \nothing;
      @*/
    public static void rateQuotient(int t, int ramp) {
    }

    /** SlewLimiter.rampDurationMicros: the rounded-up ramp duration. */
    /*@ public normal_behavior
      @ requires 0 <= f && f <= 1000000 && 1 <= r && r <= 1000000;
      @ ensures 0 <= ((long) f * 1000000L + r - 1) / r && ((long) f * 1000000L + r - 1) / r <= (long) f * 1000000L + r;
      @ assignable \nothing;
      @*/
    public static void durationQuotient(int f, int r) {
    }

    /** DoseBudget.rampDownCharge, mustBeginRampDown: setpoint squared. */
    /*@ public normal_behavior
      @ requires 0 <= s && s <= 1000000 && 1 <= r && r <= 1000000;
      @ ensures 0 <= (long) s * s && (long) s * s <= 1000000L * 1000000L;
      @ assignable \nothing;
      @*/
    public static void squareBound(int s, int r) {
    }

    /** DoseBudget.rampDownCharge, mustBeginRampDown: the straight line's charge, rounded up. */
    /*@ public normal_behavior
      @ requires 0 <= n && n <= 1000000000000000000L + 2000000L && 1 <= r && r <= 1000000;
      @ ensures 0 <= (n + 2L * r - 1L) / (2L * r) && 2 * ((n + 2L * r - 1L) / (2L * r)) <= n + 2L * r;
      @ assignable \nothing;
      @*/
    public static void lineQuotient(long n, int r) {
    }

    /** DoseBudget.rampDownCharge, mustBeginRampDown: the rounding allowance (1 µA over the ramp-down). */
    /*@ public normal_behavior
      @ requires 0 <= s && s <= 1000000 && 1 <= r && r <= 1000000;
      @ ensures 0 <= ((long) s * 1000000L + r - 1L) / r && ((long) s * 1000000L + r - 1L) / r <= (long) s * 1000000L + r;
      @ assignable \nothing;
      @*/
    public static void roundingQuotient(int s, int r) {
    }
}
