package org.galvani.app.session;

import org.galvani.kernel.KernelState;

/**
 * One recorded sample of a channel during a treatment, in the kernel's units.
 *
 * @param timeMicros              the tick time on the runtime clock (µs)
 * @param run                     which run of the treatment (see {@link SessionEvent#run()})
 * @param state                   the kernel state
 * @param setpointMicroamps       the commanded current
 * @param measuredMicroamps       the measured current
 * @param impedanceOhms           the measured impedance, or -1 when unknown
 * @param deliveredMicroampMillis the delivered dose so far
 * @param contactOk               whether the electrodes were in contact
 * @param outputEnabled           whether the output was enabled
 */
public record SessionSample(long timeMicros, int run, KernelState state, int setpointMicroamps, int measuredMicroamps,
                            int impedanceOhms, long deliveredMicroampMillis, boolean contactOk, boolean outputEnabled) {
}
