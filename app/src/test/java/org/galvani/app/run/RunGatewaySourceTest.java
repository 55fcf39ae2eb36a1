package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.config.OpcUaSettings;
import org.galvani.app.opcua.GatewayTestClient;
import org.galvani.app.profile.DemoProfile;
import org.galvani.opcua.GatewayUser;
import org.galvani.opcua.PasswordHash;
import org.galvani.opcua.Role;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OPC UA gateway as one of galvani run's request sources: a clinic system's Arm and Start go through
 * the operator desk, are told on the console, drive the progress bar, and the console's own commands
 * act on the same treatment.
 */
class RunGatewaySourceTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path data;

    private final PrintedOutput output = new PrintedOutput();
    private final PrintWriter out = output.out();

    @Test
    @Verifies("SRS-APP-070")
    void aTreatmentArmedOverOpcUaIsToldOnTheConsoleShownInTheProgressBarAndStoppedFromTheConsole() throws Exception {
        int port = GatewayTestClient.freePort();
        OpcUaSettings opcua = new OpcUaSettings("127.0.0.1", port, false, false, null,
                List.of(new GatewayUser("dora", Role.CLINICIAN, PasswordHash.of(PASSWORD)),
                        new GatewayUser("otto", Role.OBSERVER, PasswordHash.of(PASSWORD))), null, null, null);
        // Progress lines every 200 ms (not a terminal).
        RunSettings settings = new RunSettings(GalvaniConfig.defaults(), DemoProfile.BENCH_TEST, data, true, false, 200,
                null, false, 10_000, false, 300, opcua);
        ConsoleDevice console = ConsoleDevice.start(settings, out);
        DeviceMode device = console.device;
        assertTrue(output.await(p -> p.contains("Device running:")), output.text());

        String treatment;
        try (GatewayTestClient dora = GatewayTestClient.connect(device.gateway(), "dora", PASSWORD);
             GatewayTestClient otto = GatewayTestClient.connect(device.gateway(), "otto", PASSWORD)) {
            CallMethodResult armed = dora.call("ch0", "Arm", new Variant("dexamethasone-sodium-phosphate"),
                    new Variant(1.0), new Variant(0.03), new Variant(10.0));
            assertEquals(StatusCodes.Good, armed.getStatusCode().value(), GatewayTestClient.outcome(armed));
            treatment = (String) dora.read("ch0", "TreatmentId");
            assertNotNull(treatment);
            assertTrue(output.await(p -> p.contains("opcua dora: arm " + treatment + " on ch0: accepted (decided in state IDLE)")),
                    output.text());

            CallMethodResult refused = dora.call("ch0", "Resume");
            assertEquals(StatusCodes.Bad_InvalidState, refused.getStatusCode().value());
            assertTrue(output.await(p -> p.contains("opcua dora: resume on ch0: refused: ")), "kernel refusals too: " + output.text());
            assertEquals(StatusCodes.Bad_UserAccessDenied, otto.call("ch0", "Start").getStatusCode().value());

            startOnceContactIsConfirmed(dora);
        }
        assertTrue(output.await(p -> p.contains("progress: " + treatment + "  ")),
                "the progress bar shows the treatment armed over OPC UA: " + output.text());

        console.type("stop");
        assertTrue(output.await(p -> p.contains("stop: accepted")), "the console stops it: " + output.text());
        console.type("quit");
        assertEquals(DeviceMode.EXIT_OK, console.awaitExit(60), output.text());
        String all = output.text();
        assertTrue(!all.contains("opcua otto"), "a call the gateway refuses never reaches the desk: " + all);
        assertTrue(all.contains("state: " + treatment + " RAMP_UP -> RAMP_DOWN (")
                || all.contains("state: " + treatment + " DELIVERING -> RAMP_DOWN ("), all);
    }

    private void startOnceContactIsConfirmed(GatewayTestClient dora) throws Exception {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            CallMethodResult started = dora.call("ch0", "Start");
            if (started.getStatusCode().value() == StatusCodes.Good) {
                assertTrue(output.await(p -> p.contains("opcua dora: start on ch0: accepted")), output.text());
                return;
            }
            assertTrue(System.nanoTime() - deadline < 0, "Start never accepted: " + GatewayTestClient.outcome(started));
            Thread.sleep(100);
        }
    }
}
