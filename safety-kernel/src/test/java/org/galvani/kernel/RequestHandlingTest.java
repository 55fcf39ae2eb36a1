package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SRS-KRN-023: requests are staged one at a time and decided by the kernel inside the next tick. */
class RequestHandlingTest {

    /** For each state, the requests it accepts and the state each leads to; every other request is refused. */
    private static final Map<KernelState, Map<RequestKind, KernelState>> ACCEPTED = new EnumMap<>(KernelState.class);

    static {
        for (KernelState state : KernelState.values()) {
            ACCEPTED.put(state, new EnumMap<>(RequestKind.class));
        }
        ACCEPTED.get(KernelState.IDLE).put(RequestKind.ARM, KernelState.ARMED);
        ACCEPTED.get(KernelState.ARMED).put(RequestKind.START, KernelState.RAMP_UP);
        ACCEPTED.get(KernelState.ARMED).put(RequestKind.STOP, KernelState.IDLE);
        ACCEPTED.get(KernelState.ARMED).put(RequestKind.SYSTEM_STOP, KernelState.IDLE);
        for (KernelState energized : new KernelState[] {KernelState.RAMP_UP, KernelState.DELIVERING}) {
            ACCEPTED.get(energized).put(RequestKind.PAUSE, KernelState.PAUSED);
            ACCEPTED.get(energized).put(RequestKind.STOP, KernelState.RAMP_DOWN);
            ACCEPTED.get(energized).put(RequestKind.SYSTEM_STOP, KernelState.RAMP_DOWN);
        }
        for (KernelState stopped : new KernelState[] {KernelState.PAUSED, KernelState.CONTACT_LOST}) {
            ACCEPTED.get(stopped).put(RequestKind.RESUME, KernelState.RAMP_UP);
            ACCEPTED.get(stopped).put(RequestKind.STOP, KernelState.COMPLETE);
            ACCEPTED.get(stopped).put(RequestKind.SYSTEM_STOP, KernelState.COMPLETE);
        }
        ACCEPTED.get(KernelState.RAMP_DOWN).put(RequestKind.STOP, KernelState.RAMP_DOWN);
        ACCEPTED.get(KernelState.RAMP_DOWN).put(RequestKind.SYSTEM_STOP, KernelState.RAMP_DOWN);
        ACCEPTED.get(KernelState.COMPLETE).put(RequestKind.ARM, KernelState.ARMED);
        ACCEPTED.get(KernelState.FAULT).put(RequestKind.ACKNOWLEDGE, KernelState.IDLE);
    }

    static Stream<Arguments> everyStateAndRequest() {
        List<Arguments> cases = new ArrayList<>();
        for (KernelState state : KernelState.values()) {
            for (RequestKind kind : RequestKind.values()) {
                cases.add(Arguments.of(state, kind));
            }
        }
        return cases.stream();
    }

    /** A kernel in {@code state}, where every request that state accepts would be accepted (contact confirmed). */
    private static KernelHarness inState(KernelState state) {
        KernelHarness h = KernelHarness.drugDelivery();
        Prescription rx = Prescriptions.shortDexamethasone("T").build();
        switch (state) {
            case IDLE -> h.tick();
            case ARMED -> {
                h.arm(rx);
                h.confirmContact();
            }
            case RAMP_UP -> {
                h.armAndStart(rx);
                h.runMillis(1_000);
            }
            case DELIVERING -> h.deliverAtTarget(rx);
            case PAUSED -> {
                h.deliverAtTarget(rx);
                h.pause();
                h.runUntil(k -> !k.outputEnabled(), "paused at zero", 10_002);
            }
            case RAMP_DOWN -> {
                h.deliverAtTarget(rx);
                h.stop();
                h.tick();
            }
            case CONTACT_LOST -> {
                h.deliverAtTarget(rx);
                h.stage().detach();
                h.tick();
                h.stage().attach();
                h.confirmContact();
            }
            case COMPLETE -> {
                h.deliverAtTarget(rx);
                h.stop();
                h.runUntil(KernelState.COMPLETE, 10_002);
            }
            case FAULT -> {
                h.deliverAtTarget(rx);
                h.stage().flags(StatusFlags.DATA_FAULT);
                h.tick();
                h.stage().flags(0);
                h.tick();
            }
            default -> throw new IllegalArgumentException(state.name());
        }
        assertEquals(state, h.kernel().state());
        return h;
    }

