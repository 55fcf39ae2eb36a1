package org.galvani.kernel.port;

/**
 * The event sink port: receives every channel event on the runtime's dispatcher thread (never the
 * control loop). Implementations record (audit trail, ledger), display or forward events; one that
 * throws is logged and skipped, it never stops the runtime.
 */
@FunctionalInterface
public interface ChannelEventSink {

    void record(ChannelEvent event);
}
