package org.galvani.kernel;

/**
 * What the output stage can physically do, as its driver declares it: the outer envelope that no device
 * profile may widen.
 *
 * @param maxCurrentMicroamps  the largest current the stage can drive (µA)
 * @param complianceMillivolts the stage's compliance voltage (mV)
 * @param controlPeriodMicros  the control period the kernel is ticked at (µs; 1000 = 1 kHz)
 */
public record HardwareLimits(int maxCurrentMicroamps, int complianceMillivolts, int controlPeriodMicros) {

    /** Largest current any stage may declare (µA). */
    public static final int MAX_CURRENT = 1_000_000;
    /** Largest compliance voltage any stage may declare (mV). */
    public static final int MAX_COMPLIANCE = 1_000_000;
    /** Shortest and longest control periods (µs). */
    public static final int MIN_PERIOD = 100;
    public static final int MAX_PERIOD = 100_000;

    /** Validates the envelope; throws {@link IllegalArgumentException} naming the field and the value. */
    public HardwareLimits {
        Check.range("hardware limits", "maxCurrentMicroamps", maxCurrentMicroamps, 1, MAX_CURRENT);
        Check.range("hardware limits", "complianceMillivolts", complianceMillivolts, 1, MAX_COMPLIANCE);
        Check.range("hardware limits", "controlPeriodMicros", controlPeriodMicros, MIN_PERIOD, MAX_PERIOD);
    }
}
