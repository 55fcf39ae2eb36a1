package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.config.OpcUaSettings;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.app.opcua.GatewayTestClient;
import org.galvani.app.profile.DemoProfile;
import org.galvani.app.session.SessionEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.RequestKind;
import org.galvani.opcua.CallRecord;
import org.galvani.opcua.GatewayUser;
import org.galvani.opcua.OpcUaGateway;
import org.galvani.opcua.PasswordHash;
import org.galvani.opcua.Role;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * galvani run with its OPC UA gateway on a free port of 127.0.0.1: the endpoint is printed before the
 * device runs, a clinician's Arm from a real client reaches the kernel and the ledger under the user's
 * name, and the call is audited.
 */
class RunGatewayTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path data;

    private final PrintedOutput output = new PrintedOutput();
    private final PrintWriter out = output.out();

    @Test
    @Verifies({"SRS-APP-064", "SRS-APP-062"})
    void aClinicianArmsOverOpcUaAndTheKernelAndTheLedgerNameHer() throws Exception {
        int port = GatewayTestClient.freePort();
        OpcUaSettings opcua = new OpcUaSettings("127.0.0.1", port, false, false, null,
                List.of(new GatewayUser("dora", Role.CLINICIAN, PasswordHash.of(PASSWORD))), null, null, null);
        RunSettings settings = new RunSettings(GalvaniConfig.defaults(), DemoProfile.BENCH_TEST, data, false, false, 200,
                null, false, 10_000, false, 300, opcua);
        ConsoleDevice console = ConsoleDevice.start(settings, out);
        DeviceMode device = console.device;
        String endpoint = "opc.tcp://127.0.0.1:" + port + "/galvani";
        assertTrue(output.await(p -> p.contains("Device running:")), output.text());
        String all = output.text();
        assertTrue(all.contains("OPC UA gateway: " + endpoint + "\n"), all);
        assertTrue(all.contains("  security: Aes256_Sha256_RsaPss, Basic256Sha256 (SignAndEncrypt)\n"), all);
        assertTrue(all.contains("  users: dora (clinician); anonymous sessions refused\n"), all);
        assertTrue(all.indexOf("OPC UA gateway:") < all.indexOf("Device running:"), "started before the device runs");

        Instant before = Instant.now();
        String treatment;
        OpcUaGateway gateway = device.gateway();
        try (GatewayTestClient dora = GatewayTestClient.connect(gateway, "dora", PASSWORD)) {
            assertEquals("IDLE", dora.read("ch0", "State"), "the address space is served");
            CallMethodResult armed = dora.call("ch0", "Arm", new Variant("dexamethasone-sodium-phosphate"),
                    new Variant(1.0), new Variant(0.03), new Variant(10.0));
            assertEquals(StatusCodes.Good, armed.getStatusCode().value(), GatewayTestClient.outcome(armed));
            assertEquals("ARMED", dora.read("ch0", "State"));
            treatment = (String) dora.read("ch0", "TreatmentId");
        }
        console.type("quit");
        assertEquals(DeviceMode.EXIT_OK, console.awaitExit(60), output.text());
        assertTrue(output.text().contains("Device stopped"), output.text());

        try (SqliteLedger ledger = SqliteLedger.openForReading(data, Clock.systemUTC())) {
            List<CallRecord> calls = ledger.gatewayCalls("ch0", before.minusSeconds(1), Instant.now().plusSeconds(1));
            assertEquals(1, calls.size(), calls.toString());
            assertEquals("dora called ch0.Arm[\"dexamethasone-sodium-phosphate\", 1.0, 0.03, 10.0] -> Good"
                    + " (decided by kernel, treatment " + treatment + ")", calls.get(0).describe());
            SessionEvent accepted = ledger.session(treatment).orElseThrow().events().stream()
                    .filter(e -> e.type() == KernelEventType.REQUEST_ACCEPTED && e.request() == RequestKind.ARM)
                    .findFirst().orElseThrow();
            assertEquals("dora", accepted.origin(), "the kernel and the ledger name the user as requester");
        }
    }

    @Test
    @Verifies("SRS-APP-064")
    void aGatewayPortInUseStopsTheDeviceBeforeItRunsNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OpcUaSettings opcua = new OpcUaSettings("127.0.0.1", taken.getLocalPort(), false, false, null, List.of(),
                    null, null, null);
            RunSettings settings = new RunSettings(GalvaniConfig.defaults(), DemoProfile.BENCH_TEST, data, false, false,
                    200, null, false, 10_000, false, 300, opcua);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new DeviceMode(settings, out).run(null));
            assertTrue(e.getMessage().startsWith("the OPC UA gateway could not start at 127.0.0.1:" + taken.getLocalPort()
                    + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(--opcua-port, --opcua-host; --no-opcua runs without it)"), e.getMessage());
            assertFalse(output.text().contains("Device running"), output.text());
        }
    }
}
