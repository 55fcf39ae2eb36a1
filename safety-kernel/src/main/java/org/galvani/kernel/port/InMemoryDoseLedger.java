package org.galvani.kernel.port;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.galvani.trace.Implements;

/** A dose ledger in memory: for tests, the demo and embedders that persist elsewhere. Forgets on exit. */
@Implements("SRS-KRN-032")
public final class InMemoryDoseLedger implements DoseLedger {

    private final Map<String, Long> delivered = new ConcurrentHashMap<>();

    @Override
    public long deliveredMicroampMillis(String treatmentId) {
        return treatmentId == null ? 0L : delivered.getOrDefault(treatmentId, 0L);
    }

    @Override
    public void checkpoint(String channelId, String treatmentId, long timeMicros, long deliveredMicroampMillis) {
        delivered.merge(treatmentId, deliveredMicroampMillis, Math::max);
    }
}
