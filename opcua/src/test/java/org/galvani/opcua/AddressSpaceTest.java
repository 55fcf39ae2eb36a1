package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address space as the README's contract describes it, read by a Milo client over SignAndEncrypt. */
class AddressSpaceTest {

    @TempDir
    static Path pki;
    private static GatewayHarness harness;
    private static OpcUaClient observer;

    @BeforeAll
    static void start() throws Exception {
        harness = new GatewayHarness(pki, 2, false);
        observer = harness.client(GatewayHarness.OBSERVER);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    @Verifies("SRS-OPC-001")
    void theEndpointIsTheDocumentedPathWithSignAndEncryptByDefault() throws Exception {
        assertTrue(harness.gateway.endpointUrl().matches("opc\\.tcp://127\\.0\\.0\\.1:\\d+/galvani"),
                harness.gateway.endpointUrl());
        Set<String> secure = org.eclipse.milo.opcua.sdk.client.DiscoveryClient
                .getEndpoints(harness.gateway.endpointUrl()).get().stream()
                .filter(e -> e.getEndpointUrl().endsWith("/galvani"))
                .map(e -> e.getSecurityPolicyUri().replaceAll(".*#", "") + "/" + e.getSecurityMode())
                .collect(Collectors.toSet());
        assertEquals(Set.of("Basic256Sha256/SignAndEncrypt", "Aes256_Sha256_RsaPss/SignAndEncrypt"), secure);
        assertTrue(observer.getNamespaceTable().getIndex(GalvaniNamespace.URI).intValue() > 0, "namespace "
                + GalvaniNamespace.URI + " registered");
    }

    @Test
    @Verifies("SRS-OPC-002")
    void devicesHangUnderObjectsDevicesWithTheirIdentification() throws Exception {
        NodeId folder = harness.node(observer, "Devices");
        assertEquals(List.of("Devices"), browseNames(NodeIds.ObjectsFolder).stream()
                .filter("Devices"::equals).toList());
        assertEquals(List.of("ch01", "ch02"), browseNames(folder));
        NodeId device = harness.node(observer, "Devices/ch01");
        List<String> children = browseNames(device);
        for (String name : List.of("Manufacturer", "Model", "SerialNumber", "SoftwareRevision", "DeviceHealth",
                "State", "Setpoint", "OutputCurrent", "Impedance", "DeliveredDose", "PrescribedDose", "ContactOk",
                "Fault", "TreatmentId", "Arm", "Start", "Pause", "Resume", "Stop", "AcknowledgeFault")) {
            assertTrue(children.contains(name), name + " missing from " + children);
        }
        assertEquals(LocalizedText.english("Acme Medical"), value("Devices/ch01/Manufacturer"));
        assertEquals(LocalizedText.english("IontoPatch 3"), value("Devices/ch01/Model"));
        assertEquals("SN-0001", value("Devices/ch01/SerialNumber"));
        assertEquals("1.2.3", value("Devices/ch01/SoftwareRevision"));
        assertEquals("ch02", value("Devices/ch02/SerialNumber"), "an undescribed device is named by its channel");
        assertEquals(0, value("Devices/ch01/DeviceHealth"), "DI DeviceHealthEnumeration NORMAL");
    }

    @Test
    @Verifies("SRS-OPC-003")
    void variablesComeFromTheSnapshotWithTypesAndUnits() throws Exception {
        assertEquals("IDLE", value("Devices/ch01/State"));
        assertEquals(0.0, value("Devices/ch01/Setpoint"));
        assertEquals(0.0, value("Devices/ch01/DeliveredDose"));
        assertEquals(0.0, value("Devices/ch01/PrescribedDose"));
        assertEquals("", value("Devices/ch01/Fault"));
        assertEquals("", value("Devices/ch01/TreatmentId"));
        assertTrue(value("Devices/ch01/ContactOk") instanceof Boolean);
        assertTrue(value("Devices/ch01/OutputCurrent") instanceof Double);
        assertTrue(value("Devices/ch01/Impedance") instanceof Double);
        assertEquals(NodeIds.Double, attribute("Devices/ch01/Setpoint", AttributeId.DataType));
        assertEquals(NodeIds.String, attribute("Devices/ch01/State", AttributeId.DataType));
        assertEquals(NodeIds.Boolean, attribute("Devices/ch01/ContactOk", AttributeId.DataType));
        assertEquals("mA", unit("Devices/ch01/Setpoint").getDisplayName().text());
        assertEquals(EngineeringUnits.unitId("4K"), unit("Devices/ch01/OutputCurrent").getUnitId());
        assertEquals("kΩ", unit("Devices/ch01/Impedance").getDisplayName().text());
        assertEquals("mA·min", unit("Devices/ch01/DeliveredDose").getDisplayName().text());
        assertEquals("mA·min", unit("Devices/ch01/PrescribedDose").getDisplayName().text());
    }

    @Test
    @Verifies("SRS-OPC-013")
    void noVariableIsWritableForAnyRole() throws Exception {
        for (String user : List.of(GatewayHarness.OBSERVER, GatewayHarness.CLINICIAN, GatewayHarness.SERVICE)) {
            OpcUaClient client = user.equals(GatewayHarness.OBSERVER) ? observer : harness.client(user);
            for (String name : List.of("State", "Setpoint", "ContactOk", "Manufacturer")) {
                StatusCode status = client.writeValues(List.of(harness.node(client, "Devices/ch01/" + name)),
                        List.of(DataValue.valueOnly(new Variant("x")))).get(0);
                assertTrue(status.isBad(), user + " wrote " + name + ": " + status);
            }
        }
        assertEquals("IDLE", value("Devices/ch01/State"));
    }

    @Test
    @Verifies("SRS-OPC-011")
    void anonymousAndWrongPasswordsAreRefused() {
        assertThrows(UaException.class, harness::anonymousClient);
        assertThrows(UaException.class, () -> harness.client(
                new org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider(GatewayHarness.CLINICIAN, "wrong"),
                org.eclipse.milo.opcua.stack.core.security.SecurityPolicy.Basic256Sha256));
        assertThrows(UaException.class, () -> harness.client(
                new org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider("nobody", GatewayHarness.PASSWORD),
                org.eclipse.milo.opcua.stack.core.security.SecurityPolicy.Basic256Sha256));
    }

    private Object value(String path) throws UaException {
        DataValue value = observer.readValue(0, TimestampsToReturn.Neither, harness.node(observer, path));
        assertTrue(value.getStatusCode() == null || value.getStatusCode().isGood(), path + ": " + value);
        return value.getValue().getValue();
    }

    private Object attribute(String path, AttributeId attribute) throws UaException {
        return read(observer, harness.node(observer, path), attribute);
    }

    private static Object read(OpcUaClient client, NodeId node, AttributeId attribute) throws UaException {
        return client.read(0, TimestampsToReturn.Neither, List.of(new org.eclipse.milo.opcua.stack.core.types.structured
                .ReadValueId(node, attribute.uid(), null, QualifiedName.NULL_VALUE)))
                .getResults()[0].getValue().getValue();
    }

    private EUInformation unit(String path) throws UaException {
        NodeId property = child(harness.node(observer, path), "EngineeringUnits");
        Object value = observer.readValue(0, TimestampsToReturn.Neither, property).getValue().getValue();
        return (EUInformation) ((ExtensionObject) value).decode(observer.getStaticEncodingContext());
    }

    private NodeId child(NodeId node, String name) throws UaException {
        BrowseResult result = observer.browse(new BrowseDescription(node, BrowseDirection.Forward,
                NodeIds.HierarchicalReferences, true, UInteger.valueOf(0), UInteger.valueOf(BrowseResultMask.All.getValue())));
        return java.util.Arrays.stream(result.getReferences()).filter(r -> r.getBrowseName().name().equals(name))
                .findFirst().orElseThrow().getNodeId().toNodeId(observer.getNamespaceTable()).orElseThrow();
    }

    private List<String> browseNames(NodeId node) throws UaException {
        BrowseResult result = observer.browse(new BrowseDescription(node, BrowseDirection.Forward,
                NodeIds.HierarchicalReferences, true, UInteger.valueOf(NodeClass.Object.getValue()
                | NodeClass.Variable.getValue() | NodeClass.Method.getValue()),
                UInteger.valueOf(BrowseResultMask.All.getValue())));
        ReferenceDescription[] references = result.getReferences();
        return references == null ? List.of() : java.util.Arrays.stream(references)
                .map(r -> r.getBrowseName().name()).toList();
    }
}
