package org.galvani.kernel.port;

import org.galvani.kernel.KernelEvent;
import org.galvani.trace.Implements;

/**
 * The dose ledger port: durable memory of the dose each treatment has received, so that a restart never
 * forgets dose already given. The runtime reads it when a treatment is armed (on the requesting thread)
 * and writes checkpoints from its event dispatcher; never from the control loop.
 *
 * <p>Implementations may do I/O and may throw; the runtime then refuses to arm, or ends a running
 * treatment with a ramp-down ({@link org.galvani.kernel.Reason#RECORDING_FAILED}).
 */
@Implements({"SRS-KRN-032", "SRS-KRN-038"})
public interface DoseLedger {

    /** The dose already delivered for {@code treatmentId} (µA·ms), 0 if the ledger has none. */
    long deliveredMicroampMillis(String treatmentId);

    /**
     * Whether a run of {@code treatmentId} ended in {@link org.galvani.kernel.KernelState#COMPLETE} as
     * recorded (false if the ledger has none, or its runs ended otherwise: a crash, a fault). The kernel
     * then refuses to arm it again ({@link org.galvani.kernel.Reason#TREATMENT_ALREADY_COMPLETED}). Read,
     * like the dose, on the requesting thread; a ledger that throws refuses the ARM.
     */
    @Implements("SRS-KRN-041")
    boolean completed(String treatmentId);

    /**
     * Records that {@code treatmentId} has received {@code deliveredMicroampMillis} in total as of
     * {@code timeMicros} (runtime clock) on {@code channelId}. Totals only grow; a smaller total than one
     * already recorded must not lower it.
     */
    void checkpoint(String channelId, String treatmentId, long timeMicros, long deliveredMicroampMillis);

    /**
     * Records, before the ARM request is queued and on the requesting thread, the prescription about to
     * be armed and the data that bounds its dose after a crash. A ledger that throws refuses the ARM
     * ({@link org.galvani.kernel.Reason#LEDGER_UNAVAILABLE}): a treatment whose prescription was not
     * recorded never starts. The kernel may still refuse the ARM; its decision arrives through
     * {@link #record(ChannelEvent)} with the same request ID.
     */
    default void arming(TreatmentArming arming) {
    }

    /**
     * Records one channel event (every event, in order, on the dispatcher thread). A ledger that throws
     * ends any running treatment with a ramp-down ({@link org.galvani.kernel.Reason#RECORDING_FAILED}).
     * The default writes a {@link #checkpoint} for dose checkpoints and state changes of a treatment; a
     * ledger that keeps the whole audit trail overrides it and records the checkpoint in the same write.
     */
    default void record(ChannelEvent event) {
        if (event.carriesDose()) {
            KernelEvent e = event.event();
            checkpoint(event.channelId(), e.treatmentId(), e.timeMicros(), e.deliveredMicroampMillis());
        }
    }
}
