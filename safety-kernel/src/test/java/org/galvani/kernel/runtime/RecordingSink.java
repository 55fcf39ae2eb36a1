package org.galvani.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.port.ChannelEventSink;

/** A channel event sink that keeps every event, for assertions; safe to read from any thread. */
final class RecordingSink implements ChannelEventSink {

    private final List<ChannelEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(ChannelEvent event) {
        events.add(event);
    }

    synchronized List<ChannelEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<ChannelEvent> matching(Predicate<ChannelEvent> filter) {
        return events.stream().filter(filter).toList();
    }
}
