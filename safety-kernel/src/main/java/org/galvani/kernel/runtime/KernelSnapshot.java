package org.galvani.kernel.runtime;

import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Reason;

/**
 * A consistent picture of one channel after one tick, for user interfaces and gateways. Every field
 * comes from the same tick. Values are the kernel's: µA, mV, Ω, µA·ms, µs.
 *
 * @param channelId                the channel
 * @param tick                     how many ticks the channel has run
 * @param timeMicros               the tick's time on the runtime clock
 * @param state                    the kernel state
 * @param setpointMicroamps        the commanded current
 * @param outputEnabled            whether output is enabled
 * @param polarity                 the active electrode's polarity, or null with no treatment
 * @param measuredMicroamps        the measured current
 * @param electrodeMillivolts      the measured electrode voltage
 * @param impedanceOhms            the measured impedance, or -1 when unknown
 * @param contactOk                whether the impedance is inside the contact window
 * @param statusFlags              the driver's status bits
 * @param treatmentId              the armed treatment, or null
 * @param targetMicroamps          the prescribed target, or 0
 * @param prescribedDoseMicroampMillis the prescribed dose (dose-based treatments), or 0
 * @param deliveredDoseMicroampMillis  the delivered dose
 * @param outputMicros             time with output enabled in this treatment
 * @param lastReason               the cause of the latest transition
 * @param faultReason              the latched fault, or NONE
 * @param halted                   whether the runtime halted this channel after an internal error
 */
public record KernelSnapshot(String channelId, long tick, long timeMicros, KernelState state, int setpointMicroamps,
                             boolean outputEnabled, Polarity polarity, int measuredMicroamps, int electrodeMillivolts,
                             int impedanceOhms, boolean contactOk, int statusFlags, String treatmentId,
                             int targetMicroamps, long prescribedDoseMicroampMillis, long deliveredDoseMicroampMillis,
                             long outputMicros, Reason lastReason, Reason faultReason, boolean halted) {
}
