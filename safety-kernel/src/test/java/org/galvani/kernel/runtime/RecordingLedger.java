package org.galvani.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.port.InMemoryDoseLedger;
import org.galvani.kernel.port.TreatmentArming;

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
    private volatile boolean failArming;
    private volatile boolean failEventsWithoutDose;
    private final List<TreatmentArming> armings = new ArrayList<>();
    private final List<ChannelEvent> records = new ArrayList<>();

    RecordingLedger failReads(boolean fail) {
        this.failReads = fail;
        return this;
    }

    RecordingLedger failWrites(boolean fail) {
        this.failWrites = fail;
        return this;
    }

    /** Makes {@link #arming} fail (the prescription cannot be recorded). */
    RecordingLedger failArming(boolean fail) {
        this.failArming = fail;
        return this;
    }

    /** Makes {@link #record} fail for events that carry no dose (the audit trail fails, the checkpoints work). */
    RecordingLedger failEventsWithoutDose(boolean fail) {
        this.failEventsWithoutDose = fail;
        return this;
    }

    @Override
    public void arming(TreatmentArming arming) {
        if (failArming) {
            throw new IllegalStateException("test ledger: arming failure");
        }
        synchronized (armings) {
            armings.add(arming);
        }
    }

    @Override
    public void record(ChannelEvent event) {
        if (failEventsWithoutDose && !event.carriesDose()) {
            throw new IllegalStateException("test ledger: event write failure");
        }
        DoseLedger.super.record(event);
        ledger.record(event); // the in-memory ledger notes completions (its checkpoint again changes nothing)
        synchronized (records) {
            records.add(event);
        }
    }

    List<TreatmentArming> armings() {
        synchronized (armings) {
            return List.copyOf(armings);
        }
    }

    List<ChannelEvent> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
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
    public boolean completed(String treatmentId) {
        if (failReads) {
            throw new IllegalStateException("test ledger: read failure");
        }
        return ledger.completed(treatmentId);
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
