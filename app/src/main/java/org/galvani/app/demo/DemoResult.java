package org.galvani.app.demo;

import java.util.List;
import org.galvani.kernel.Reason;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.KernelSnapshot;

/**
 * How a demo run ended.
 *
 * @param refusal         why the kernel refused the prescription, or null when it was armed
 * @param last            the channel's last snapshot
 * @param events          every event of the channel, in order
 * @param trueChargeMicroampMicros the charge that really flowed, as the stage counted it; -1 when unknown
 * @param simulatedMicros how much simulated time the run took
 * @param wallNanos       how much wall-clock time it took
 * @param firstFault      the snapshot of the tick in which the kernel first latched FAULT, or null
 * @param flowingAtEndMicroamps the current the stage still drove when the run ended (µA, by its own count; -1 unknown)
 * @param stage           what the driver drove
 * @param counter         who counted the true charge, or null when nobody could
 * @param ledgerDoseMicroampMillis the dose the ledger counts for the treatment at the end (µA·ms)
 */
public record DemoResult(Reason refusal, KernelSnapshot last, List<ChannelEvent> events,
                         long trueChargeMicroampMicros, long simulatedMicros, long wallNanos,
                         KernelSnapshot firstFault, int flowingAtEndMicroamps, String stage, String counter,
                         long ledgerDoseMicroampMillis) {

    /** Whether the treatment ran to COMPLETE. */
    public boolean completed() {
        return refusal == null && last != null && last.state() == org.galvani.kernel.KernelState.COMPLETE;
    }
}
