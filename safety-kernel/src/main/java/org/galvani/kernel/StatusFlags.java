package org.galvani.kernel;

/**
 * Bits of a measurement's status word, set by the driver (and by the runtime for driver exceptions).
 * Any bit of {@link #FAULT_MASK} latches a kernel fault.
 */
public final class StatusFlags {

    /** The stage confirms its output is disabled and isolated (for example a relay open). */
    public static final int OUTPUT_SAFE = 1;
    /** The stage reports its output enabled. Informational. */
    public static final int OUTPUT_ENABLED = 1 << 1;

    /** The stage detected a hardware fault (over-temperature, supply, self-check). */
    public static final int HARDWARE_FAULT = 1 << 8;
    /** The stage's own overcurrent protection tripped. */
    public static final int HARDWARE_OVERCURRENT = 1 << 9;
    /** The driver lost its link to the stage (disconnect, timeout). */
    public static final int LINK_FAULT = 1 << 10;
    /** The driver received corrupt data (CRC error, sequence gap). */
    public static final int DATA_FAULT = 1 << 11;
    /** The stage's own firmware watchdog disabled the output. */
    public static final int FIRMWARE_WATCHDOG = 1 << 12;
    /** A driver call threw: set by the runtime, not by drivers. */
    public static final int DRIVER_EXCEPTION = 1 << 13;
    /** The driver failed its self-test. */
    public static final int SELF_TEST_FAILED = 1 << 14;

    /** The bits that are faults. */
    public static final int FAULT_MASK = HARDWARE_FAULT | HARDWARE_OVERCURRENT | LINK_FAULT | DATA_FAULT
            | FIRMWARE_WATCHDOG | DRIVER_EXCEPTION | SELF_TEST_FAILED;

    private StatusFlags() {
    }

    /** Whether any fault bit is set. */
    public static boolean hasFault(int flags) {
        return (flags & FAULT_MASK) != 0;
    }

    /** Whether the stage reports safe: {@link #OUTPUT_SAFE} set and no fault bit. */
    public static boolean reportsSafe(int flags) {
        return (flags & OUTPUT_SAFE) != 0 && !hasFault(flags);
    }
}
