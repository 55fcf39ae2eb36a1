package org.galvani.kernel;

/**
 * One reading of the output stage, filled in place by a driver once per control period (a mutable
 * holder, so that the control loop allocates nothing). The kernel copies what it needs during the tick
 * and keeps no reference to the holder.
 *
 * <ul>
 *   <li>{@code sampledAtMicros}: when the reading was taken, on the runtime's monotonic clock (µs);</li>
 *   <li>{@code currentMicroamps}: the magnitude of the measured output current (µA, never negative);</li>
 *   <li>{@code electrodeMillivolts}: the magnitude of the voltage across the electrodes (mV);</li>
 *   <li>{@code impedanceOhms}: the electrode-skin impedance (Ω): voltage over current while current
 *       flows, the stage's contact-sense reading otherwise, {@link #IMPEDANCE_UNKNOWN} when it has none
 *       (an open circuit reads as unknown or as a very large value);</li>
 *   <li>{@code statusFlags}: bits of {@link StatusFlags}.</li>
 * </ul>
 */
public final class Measurement {

    /** The impedance value for "no reading". */
    public static final int IMPEDANCE_UNKNOWN = -1;

    private long sampledAtMicros;
    private int currentMicroamps;
    private int electrodeMillivolts;
    private int impedanceOhms = IMPEDANCE_UNKNOWN;
    private int statusFlags;

    /** Replaces all fields at once. */
    public Measurement set(long sampledAtMicros, int currentMicroamps, int electrodeMillivolts,
                           int impedanceOhms, int statusFlags) {
        this.sampledAtMicros = sampledAtMicros;
        this.currentMicroamps = currentMicroamps;
        this.electrodeMillivolts = electrodeMillivolts;
        this.impedanceOhms = impedanceOhms;
        this.statusFlags = statusFlags;
        return this;
    }

    /** Adds status bits (for example {@link StatusFlags#DRIVER_EXCEPTION}) and keeps the rest. */
    public Measurement addFlags(int flags) {
        this.statusFlags |= flags;
        return this;
    }

    /** Copies another measurement's fields into this one. */
    public Measurement copyFrom(Measurement other) {
        return set(other.sampledAtMicros, other.currentMicroamps, other.electrodeMillivolts,
                other.impedanceOhms, other.statusFlags);
    }

    public long sampledAtMicros() {
        return sampledAtMicros;
    }

    public int currentMicroamps() {
        return currentMicroamps;
    }

    public int electrodeMillivolts() {
        return electrodeMillivolts;
    }

    public int impedanceOhms() {
        return impedanceOhms;
    }

    public int statusFlags() {
        return statusFlags;
    }

    @Override
    public String toString() {
        return "Measurement[t=" + sampledAtMicros + "us, I=" + currentMicroamps + "uA, V=" + electrodeMillivolts
                + "mV, Z=" + impedanceOhms + "ohm, flags=0x" + Integer.toHexString(statusFlags) + "]";
    }
}
