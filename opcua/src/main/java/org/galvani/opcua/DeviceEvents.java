package org.galvani.opcua;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.model.objects.AuditUpdateMethodEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.port.ChannelEventSink;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what happens on a device into OPC UA events on its object (and the Server object): contact lost,
 * fault, dose complete and refused requests, with a severity; and an AuditUpdateMethodEvent for every
 * method call. Kernel events arrive on the runtime's dispatcher thread, never the control loop.
 */
@Implements({"SRS-OPC-030", "SRS-OPC-031"})
final class DeviceEvents implements ChannelEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEvents.class);

    /** OPC UA severities run from 1 (lowest) to 1000 (highest). */
    static final int SEVERITY_FAULT = 900;
    static final int SEVERITY_CONTACT_LOST = 800;
    static final int SEVERITY_REFUSED = 500;
    static final int SEVERITY_COMPLETE = 300;
    static final int SEVERITY_AUDIT = 100;

    private final OpcUaServer server;
    private final GalvaniNamespace namespace;
    /** Channels keep their sinks after the gateway closes: from then on their events raise nothing. */
    private volatile boolean closed;

    DeviceEvents(OpcUaServer server, GalvaniNamespace namespace) {
        this.server = server;
        this.namespace = namespace;
    }

    /** Stops raising events (the server is shutting down). */
    void close() {
        closed = true;
    }

    @Override
    public void record(ChannelEvent recorded) {
        if (closed) {
            return;
        }
        KernelEvent event = recorded.event();
        String device = recorded.channelId();
        if (event.type() == KernelEventType.REQUEST_REFUSED) {
            fire(device, SEVERITY_REFUSED, recorded.request() + " refused for " + recorded.origin() + ": "
                    + event.reason().text());
            return;
        }
        if (event.type() != KernelEventType.STATE_CHANGED || event.previous() == event.current()) {
            return;
        }
        if (event.current() == KernelState.CONTACT_LOST) {
            fire(device, SEVERITY_CONTACT_LOST, "contact lost: " + event.reason().text());
        } else if (event.current() == KernelState.FAULT) {
            fire(device, SEVERITY_FAULT, "fault: " + event.reason().text());
        } else if (event.current() == KernelState.COMPLETE) {
            fire(device, SEVERITY_COMPLETE, "dose complete: treatment " + event.treatmentId() + " ended");
        }
    }

    /** A request the gateway refused before it reached the kernel (role, arguments). */
    void refusedByGateway(String device, String user, String method, String reason) {
        fire(device, SEVERITY_REFUSED, method + " refused for " + user + ": " + reason);
    }

    /** The standard audit event of a method call (OPC UA Part 5 AuditUpdateMethodEventType). */
    void auditCall(String device, NodeId methodId, String user, Variant[] inputs, boolean accepted, long status) {
        NodeId source = namespace.deviceNodeId(device);
        try {
            AuditUpdateMethodEventTypeNode audit = (AuditUpdateMethodEventTypeNode) server.getEventFactory()
                    .createEvent(newEventNodeId(), NodeIds.AuditUpdateMethodEventType);
            describe(audit, source, device, SEVERITY_AUDIT, "method " + methodId.getIdentifier() + " called by "
                    + user + ": " + StatusNames.of(status));
            audit.setActionTimeStamp(DateTime.now());
            audit.setStatus(accepted);
            audit.setServerId(server.getConfig().getApplicationUri());
            audit.setClientUserId(user);
            audit.setClientAuditEntryId("");
            audit.setMethodId(methodId);
            audit.setStatusCodeId(new StatusCode(status));
            Object[] values = new Object[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                values[i] = AuditText.of(inputs[i]);
            }
            audit.setInputArguments(values);
            audit.setOutputArguments(new Object[0]);
            deliver(audit, source);
        } catch (UaException | RuntimeException e) {
            LOG.warn("could not raise the audit event of a call on {}", device, e);
        }
    }

    private void fire(String device, int severity, String message) {
        NodeId source = namespace.deviceNodeId(device);
        try {
            BaseEventTypeNode event = server.getEventFactory().createEvent(newEventNodeId(), NodeIds.BaseEventType);
            describe(event, source, device, severity, message);
            deliver(event, source);
        } catch (UaException | RuntimeException e) {
            LOG.warn("could not raise the event '{}' on {}", message, device, e);
        }
    }

    private void describe(BaseEventTypeNode event, NodeId source, String device, int severity, String message) {
        UUID id = UUID.randomUUID();
        event.setEventId(ByteString.of(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array()));
        event.setSourceNode(source);
        event.setSourceName(device);
        event.setTime(DateTime.now());
        event.setReceiveTime(DateTime.NULL_VALUE);
        event.setMessage(LocalizedText.english(message));
        event.setSeverity(UShort.valueOf(severity));
    }

    private void deliver(BaseEventTypeNode event, NodeId source) {
        try {
            namespace.deliverEvent(event, source);
            server.getEventNotifier().fire(event);
        } finally {
            event.delete();
        }
    }

    private NodeId newEventNodeId() {
        return new NodeId(namespace.getNamespaceIndex(), UUID.randomUUID());
    }
}
