package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.server.AddressSpace;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random writes and method calls, well-formed or not, from every role, from an anonymous
 * session and from a caller without a session: the server keeps serving, every answer is a proper status
 * code, and nothing changes a channel except requests the caller's role may make. The seed is printed and
 * can be replayed with -Dgalvani.fuzz.seed.
 */
class GatewayFuzzTest {

    private static final int OPERATIONS_PER_IDENTITY = 600;
    private static final Set<String> METHODS = Set.of("Arm", "Start", "Pause", "Resume", "Stop", "AcknowledgeFault");
    private static final Map<String, Role> ROLES = Map.of(GatewayHarness.OBSERVER, Role.OBSERVER,
            GatewayHarness.CLINICIAN, Role.CLINICIAN, GatewayHarness.SERVICE, Role.SERVICE);

    @TempDir
    static Path pki;
    private static GatewayHarness harness;
    private static long seed;
    private static Random random;

    @BeforeAll
    static void start() throws Exception {
        harness = new GatewayHarness(pki, 2, true);
        seed = Long.getLong("galvani.fuzz.seed", System.nanoTime());
        random = new Random(seed);
        System.err.println("GatewayFuzzTest seed " + seed + " (replay with -Dgalvani.fuzz.seed=" + seed + ")");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    @Verifies({"SRS-OPC-033", "SRS-OPC-012", "SRS-OPC-013"})
    void readOnlyCallersChangeNothingWhateverTheySend() throws Exception {
        List<OpcUaClient> readOnly = List.of(harness.anonymousClient(), harness.client(GatewayHarness.OBSERVER));
        for (OpcUaClient client : readOnly) {
            for (int i = 0; i < OPERATIONS_PER_IDENTITY; i++) {
                if (random.nextInt(3) == 0) {
                    for (StatusCode status : write(client)) {
                        assertProper(status);
                        assertTrue(status.isBad(), "seed " + seed + ": a write succeeded");
                    }
                } else {
                    CallMethodResult result = call(client);
                    assertProper(result.getStatusCode());
                    assertTrue(result.getStatusCode().isBad(), "seed " + seed + ": a read-only call succeeded");
                }
            }
        }
        AddressSpace.CallContext noSession = new AddressSpace.CallContext(harness.gateway.server(), null);
        OpcUaClient namespaceReader = readOnly.get(1);
        for (int i = 0; i < OPERATIONS_PER_IDENTITY; i++) {
            List<CallMethodResult> results = harness.gateway.server().getAddressSpaceManager()
                    .call(noSession, List.of(randomCall(namespaceReader)));
            assertProper(results.get(0).getStatusCode());
            assertTrue(results.get(0).getStatusCode().isBad(), "seed " + seed + ": a call without a session succeeded");
        }
        for (int device = 1; device <= 2; device++) {
            assertEquals(KernelState.IDLE, harness.runtime.channel(GatewayHarness.deviceId(device)).snapshot().state());
        }
        assertTrue(harness.kernelEvents.stream().noneMatch(e -> e.request() != null), "seed " + seed
                + ": a read-only caller's request reached the kernel");
        assertServing(readOnly.get(0));
    }

    @Test
    @Verifies({"SRS-OPC-033", "SRS-OPC-012"})
    void treatmentRolesOnlyEverMakeTheRequestsTheirRoleAllows() throws Exception {
        for (String user : List.of(GatewayHarness.CLINICIAN, GatewayHarness.SERVICE)) {
            OpcUaClient client = harness.client(user);
            for (int i = 0; i < OPERATIONS_PER_IDENTITY; i++) {
                if (random.nextInt(4) == 0) {
                    write(client).forEach(GatewayFuzzTest::assertProper);
                } else {
                    assertProper(call(client).getStatusCode());
                }
            }
            assertServing(client);
        }
        for (ChannelEvent event : harness.kernelEvents) {
            boolean decision = event.event().type() == KernelEventType.REQUEST_ACCEPTED
                    || event.event().type() == KernelEventType.REQUEST_REFUSED;
            if (decision && event.request() != null) {
                Role role = ROLES.get(event.origin());
                assertNotNull(role, "seed " + seed + ": request from unknown origin " + event.origin());
                assertTrue(role.mayRequest(event.request()), "seed " + seed + ": " + event.origin() + " made "
                        + event.request());
            }
        }
        EnumSet<RequestKind> accepted = EnumSet.noneOf(RequestKind.class);
        harness.calls.stream().filter(CallRecord::accepted).forEach(c -> {
            assertTrue(ROLES.containsKey(c.user()), "seed " + seed + ": accepted call of " + c.user());
            accepted.add(RequestKind.valueOf(c.method().equals("AcknowledgeFault") ? "ACKNOWLEDGE"
                    : c.method().toUpperCase(java.util.Locale.ROOT)));
        });
        assertFalse(accepted.contains(RequestKind.SYSTEM_STOP));
        for (int device = 1; device <= 2; device++) {
            harness.runtime.channel(GatewayHarness.deviceId(device)).stop("test");
        }
    }

    @Test
    @Verifies({"SRS-OPC-033", "SRS-OPC-013"})
    void writesMilo112CannotCheckAreAnsweredNotLeftHanging() throws Exception {
        OpcUaClient client = harness.client(GatewayHarness.SERVICE);
        for (NodeId node : List.of(harness.node(client, "Devices/ch01/State"), org.eclipse.milo.opcua.stack.core.NodeIds.Server,
                new NodeId(0, 2256))) {
            for (int attribute : new int[] {AttributeId.UserRolePermissions.id(), AttributeId.NodeId.id(), 0, 99}) {
                StatusCode status = client.write(List.of(new WriteValue(node, UInteger.valueOf(attribute), null,
                        new DataValue(new Variant("x"))))).getResults()[0];
                assertTrue(status.isBad(), node + " attribute " + attribute + ": " + status);
            }
        }
    }

    private static List<StatusCode> write(OpcUaClient client) throws Exception {
        WriteValue value = new WriteValue(randomNode(client), UInteger.valueOf(randomAttribute()), null,
                new DataValue(randomVariant()));
        return List.of(client.write(List.of(value)).getResults());
    }

    private static CallMethodResult call(OpcUaClient client) throws Exception {
        return client.call(List.of(randomCall(client))).getResults()[0];
    }

    private static CallMethodRequest randomCall(OpcUaClient client) throws Exception {
        String device = random.nextInt(10) == 0 ? "nope" : GatewayHarness.deviceId(1 + random.nextInt(2));
        List<String> methods = new ArrayList<>(METHODS);
        String method = random.nextInt(10) == 0 ? "Explode" : methods.get(random.nextInt(methods.size()));
        NodeId object = random.nextInt(15) == 0 ? randomNode(client) : harness.node(client, "Devices/" + device);
        NodeId methodId = random.nextInt(15) == 0 ? randomNode(client)
                : harness.node(client, "Devices/" + GatewayHarness.deviceId(1 + random.nextInt(2)) + "/" + method);
        Variant[] inputs;
        if (method.equals("Arm") && random.nextInt(3) > 0) {
            inputs = new Variant[] {new Variant(randomDrug()), number(), number(), number()};
        } else {
            inputs = new Variant[random.nextInt(7)];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = randomVariant();
            }
        }
        return new CallMethodRequest(object, methodId, random.nextInt(20) == 0 ? null : inputs);
    }

