package org.galvani.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.port.InMemoryDoseLedger;

/**
 * An {@link InMemoryDoseLedger} that records who read and wrote it, and whose reads or writes can be made
 * to fail (as a full disk or a lost database connection would).
 */
final class RecordingLedger implements DoseLedger {

    /** One successful write. */
    record Write(String channelId, String treatmentId, long timeMicros, long deliveredMicroampMillis, String thread) {
    }

    private final InMemoryDoseLedger ledger = new InMemoryDoseLedger();
    private final List<Write> writes = new ArrayList<>();
    private final List<String> readThreads = new ArrayList<>();
    private final AtomicInteger failedWrites = new AtomicInteger();
    private volatile boolean failReads;
    private volatile boolean failWrites;

    RecordingLedger failReads(boolean fail) {
        this.failReads = fail;
        return this;
    }

    RecordingLedger failWrites(boolean fail) {
        this.failWrites = fail;
        return this;
    }

    @Override
    public long deliveredMicroampMillis(String treatmentId) {
        synchronized (readThreads) {
            readThreads.add(Thread.currentThread().getName());
        }
        if (failReads) {
            throw new IllegalStateException("test ledger: read failure");
        }
        return ledger.deliveredMicroampMillis(treatmentId);
    }

    @Override
    public void checkpoint(String channelId, String treatmentId, long timeMicros, long deliveredMicroampMillis) {
        if (failWrites) {
            failedWrites.incrementAndGet();
            throw new IllegalStateException("test ledger: write failure");
        }
        ledger.checkpoint(channelId, treatmentId, timeMicros, deliveredMicroampMillis);
        synchronized (writes) {
            writes.add(new Write(channelId, treatmentId, timeMicros, deliveredMicroampMillis,
                    Thread.currentThread().getName()));
        }
    }

    List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    List<String> readThreads() {
        synchronized (readThreads) {
            return List.copyOf(readThreads);
        }
    }

    int failedWrites() {
        return failedWrites.get();
    }
}
