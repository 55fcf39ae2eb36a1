package org.galvani.kernel.spi;

import org.galvani.kernel.HardwareLimits;

/**
 * What an output stage declares about itself.
 *
 * @param name                        the driver's name (for logs and configuration, for example "sim")
 * @param channels                    the number of independent output channels
 * @param maxCurrentMicroamps         the largest current the stage can drive (µA)
 * @param complianceMillivolts        its compliance voltage (mV)
 * @param resolutionMicroamps         the measurement resolution (µA)
 * @param minControlPeriodMicros      the shortest control period it supports (µs)
 */
public record DriverCapabilities(String name, int channels, int maxCurrentMicroamps, int complianceMillivolts,
                                 int resolutionMicroamps, int minControlPeriodMicros) {

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
