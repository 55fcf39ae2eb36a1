package org.galvani.opcua;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.EventItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.variables.BaseAnalogType;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.galvani.kernel.runtime.Channel;
import org.galvani.trace.Implements;

/**
 * The gateway's address space (namespace {@value #URI}, string node IDs): {@code Objects/Devices}, one
 * object per channel at {@code Devices/<deviceId>} with its DI identification, read-only variables
 * computed from the kernel's snapshots, and the treatment methods. Nothing in it is writable.
 */
@Implements({"SRS-OPC-001", "SRS-OPC-002", "SRS-OPC-003", "SRS-OPC-013"})
final class GalvaniNamespace extends ManagedNamespaceWithLifecycle {

    public static final String URI = "urn:galvani:device";
    static final String DEVICES = "Devices";
    /** Snapshots change every tick; sampling faster than this only costs CPU. */
    static final double MIN_SAMPLING_MILLIS = 10.0;

    private final SubscriptionModel subscriptions;
    private final Map<String, NodeId> devices = new ConcurrentHashMap<>();
    private final List<EventItem> eventItems = new CopyOnWriteArrayList<>();

    GalvaniNamespace(OpcUaServer server) {
        super(server, URI);
        subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
    }

    /** Adds the Devices folder and one object per channel. */
    void addDevices(List<Channel> channels, Map<String, DeviceIdentity> identities, GatewaySettings settings,
                    DeviceEvents events) {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(DEVICES), newQualifiedName(DEVICES),
                LocalizedText.english(DEVICES));
        getNodeManager().addNode(folder);
        folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
                false));
        for (Channel channel : channels) {
            DeviceIdentity identity = identities.getOrDefault(channel.id(), DeviceIdentity.unnamed(channel.id()));
            addDevice(folder, channel, identity, settings, events);
        }
    }

    /** The node ID of a device's object. */
    NodeId deviceNodeId(String deviceId) {
        NodeId id = devices.get(deviceId);
        return id != null ? id : newNodeId(DEVICES + "/" + deviceId);
    }

    /** Hands an event to the event monitored items on its source device (or on the Devices folder). */
    void deliverEvent(BaseEventTypeNode event, NodeId source) {
        NodeId folder = newNodeId(DEVICES);
        for (EventItem item : eventItems) {
            NodeId watched = item.getReadValueId().getNodeId();
            if (watched.equals(source) || watched.equals(folder)) {
                item.onEvent(event);
            }
        }
    }

    private void addDevice(UaFolderNode folder, Channel channel, DeviceIdentity identity, GatewaySettings settings,
                           DeviceEvents events) {
        String path = DEVICES + "/" + channel.id();
        UaObjectNode device = UaObjectNode.builder(getNodeContext())
                .setNodeId(newNodeId(path))
                .setBrowseName(newQualifiedName(channel.id()))
                .setDisplayName(LocalizedText.english(channel.id()))
                .setTypeDefinition(NodeIds.BaseObjectType)
                .setEventNotifier(UByte.valueOf(1))
                .build();
        getNodeManager().addNode(device);
        devices.put(channel.id(), device.getNodeId());
        folder.addOrganizes(device);
        // Events on a device reach subscribers of the Server object too.
        device.addReference(new Reference(device.getNodeId(), NodeIds.HasEventSource, NodeIds.Server.expanded(), false));

        constant(device, path, "Manufacturer", NodeIds.LocalizedText, LocalizedText.english(identity.manufacturer()));
        constant(device, path, "Model", NodeIds.LocalizedText, LocalizedText.english(identity.model()));
        constant(device, path, "SerialNumber", NodeIds.String, identity.serialNumber());
        constant(device, path, "SoftwareRevision", NodeIds.String, identity.softwareRevision());
        for (DeviceVariable variable : DeviceVariable.values()) {
            live(device, path, channel, variable);
        }
        for (DeviceMethod method : DeviceMethod.values()) {
            method(device, path, method, new DeviceMethodHandler(method, channel, settings, events));
        }
    }

    private void constant(UaObjectNode device, String path, String name, NodeId type, Object value) {
        UaVariableNode node = variable(path, name, type, NodeIds.PropertyType)
                .setValue(DataValue.valueOnly(new Variant(value)))
                .build();
        getNodeManager().addNode(node);
        device.addReference(new Reference(device.getNodeId(), NodeIds.HasProperty, node.getNodeId().expanded(), true));
    }

    private void live(UaObjectNode device, String path, Channel channel, DeviceVariable variable) {
        UaVariableNode node = variable(path, variable.browseName(), variable.dataType(),
                variable.unit() == null ? NodeIds.BaseDataVariableType : NodeIds.AnalogItemType)
                .setMinimumSamplingInterval(MIN_SAMPLING_MILLIS)
                .build();
        // Read from the latest snapshot whenever a client reads or a subscription samples.
        node.getFilterChain().addLast(new SnapshotValue(channel, variable));
        getNodeManager().addNode(node);
        if (variable.unit() != null) {
            node.setProperty(BaseAnalogType.ENGINEERING_UNITS, variable.unit());
        }
        device.addComponent(node);
    }

    private UaVariableNode.UaVariableNodeBuilder variable(String path, String name, NodeId type, NodeId typeDefinition) {
        return new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(path + "/" + name))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(type)
                .setTypeDefinition(typeDefinition)
                .setAccessLevel(AccessLevel.CurrentRead)
                .setUserAccessLevel(AccessLevel.CurrentRead)
                .addAttributeFilter(ReadOnly.INSTANCE);
    }

    private void method(UaObjectNode device, String path, DeviceMethod method, DeviceMethodHandler handler) {
        UaMethodNode node = UaMethodNode.builder(getNodeContext())
                .setNodeId(newNodeId(path + "/" + method.browseName()))
                .setBrowseName(newQualifiedName(method.browseName()))
                .setDisplayName(LocalizedText.english(method.browseName()))
                .setExecutable(true)
                // True for every session on purpose: Milo 1.1.2 refuses a call on UserExecutable=false before
                // the handler runs, and then the call would go unrecorded. The handler checks the role itself.
                .setUserExecutable(true)
                .build();
        node.setInputArguments(method.inputs());
        node.setOutputArguments(DeviceMethod.OUTPUTS);
        node.setInvocationHandler(handler);
        getNodeManager().addNode(node);
        device.addComponent(node);
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptions.onMonitoringModeChanged(items);
    }

    @Override
    public void onEventItemsCreated(List<EventItem> items) {
        eventItems.addAll(items);
    }

    @Override
    public void onEventItemsDeleted(List<EventItem> items) {
        eventItems.removeAll(items);
    }

    /** A variable's value, read from the channel's latest snapshot. */
    private record SnapshotValue(Channel channel, DeviceVariable variable) implements AttributeFilter {
        @Override
        public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
            if (attributeId == AttributeId.Value) {
                return DataValue.valueOnly(new Variant(variable.valueIn(channel.snapshot())));
            }
            return ctx.getAttribute(attributeId);
        }
    }

    /** No attribute of any gateway node is writable, whatever a stack's access check lets through. */
    private enum ReadOnly implements AttributeFilter {
        INSTANCE;

        @Override
        public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
                throws UaException {
            throw new UaException(StatusCodes.Bad_NotWritable, "gateway variables are read-only: use the methods");
        }
    }
}
