package org.galvani.opcua;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.EventFilterBuilder;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;

/** One client's view of one device: calls its methods, reads its variables, waits for its events. */
final class DeviceClient {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeviceClient.class);

    /** A device event as a client receives it. */
    record Event(String source, String message, int severity) {
    }

    private final GatewayHarness harness;
    private final OpcUaClient client;
    private final String device;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private OpcUaSubscription subscription;

    DeviceClient(GatewayHarness harness, OpcUaClient client, String device) {
        this.harness = harness;
        this.client = client;
        this.device = device;
    }

    CallMethodResult call(String method, Variant... inputs) throws UaException {
        NodeId object = harness.node(client, "Devices/" + device);
        NodeId methodId = harness.node(client, "Devices/" + device + "/" + method);
        return client.call(List.of(new CallMethodRequest(object, methodId, inputs))).getResults()[0];
    }

    /** The Outcome output argument ("accepted" or "refused: ..."). */
    static String outcome(CallMethodResult result) {
        Variant[] outputs = result.getOutputArguments();
        return outputs == null || outputs.length == 0 ? null : (String) outputs[0].getValue();
    }

    CallMethodResult arm(double targetMilliamps, double doseMilliampMinutes, double areaCm2) throws UaException {
        return call("Arm", new Variant("dexamethasone-sodium-phosphate"), new Variant(targetMilliamps),
                new Variant(doseMilliampMinutes), new Variant(areaCm2));
    }

    Object read(String variable) throws UaException {
        return client.readValue(0, TimestampsToReturn.Neither, harness.node(client, "Devices/" + device + "/"
                + variable)).getValue().getValue();
    }

    /** Polls a variable until it satisfies {@code condition}, at most {@code timeout}; returns the last value. */
    Object await(String variable, Predicate<Object> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object value = read(variable);
        while (!condition.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            value = read(variable);
        }
        return value;
    }

    /** Subscribes to the device object's events (SourceName, Message, Severity). */
    void subscribeEvents() throws UaException {
        subscription = new OpcUaSubscription(client, 50.0);
        subscription.create();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(harness.node(client, "Devices/" + device),
                new EventFilterBuilder()
                        .select(NodeIds.BaseEventType, new QualifiedName(0, "SourceName"))
                        .select(NodeIds.BaseEventType, new QualifiedName(0, "Message"))
                        .select(NodeIds.BaseEventType, new QualifiedName(0, "Severity"))
                        .build());
        // Several events can fall within one publishing interval (a refusal and its audit event).
        item.setQueueSize(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger.valueOf(1000));
        item.setEventValueListener((monitored, values) -> received(values));
        subscription.addMonitoredItem(item);
        subscription.synchronizeMonitoredItems();
    }

    private void received(Variant[] values) {
        LOG.info("client of {} received event {}", device, java.util.Arrays.toString(values));
        events.add(new Event((String) values[0].getValue(),
                values[1].getValue() == null ? null : ((org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText)
                        values[1].getValue()).text(),
                ((UShort) values[2].getValue()).intValue()));
    }

    /** The first event whose message contains {@code text}, waiting at most {@code timeout}; null if none. */
    Event awaitEvent(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.message() != null && event.message().contains(text)) {
                return event;
            }
        }
        return null;
    }
}