    private static NodeId randomNode(OpcUaClient client) throws Exception {
        switch (random.nextInt(5)) {
            case 0:
                return new NodeId(random.nextInt(5), random.nextInt());
            case 1:
                return new NodeId(random.nextInt(5), randomString());
            case 2:
                return harness.node(client, "Devices");
            default:
                String[] names = {"State", "Setpoint", "ContactOk", "Fault", "Manufacturer", "DeviceHealth", "Arm"};
                return harness.node(client, "Devices/" + GatewayHarness.deviceId(1 + random.nextInt(2)) + "/"
                        + names[random.nextInt(names.length)]);
        }
    }

    private static int randomAttribute() {
        AttributeId[] common = {AttributeId.Value, AttributeId.Value, AttributeId.DisplayName, AttributeId.Description,
            AttributeId.BrowseName, AttributeId.UserExecutable, AttributeId.AccessLevel};
        return random.nextInt(8) == 0 ? random.nextInt(40) : common[random.nextInt(common.length)].id();
    }

    private static Variant number() {
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 0.0, -0.0, 1e308,
            -1e308, Double.MIN_VALUE, 4.0, 0.5, 2.5, 1e9};
        return new Variant(random.nextBoolean() ? specials[random.nextInt(specials.length)]
                : (random.nextDouble() - 0.2) * Math.pow(10, random.nextInt(8) - 3));
    }

    private static String randomDrug() {
        String[] drugs = {"dexamethasone-sodium-phosphate", "lidocaine-hcl", "acetic-acid", "tap-water", "", " "};
        return random.nextBoolean() ? drugs[random.nextInt(drugs.length)] : randomString();
    }

    private static Variant randomVariant() {
        switch (random.nextInt(11)) {
            case 0:
                return Variant.NULL_VALUE;
            case 1:
                return new Variant(random.nextBoolean());
            case 2:
                return new Variant(random.nextInt());
            case 3:
                return new Variant(random.nextLong());
            case 4:
            case 5:
                return number();
            case 6:
                return new Variant(random.nextFloat() * 1e30f);
            case 7:
            case 8:
                return new Variant(randomString());
            case 9:
                return new Variant(ByteString.of(new byte[random.nextInt(64)]));
            default:
                return new Variant(LocalizedText.english(randomString()));
        }
    }

    private static String randomString() {
        switch (random.nextInt(5)) {
            case 0:
                return "";
            case 1:
                return "x".repeat(1 + random.nextInt(70_000));
            case 2:
                return "\u0000\uFFFF\uD83D\uDE00 '\"; DROP TABLE";
            default:
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(40); i > 0; i--) {
                    text.append((char) (32 + random.nextInt(0x2FF)));
                }
                return text.toString();
        }
    }

    /** A proper status: Good, or a Bad code the specification defines. */
    private static void assertProper(StatusCode status) {
        assertNotNull(status, "seed " + seed + ": no status");
        assertTrue(status.isGood() || (status.isBad() && StatusCodes.lookup(status.value()).isPresent()),
                "seed " + seed + ": not a proper status " + status);
    }

    private static void assertServing(OpcUaClient client) throws Exception {
        assertTrue(new DeviceClient(harness, client, "ch01").read("State") instanceof String, "still serving");
    }
}
