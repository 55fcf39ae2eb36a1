package org.galvani.app.ledger;

import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.port.TreatmentArming;

/**
 * Passes everything to a ledger until {@link #crash()}; after it, writes go nowhere, as when the process
 * dies. Lets a test close its runtime (threads, drivers) without the clean close's closing checkpoint
 * reaching the ledger: what the ledger then holds is what a crash would have left.
 */
final class CrashingLedger implements DoseLedger {

    private final DoseLedger ledger;
    private volatile boolean crashed;

    CrashingLedger(DoseLedger ledger) {
        this.ledger = ledger;
    }

    void crash() {
        crashed = true;
    }

    @Override
    public long deliveredMicroampMillis(String treatmentId) {
        return ledger.deliveredMicroampMillis(treatmentId);
    }

    @Override
    public boolean completed(String treatmentId) {
        return ledger.completed(treatmentId);
    }

    @Override
    public void checkpoint(String channelId, String treatmentId, long timeMicros, long deliveredMicroampMillis) {
        if (!crashed) {
            ledger.checkpoint(channelId, treatmentId, timeMicros, deliveredMicroampMillis);
        }
    }

    @Override
    public void arming(TreatmentArming arming) {
        if (!crashed) {
            ledger.arming(arming);
        }
    }

    @Override
    public void record(ChannelEvent event) {
        if (!crashed) {
            ledger.record(event);
        }
    }
}
