package org.galvani.app.session;

import java.util.List;

/**
 * Everything the ledger holds about one treatment, in time order: what a session report shows. The gateway
 * refusals are the OPC UA calls about the treatment that the gateway refused before the kernel saw them; the
 * calls the kernel decided are among the events already.
 */
public record SessionRecord(SessionSummary summary, List<SessionEvent> events, List<SessionSample> samples,
                            List<GatewayRefusal> gatewayRefusals) {

    public SessionRecord {
        events = List.copyOf(events);
        samples = List.copyOf(samples);
        gatewayRefusals = List.copyOf(gatewayRefusals);
    }
}
