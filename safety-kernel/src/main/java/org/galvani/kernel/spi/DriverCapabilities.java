package org.galvani.kernel.spi;

import org.galvani.kernel.HardwareLimits;
import org.galvani.kernel.StatusFlags;

/**
 * What an output stage declares about itself.
 *
 * @param name                        the driver's name (for logs and configuration, for example "sim")
 * @param channels                    the number of independent output channels
 * @param maxCurrentMicroamps         the largest current the stage can drive (µA)
 * @param complianceMillivolts        its compliance voltage (mV)
 * @param resolutionMicroamps         the measurement resolution (µA)
 * @param minControlPeriodMicros      the shortest control period it supports (µs)
 * @param detectableFaults            the {@link StatusFlags} fault bits the driver raises when it detects
 *                                    that fault class (a claim the driver conformance kit checks, one
 *                                    fault class at a time); {@link StatusFlags#DRIVER_EXCEPTION} is the
 *                                    runtime's, never a driver's
 */
public record DriverCapabilities(String name, int channels, int maxCurrentMicroamps, int complianceMillivolts,
                                 int resolutionMicroamps, int minControlPeriodMicros, int detectableFaults) {

    public DriverCapabilities {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("driver capabilities: name is missing");
        }
        if (channels < 1) {
            throw new IllegalArgumentException("driver capabilities of '" + name + "': channels must be at least 1, was "
                    + channels);
        }
        if (resolutionMicroamps < 1) {
            throw new IllegalArgumentException("driver capabilities of '" + name
                    + "': resolutionMicroamps must be at least 1, was " + resolutionMicroamps);
        }
        if ((detectableFaults & ~StatusFlags.FAULT_MASK) != 0 || (detectableFaults & StatusFlags.DRIVER_EXCEPTION) != 0) {
            throw new IllegalArgumentException("driver capabilities of '" + name + "': detectableFaults may hold only"
                    + " StatusFlags fault bits other than DRIVER_EXCEPTION, was 0x" + Integer.toHexString(detectableFaults));
        }
    }

    /** A stage that claims to detect no fault class of its own. */
    public DriverCapabilities(String name, int channels, int maxCurrentMicroamps, int complianceMillivolts,
                              int resolutionMicroamps, int minControlPeriodMicros) {
        this(name, channels, maxCurrentMicroamps, complianceMillivolts, resolutionMicroamps, minControlPeriodMicros, 0);
    }

    /** Whether the driver claims to detect the fault class of {@code flag} (one StatusFlags fault bit). */
    public boolean detects(int flag) {
        return (detectableFaults & flag) == flag && flag != 0;
    }

    /**
     * The hardware envelope for a kernel ticked at {@code controlPeriodMicros}. Throws
     * {@link IllegalArgumentException} if the stage cannot keep up with that period.
     */
    public HardwareLimits hardwareLimits(int controlPeriodMicros) {
        if (controlPeriodMicros < minControlPeriodMicros) {
            throw new IllegalArgumentException("driver '" + name + "' supports control periods of at least "
                    + minControlPeriodMicros + " us, not " + controlPeriodMicros + " us");
        }
        return new HardwareLimits(maxCurrentMicroamps, complianceMillivolts, controlPeriodMicros);
    }
}
