package org.galvani.app.session;

import java.util.List;

/** Everything the ledger holds about one treatment, in time order: what a session report shows. */
public record SessionRecord(SessionSummary summary, List<SessionEvent> events, List<SessionSample> samples) {

    public SessionRecord {
        events = List.copyOf(events);
        samples = List.copyOf(samples);
    }
}