    private static Request request(KernelHarness h, RequestKind kind) {
        long id = h.nextRequestId();
        return switch (kind) {
            case ARM -> Request.arm(id, Prescriptions.shortDexamethasone("NEXT").build(), 0);
            case START -> Request.start(id);
            case PAUSE -> Request.pause(id);
            case RESUME -> Request.resume(id);
            case STOP -> Request.stop(id);
            case ACKNOWLEDGE -> Request.acknowledge(id);
            case SYSTEM_STOP -> Request.systemStop(id, Reason.RECORDING_FAILED);
        };
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyStateAndRequest")
    @Verifies(value = {"SRS-KRN-023", "SRS-KRN-024"}, version = 1)
    void requestIsAcceptedOnlyWhereTheStateMachineAllowsItAndRefusedWithInvalidStateElsewhere(KernelState state,
                                                                                              RequestKind kind) {
        KernelHarness h = inState(state);
        long id = h.submit(request(h, kind));
        h.tick();
        KernelEvent outcome = h.lastOutcomeOf(id);
        KernelState expected = ACCEPTED.get(state).get(kind);
        if (expected == null) {
            assertEquals(KernelEventType.REQUEST_REFUSED, outcome.type());
            assertEquals(Reason.INVALID_STATE, outcome.reason());
            assertEquals(state, h.kernel().state());
        } else {
            assertEquals(KernelEventType.REQUEST_ACCEPTED, outcome.type());
            assertEquals(expected, h.kernel().state());
        }
        assertEquals(state, outcome.previous(), "decided in the state it found");
    }

    @Test
    @Verifies(value = "SRS-KRN-023", version = 1)
    void atMostOneRequestWaitsAtATime() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        SafetyKernel kernel = h.kernel();
        Request first = Request.arm(h.nextRequestId(), Prescriptions.shortDexamethasone("T").build(), 0);
        Request second = Request.stop(h.nextRequestId());
        assertFalse(kernel.hasPendingRequest());
        assertFalse(kernel.submit(null));
        assertTrue(kernel.submit(first));
        assertTrue(kernel.hasPendingRequest());
        assertFalse(kernel.submit(second), "a second request while one waits");
        h.tick();
        assertFalse(kernel.hasPendingRequest());
        assertEquals(KernelEventType.REQUEST_ACCEPTED, h.lastOutcomeOf(first.id()).type());
        assertNull(h.lastOutcomeOf(second.id()), "the rejected submission was never decided");
    }

    @Test
    @Verifies(value = "SRS-KRN-023", version = 1)
    void requestIsDecidedInTheNextTickAndNotBefore() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.shortDexamethasone("T").build());
        h.confirmContact();
        int eventsBefore = h.events().size();
        long start = h.start();
        assertEquals(eventsBefore, h.events().size());
        assertEquals(KernelState.ARMED, h.kernel().state());
        h.tick();
        assertEquals(h.now(), h.lastOutcomeOf(start).timeMicros());
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-023", version = 1)
    void requestIsDecidedWithTheStateThatTheSameTicksMeasurementLeftTheKernelIn() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.shortDexamethasone("T").build());
        long pause = h.pause();
        h.stage().flags(StatusFlags.FIRMWARE_WATCHDOG);
        h.tick();
        assertEquals(Reason.INVALID_STATE, h.refusal(pause), "the fault of this tick came first");
        assertEquals(KernelState.FAULT, h.kernel().state());
    }
}
