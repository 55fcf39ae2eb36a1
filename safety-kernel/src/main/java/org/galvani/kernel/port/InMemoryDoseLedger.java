package org.galvani.kernel.port;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelState;
import org.galvani.trace.Implements;

/** A dose ledger in memory: for tests, the demo and embedders that persist elsewhere. Forgets on exit. */
@Implements({"SRS-KRN-032", "SRS-KRN-041"})
public final class InMemoryDoseLedger implements DoseLedger {

    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final Set<String> completed = ConcurrentHashMap.newKeySet();

    @Override
    public long deliveredMicroampMillis(String treatmentId) {
        return treatmentId == null ? 0L : delivered.getOrDefault(treatmentId, 0L);
    }

    @Override
    public void checkpoint(String channelId, String treatmentId, long timeMicros, long deliveredMicroampMillis) {
        delivered.merge(treatmentId, deliveredMicroampMillis, Math::max);
    }

    @Override
    public boolean completed(String treatmentId) {
        return treatmentId != null && completed.contains(treatmentId);
    }

    /** The dose of every event that carries one, and the treatments seen in state COMPLETE. */
    @Override
    public void record(ChannelEvent event) {
        DoseLedger.super.record(event);
        KernelEvent e = event.event();
        if (e.current() == KernelState.COMPLETE && e.treatmentId() != null) {
            completed.add(e.treatmentId());
        }
    }
}
