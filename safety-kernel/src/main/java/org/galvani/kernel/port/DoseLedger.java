package org.galvani.kernel.port;

import org.galvani.trace.Implements;

/**
 * The dose ledger port: durable memory of the dose each treatment has received, so that a restart never
 * forgets dose already given. The runtime reads it when a treatment is armed (on the requesting thread)
 * and writes checkpoints from its event dispatcher; never from the control loop.
 *
 * <p>Implementations may do I/O and may throw; the runtime then refuses to arm, or ends a running
 * treatment with a ramp-down ({@link org.galvani.kernel.Reason#RECORDING_FAILED}).
 */
@Implements("SRS-KRN-032")
public interface DoseLedger {

    /** The dose already delivered for {@code treatmentId} (µA·ms), 0 if the ledger has none. */
    long deliveredMicroampMillis(String treatmentId);

    /**
     * Records that {@code treatmentId} has received {@code deliveredMicroampMillis} in total as of
     * {@code timeMicros} (runtime clock) on {@code channelId}. Totals only grow; a smaller total than one
     * already recorded must not lower it.
     */
    void checkpoint(String channelId, String treatmentId, long timeMicros, long deliveredMicroampMillis);
}
