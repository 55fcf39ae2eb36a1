package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.Units;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Method calls from each role over SignAndEncrypt: refusals with the right status and the kernel's reason,
 * a full treatment, a detach seen as an event and as ContactOk=false, and the audit record of every call.
 * ch01 and ch02 are left in IDLE by refusal tests; ch03 runs a treatment; ch04 sees the detach; ch05 checks
 * which treatment each call record names and who decided it.
 */
class MethodCallTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path pki;
    private static GatewayHarness harness;
    private static DeviceClient observer;
    private static DeviceClient clinician;
    private static DeviceClient service;

    @BeforeAll
    static void start() throws Exception {
        harness = new GatewayHarness(pki, 5, false);
        observer = new DeviceClient(harness, harness.client(GatewayHarness.OBSERVER), "ch01");
        clinician = new DeviceClient(harness, harness.client(GatewayHarness.CLINICIAN), "ch01");
        service = new DeviceClient(harness, harness.client(GatewayHarness.SERVICE), "ch01");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    @Verifies({"SRS-OPC-012", "SRS-OPC-021"})
    void anObserverMayCallNoMethodAndAClinicianMayNotAcknowledge() throws Exception {
        for (String method : List.of("Start", "Pause", "Resume", "Stop", "AcknowledgeFault")) {
            CallMethodResult result = observer.call(method);
            assertEquals(StatusCodes.Bad_UserAccessDenied, result.getStatusCode().value(), method);
            assertEquals("refused: user 'olga' (observer) may not call " + method, DeviceClient.outcome(result));
        }
        assertEquals(StatusCodes.Bad_UserAccessDenied, observer.arm(1.0, 0.01, 10.0).getStatusCode().value());
        assertEquals(StatusCodes.Bad_UserAccessDenied, clinician.call("AcknowledgeFault").getStatusCode().value());
        assertEquals("IDLE", observer.read("State"));
    }

    @Test
    @Verifies({"SRS-OPC-004", "SRS-OPC-020", "SRS-OPC-021"})
    void kernelRefusalsAnswerTheirStatusAndTheKernelsReason() throws Exception {
        CallMethodResult tooMuch = clinician.arm(50.0, 1.0, 200.0);
        assertEquals(StatusCodes.Bad_OutOfRange, tooMuch.getStatusCode().value());
        assertEquals("refused: " + Reason.TARGET_ABOVE_DEVICE_MAX.text(), DeviceClient.outcome(tooMuch));

        CallMethodResult tooDense = clinician.arm(3.0, 1.0, 1.0);
        assertEquals(StatusCodes.Bad_OutOfRange, tooDense.getStatusCode().value());
        assertEquals("refused: " + Reason.DENSITY_ABOVE_CEILING.text(), DeviceClient.outcome(tooDense));

        CallMethodResult negative = clinician.arm(-1.0, 1.0, 10.0);
        assertEquals(StatusCodes.Bad_InvalidArgument, negative.getStatusCode().value());
        assertEquals("refused: " + Reason.INVALID_PRESCRIPTION.text(), DeviceClient.outcome(negative));

        CallMethodResult unknownDrug = clinician.call("Arm", new Variant("aspirin"), new Variant(1.0),
                new Variant(0.01), new Variant(10.0));
        assertEquals(StatusCodes.Bad_InvalidArgument, unknownDrug.getStatusCode().value());
        assertEquals("refused: " + Reason.UNKNOWN_DRUG.text(), DeviceClient.outcome(unknownDrug));

        CallMethodResult startIdle = clinician.call("Start");
        assertEquals(StatusCodes.Bad_InvalidState, startIdle.getStatusCode().value());
        assertEquals("refused: " + Reason.INVALID_STATE.text(), DeviceClient.outcome(startIdle));
        assertEquals(StatusCodes.Bad_InvalidState, service.call("AcknowledgeFault").getStatusCode().value());
        assertEquals("IDLE", clinician.read("State"));
    }

    @Test
    @Verifies("SRS-OPC-005")
    void malformedArgumentsAreRefusedByTheGatewayNamingTheArgument() throws Exception {
        DeviceClient other = new DeviceClient(harness, harness.client(GatewayHarness.CLINICIAN), "ch02");
        CallMethodResult nan = other.arm(Double.NaN, 1.0, 10.0);
        assertEquals(StatusCodes.Bad_InvalidArgument, nan.getStatusCode().value());
        assertEquals("refused: Arm argument 2 (targetCurrent_mA) must be a finite number, was NaN",
                DeviceClient.outcome(nan));
        assertEquals(StatusCodes.Bad_InvalidArgument, other.arm(1.0, Double.POSITIVE_INFINITY, 10.0)
                .getStatusCode().value());
        CallMethodResult huge = other.arm(1e300, 1.0, 10.0);
        assertEquals(StatusCodes.Bad_OutOfRange, huge.getStatusCode().value());
        CallMethodResult wrongType = other.call("Arm", new Variant("lidocaine-hcl"), new Variant(1),
                new Variant(1.0), new Variant(10.0));
        assertEquals(StatusCodes.Bad_TypeMismatch, wrongType.getStatusCode().value());
        assertEquals("refused: Arm argument 2 (targetCurrent_mA) must be a Double, was Integer",
                DeviceClient.outcome(wrongType));
        assertEquals(StatusCodes.Bad_ArgumentsMissing, other.call("Arm", new Variant("lidocaine-hcl"))
                .getStatusCode().value());
        assertEquals(StatusCodes.Bad_TooManyArguments, other.call("Start", new Variant(1.0)).getStatusCode().value());
        assertEquals(StatusCodes.Bad_InvalidArgument, other.call("Arm", new Variant("x".repeat(100_000)),
                new Variant(1.0), new Variant(1.0), new Variant(10.0)).getStatusCode().value());
        assertEquals("IDLE", other.read("State"));
    }

    @Test
    @Verifies({"SRS-OPC-004", "SRS-OPC-030"})
    void aClinicianRunsAFullTreatmentAndSeesItComplete() throws Exception {
        DeviceClient device = new DeviceClient(harness, harness.client(GatewayHarness.CLINICIAN), "ch03");
        device.subscribeEvents();
        CallMethodResult arm = device.arm(1.0, 0.06, 10.0);
        assertEquals(StatusCodes.Good, arm.getStatusCode().value(), DeviceClient.outcome(arm));
        assertEquals("accepted", DeviceClient.outcome(arm));
        assertEquals("ARMED", device.read("State"));
        assertEquals(0.06, (Double) device.read("PrescribedDose"), 1e-9);
        String treatment = (String) device.read("TreatmentId");
        assertTrue(treatment.startsWith("opcua-ch03-"), treatment);

        assertEquals(true, device.await("ContactOk", Boolean.TRUE::equals, WAIT));
        CallMethodResult start = startWhenContactConfirmed(device);
        assertEquals(StatusCodes.Good, start.getStatusCode().value(), DeviceClient.outcome(start));
        assertEquals("COMPLETE", device.await("State", "COMPLETE"::equals, WAIT));
        double delivered = (Double) device.read("DeliveredDose");
        assertTrue(delivered > 0, "dose delivered: " + delivered);
        assertEquals(Units.milliampMinutes(harness.runtime.channel("ch03").snapshot().deliveredDoseMicroampMillis()),
                delivered, 1e-12, "the kernel's delivered dose, in mA·min");
        DeviceClient.Event complete = device.awaitEvent("dose complete", WAIT);
        assertNotNull(complete, "dose-complete event");
        assertEquals(DeviceEvents.SEVERITY_COMPLETE, complete.severity());
        assertEquals("ch03", complete.source());

        ChannelEvent armed = harness.kernelEvents.stream().filter(e -> e.channelId().equals("ch03")
                && e.request() == RequestKind.ARM && e.event().type() == KernelEventType.REQUEST_ACCEPTED)
                .findFirst().orElseThrow();
        assertEquals(GatewayHarness.CLINICIAN, armed.origin(), "the OPC UA user is the kernel's requester");
    }

    @Test
    @Verifies({"SRS-OPC-030", "SRS-OPC-003"})
    void aDetachIsAnEventAndContactOkFalse() throws Exception {
        DeviceClient device = new DeviceClient(harness, harness.client(GatewayHarness.CLINICIAN), "ch04");
        device.subscribeEvents();
        assertEquals(StatusCodes.Good, device.arm(1.0, 0.5, 10.0).getStatusCode().value());
        assertEquals(StatusCodes.Good, startWhenContactConfirmed(device).getStatusCode().value());
        assertEquals("DELIVERING", device.await("State", "DELIVERING"::equals, WAIT));

        harness.stages.get(3).detach();
        DeviceClient.Event lost = device.awaitEvent("contact lost", WAIT);
        assertNotNull(lost, "contact-lost event");
        assertEquals(DeviceEvents.SEVERITY_CONTACT_LOST, lost.severity());
        assertEquals(false, device.await("ContactOk", Boolean.FALSE::equals, WAIT));
        assertEquals("CONTACT_LOST", device.read("State"));
        assertEquals(0.0, device.read("Setpoint"));

        harness.stages.get(3).attach();
        assertEquals(StatusCodes.Good, device.call("Stop").getStatusCode().value());
    }

    @Test
    @Verifies({"SRS-OPC-022", "SRS-OPC-031"})
    void everyCallIsRecordedWithUserArgumentsAndOutcome() throws Exception {
        DeviceClient device = new DeviceClient(harness, harness.client(GatewayHarness.SERVICE), "ch02");
        device.subscribeEvents();
        int before = harness.calls.size();
        device.arm(9.0, 1.5, 10.0);
        device.call("Pause");
        List<CallRecord> recorded = harness.calls.subList(before, harness.calls.size());
        CallRecord arm = recorded.stream().filter(c -> c.method().equals("Arm") && c.user().equals("sam"))
                .findFirst().orElseThrow();
        assertEquals("ch02", arm.deviceId());
        assertEquals(List.of("\"dexamethasone-sodium-phosphate\"", "9.0", "1.5", "10.0"), arm.arguments());
        assertEquals(false, arm.accepted());
        assertEquals("Bad_OutOfRange", arm.status());
        assertEquals(Reason.TARGET_ABOVE_DEVICE_MAX.text(), arm.reason());
        CallRecord pause = recorded.stream().filter(c -> c.method().equals("Pause") && c.user().equals("sam"))
                .findFirst().orElseThrow();
        assertEquals("Bad_InvalidState", pause.status());
        DeviceClient.Event refused = device.awaitEvent("ARM refused for sam", WAIT);
        assertNotNull(refused, "request-refused event");
        assertEquals(DeviceEvents.SEVERITY_REFUSED, refused.severity());
        assertNotNull(device.awaitEvent("called by sam: Bad_InvalidState", WAIT), "audit event of the Pause call");
    }

    @Test
    @Verifies("SRS-OPC-034")
    void everyCallRecordNamesItsTreatmentAndWhoDecided() throws Exception {
        DeviceClient reader = new DeviceClient(harness, harness.client(GatewayHarness.OBSERVER), "ch05");
        DeviceClient device = new DeviceClient(harness, harness.client(GatewayHarness.CLINICIAN), "ch05");
        int before = harness.calls.size();

        reader.call("Start");                                    // role: the gateway, no treatment yet
        device.arm(Double.NaN, 0.06, 10.0);                      // malformed: the gateway, never reached the kernel
        device.arm(50.0, 1.0, 200.0);                            // out of range: the kernel refuses the named treatment
        assertEquals(StatusCodes.Good, device.arm(1.0, 0.06, 10.0).getStatusCode().value());
        String armed = (String) device.read("TreatmentId");
        reader.call("Stop");                                     // role, while a treatment is armed
        device.call("Start", new Variant(1.0));                  // argument count, while armed
        device.call("Stop");                                     // the kernel decides

        List<CallRecord> calls = harness.calls.subList(before, harness.calls.size()).stream()
                .filter(c -> c.deviceId().equals("ch05")).toList();
        assertEquals(List.of("Start", "Arm", "Arm", "Arm", "Stop", "Start", "Stop"),
                calls.stream().map(CallRecord::method).toList());
        assertEquals(List.of(DecidedBy.GATEWAY, DecidedBy.GATEWAY, DecidedBy.KERNEL, DecidedBy.KERNEL,
                DecidedBy.GATEWAY, DecidedBy.GATEWAY, DecidedBy.KERNEL), calls.stream().map(CallRecord::decidedBy).toList());
        assertEquals(List.of("Bad_UserAccessDenied", "Bad_InvalidArgument", "Bad_OutOfRange", "Good",
                "Bad_UserAccessDenied", "Bad_TooManyArguments"),
                calls.subList(0, 6).stream().map(CallRecord::status).toList());
        assertEquals(null, calls.get(0).treatmentId(), "no treatment on the channel");
        assertEquals(null, calls.get(1).treatmentId(), "a malformed Arm names no treatment the kernel saw");
        String refusedArm = calls.get(2).treatmentId();
        assertTrue(refusedArm.startsWith("opcua-ch05-") && !refusedArm.equals(armed),
                "a refused Arm names the treatment it asked for: " + refusedArm);
        assertTrue(armed.startsWith("opcua-ch05-"), armed);
        for (CallRecord call : calls.subList(3, 7)) {
            assertEquals(armed, call.treatmentId(), call.describe());
        }
        assertTrue(calls.get(4).describe().endsWith("(decided by gateway, treatment " + armed + ")"),
                calls.get(4).describe());
    }

    /** START is refused until the kernel has confirmed contact for the profile's confirmation time. */
    private static CallMethodResult startWhenContactConfirmed(DeviceClient device) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        CallMethodResult start = device.call("Start");
        while (start.getStatusCode().isBad() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            start = device.call("Start");
        }
        return start;
    }
}
