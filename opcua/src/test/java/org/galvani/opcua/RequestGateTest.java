package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway built with an application's request gate: every call that passes the gateway's own checks
 * goes through the gate with its kind, prescription and user, and nothing else does; a gate that fails is
 * a Bad_InternalError that changes nothing.
 */
class RequestGateTest {

    /** One request as the gate saw it. */
    record Seen(String channel, RequestKind kind, Prescription prescription, String user) {
    }

    @TempDir
    static Path pki;
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    /** What the gate does after noting a request: by default hands it to the channel. */
    private static final AtomicReference<RequestGate> BEHAVIOUR = new AtomicReference<>(RequestGate.direct());
    private static GatewayHarness harness;
    private static DeviceClient clinician;
    private static DeviceClient observer;

    @BeforeAll
    static void start() throws Exception {
        RequestGate recording = (channel, kind, prescription, user) -> {
            SEEN.add(new Seen(channel.id(), kind, prescription, user));
            return BEHAVIOUR.get().submit(channel, kind, prescription, user);
        };
        harness = new GatewayHarness(pki, 1, false, false, true, recording);
        clinician = new DeviceClient(harness, harness.client(GatewayHarness.CLINICIAN), "ch01");
        observer = new DeviceClient(harness, harness.client(GatewayHarness.OBSERVER), "ch01");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void reset() {
        SEEN.clear();
        BEHAVIOUR.set(RequestGate.direct());
    }

    @Test
    @Verifies("SRS-OPC-035")
    void aCallThatPassesTheGatewaysChecksGoesThroughTheGateWithItsUserAndPrescription() throws Exception {
        CallMethodResult armed = clinician.arm(1.0, 0.06, 10.0);

        assertEquals(StatusCodes.Good, armed.getStatusCode().value(), DeviceClient.outcome(armed));
        assertEquals(1, SEEN.size());
        Seen arm = SEEN.get(0);
        assertEquals("ch01", arm.channel());
        assertEquals(RequestKind.ARM, arm.kind());
        assertEquals(GatewayHarness.CLINICIAN, arm.user());
        assertEquals(1_000, arm.prescription().targetMicroamps());
        assertTrue(arm.prescription().treatmentId().startsWith("opcua-ch01-"), arm.prescription().treatmentId());

        CallMethodResult stopped = clinician.call("Stop");
        assertEquals(StatusCodes.Good, stopped.getStatusCode().value(), DeviceClient.outcome(stopped));
        assertEquals(RequestKind.STOP, SEEN.get(1).kind());
        assertNull(SEEN.get(1).prescription(), "only an Arm carries a prescription");
    }

    @Test
    @Verifies("SRS-OPC-035")
    void callsTheGatewayRefusesItselfNeverReachTheGate() throws Exception {
        assertEquals(StatusCodes.Bad_UserAccessDenied, observer.call("Start").getStatusCode().value());
        assertEquals(StatusCodes.Bad_InvalidArgument, clinician.arm(Double.NaN, 0.06, 10.0).getStatusCode().value());
        assertEquals(StatusCodes.Bad_TooManyArguments, clinician.call("Stop", new Variant(1.0)).getStatusCode().value());

        assertEquals(List.of(), SEEN);
    }

    @Test
    @Verifies("SRS-OPC-035")
    void aGateThatFailsIsAnInternalErrorThatChangesNothing() throws Exception {
        BEHAVIOUR.set((channel, kind, prescription, user) -> {
            throw new IllegalStateException("the application's gate broke");
        });
        CallMethodResult thrown = clinician.arm(1.0, 0.06, 10.0);
        assertEquals(StatusCodes.Bad_InternalError, thrown.getStatusCode().value());
        assertEquals("refused: the request could not be submitted", DeviceClient.outcome(thrown));

        BEHAVIOUR.set((channel, kind, prescription, user) -> CompletableFuture.failedFuture(
                new IllegalStateException("the decision failed")));
        assertEquals(StatusCodes.Bad_InternalError, clinician.arm(1.0, 0.06, 10.0).getStatusCode().value());

        assertEquals("IDLE", clinician.read("State"));
        List<CallRecord> refused = harness.calls.stream().filter(c -> c.status().equals("Bad_InternalError")).toList();
        assertEquals(2, refused.size(), "both calls are in the audit trail: " + harness.calls);
    }
}
