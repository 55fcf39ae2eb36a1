package org.galvani.kernel.runtime;

import org.galvani.kernel.Polarity;

/**
 * One call of the driver SPI as a {@link RecordingDriver} saw it.
 *
 * @param method            the SPI method's name
 * @param nowMicros         the time passed to sample or apply (0 for the others)
 * @param setpointMicroamps the setpoint passed to apply
 * @param outputEnabled     the enable state passed to apply
 * @param polarity          the polarity passed to apply
 * @param measuredMicroamps the current that sample reported
 * @param thread            the name of the calling thread
 */
record SpiCall(String method, long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity,
               int measuredMicroamps, String thread) {

    static SpiCall of(String method) {
        return new SpiCall(method, 0L, 0, false, null, 0, Thread.currentThread().getName());
    }

    static SpiCall sample(long nowMicros, int measuredMicroamps) {
        return new SpiCall("sample", nowMicros, 0, false, null, measuredMicroamps, Thread.currentThread().getName());
    }

    static SpiCall apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
        return new SpiCall("apply", nowMicros, setpointMicroamps, outputEnabled, polarity, 0,
                Thread.currentThread().getName());
    }

    boolean is(String name) {
        return method.equals(name);
    }
}
