package org.galvani.kernel.port;

import org.galvani.kernel.Prescription;
import org.galvani.trace.Implements;

/**
 * What the runtime tells the dose ledger before it queues an ARM request: the prescription, who asked,
 * and the data the ledger needs to bound the dose after a crash (see {@link RecoveryBound}).
 *
 * @param channelId                the channel
 * @param requestId                the ARM request's ID (its acceptance or refusal event carries it)
 * @param prescription             the prescription as requested (not yet validated by the kernel)
 * @param origin                   who asked (a user or component name)
 * @param profileName              the device profile of the channel
 * @param driverName               the output stage's driver
 * @param maxCurrentMicroamps      the most current the output stage can drive (µA): the hardware maximum
 * @param checkpointIntervalMillis the profile's dose checkpoint interval (ms)
 * @param stageHoldMillis          how long the stage may keep driving after the host goes silent (ms)
 */
@Implements({"SRS-KRN-038", "SRS-KRN-039"})
public record TreatmentArming(String channelId, long requestId, Prescription prescription, String origin,
                              String profileName, String driverName, int maxCurrentMicroamps,
                              int checkpointIntervalMillis, int stageHoldMillis) {

    /** The treatment ID of the prescription, or null when the request names none. */
    public String treatmentId() {
        return prescription == null ? null : prescription.treatmentId();
    }

    /** The most dose that can flow unrecorded after the last durable checkpoint (µA·ms). */
    public long recoveryMarginMicroampMillis() {
        return RecoveryBound.marginMicroampMillis(maxCurrentMicroamps, checkpointIntervalMillis, stageHoldMillis);
    }
}
