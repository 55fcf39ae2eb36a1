package org.galvani.kernel.policy;

import org.galvani.trace.Implements;

/**
 * The current ceiling: the setpoint may never exceed the device maximum, the density ceiling times the
 * electrode area, or the prescribed target, whatever any caller asks.
 *
 * <p>Units: microamps (µA), electrode area in square millimetres (mm²), density in µA per cm²
 * (100 mm² = 1 cm²). Integer division rounds the density limit down, towards safety.
 *
 * <p>Written in the Java subset that KeY reads: no generics, lambdas or records.
 *
 * <p>Preconditions that bound a product (such as {@code 0 <= a * b && a * b <= A * B}) follow from the
 * bounds on the factors stated next to them and restrict no caller. They are proof hints for KeY, whose
 * automatic mode (non-linear arithmetic: defined operations) does not multiply inequalities and so could
 * not otherwise show that the products in the code do not overflow.
 */
@Implements({"SRS-KRN-004", "SRS-KRN-011"})
public final class CurrentCeiling {

    /** Square millimetres per square centimetre. */
    public static final int MM2_PER_CM2 = 100;

    /** Largest density the contracts are written for (µA/cm²); the kernel's absolute ceiling is far lower. */
    public static final int MAX_DENSITY = 100000;

    /** Largest electrode area the contracts are written for (mm², i.e. one square metre). */
    public static final int MAX_AREA = 1000000;

    private CurrentCeiling() {
    }

    /**
     * The largest current (µA) whose density over {@code areaMm2} stays at or below the density ceiling.
     * Rounded down, so that the limit itself never exceeds the ceiling.
     */
    /*@ public normal_behavior
      @ requires 0 <= densityMicroampsPerCm2 && densityMicroampsPerCm2 <= MAX_DENSITY;
      @ requires 0 <= areaMm2 && areaMm2 <= MAX_AREA;
      @ requires 0 <= (long) densityMicroampsPerCm2 * areaMm2
      @     && (long) densityMicroampsPerCm2 * areaMm2 <= (long) MAX_DENSITY * MAX_AREA;
      @ ensures \result >= 0;
      @ ensures (long) \result * MM2_PER_CM2 <= (long) densityMicroampsPerCm2 * areaMm2;
      @ ensures ((long) \result + 1) * MM2_PER_CM2 > (long) densityMicroampsPerCm2 * areaMm2;
      @ assignable \nothing;
      @*/
    public static int densityLimitMicroamps(int densityMicroampsPerCm2, int areaMm2) {
        long product = (long) densityMicroampsPerCm2 * (long) areaMm2;
        return (int) (product / MM2_PER_CM2);
    }

    /**
     * Whether {@code targetMicroamps} over {@code areaMm2} is at or below the density ceiling, compared
     * exactly (no rounding): a target exactly at the ceiling is within it.
     */
    /*@ public normal_behavior
      @ requires 0 <= targetMicroamps && targetMicroamps <= MAX_DENSITY * 10;
      @ requires 0 <= densityMicroampsPerCm2 && densityMicroampsPerCm2 <= MAX_DENSITY;
      @ requires 0 <= areaMm2 && areaMm2 <= MAX_AREA;
      @ requires 0 <= (long) densityMicroampsPerCm2 * areaMm2
      @     && (long) densityMicroampsPerCm2 * areaMm2 <= (long) MAX_DENSITY * MAX_AREA;
      @ ensures \result <==> (long) targetMicroamps * MM2_PER_CM2 <= (long) densityMicroampsPerCm2 * areaMm2;
      @ assignable \nothing;
      @*/
    public static boolean densityWithinCeiling(int targetMicroamps, int densityMicroampsPerCm2, int areaMm2) {
        return (long) targetMicroamps * MM2_PER_CM2 <= (long) densityMicroampsPerCm2 * (long) areaMm2;
    }

    /** The ceiling for a treatment: min(device maximum, density limit, prescribed target). */
    /*@ public normal_behavior
      @ requires deviceMaxMicroamps >= 0 && densityLimitMicroamps >= 0 && targetMicroamps >= 0;
      @ ensures \result >= 0;
      @ ensures \result <= deviceMaxMicroamps && \result <= densityLimitMicroamps && \result <= targetMicroamps;
      @ ensures \result == deviceMaxMicroamps || \result == densityLimitMicroamps || \result == targetMicroamps;
      @ assignable \nothing;
      @*/
    public static int ceiling(int deviceMaxMicroamps, int densityLimitMicroamps, int targetMicroamps) {
        int ceiling = deviceMaxMicroamps;
        if (densityLimitMicroamps < ceiling) {
            ceiling = densityLimitMicroamps;
        }
        if (targetMicroamps < ceiling) {
            ceiling = targetMicroamps;
        }
        return ceiling;
    }

    /** Clamps a requested setpoint into [0, ceiling]. */
    /*@ public normal_behavior
      @ requires ceilingMicroamps >= 0;
      @ ensures 0 <= \result && \result <= ceilingMicroamps;
      @ ensures (0 <= requestedMicroamps && requestedMicroamps <= ceilingMicroamps) ==> \result == requestedMicroamps;
      @ ensures requestedMicroamps > ceilingMicroamps ==> \result == ceilingMicroamps;
      @ ensures requestedMicroamps < 0 ==> \result == 0;
      @ assignable \nothing;
      @*/
    public static int clamp(int requestedMicroamps, int ceilingMicroamps) {
        if (requestedMicroamps < 0) {
            return 0;
        }
        if (requestedMicroamps > ceilingMicroamps) {
            return ceilingMicroamps;
        }
        return requestedMicroamps;
    }
}
