package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** SRS-KRN-002: every malformed prescription is refused, and a refused ARM changes nothing. */
class PrescriptionValidationTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("no prescription", null),
                Arguments.of("no treatment ID", dex(null).build()),
                Arguments.of("blank treatment ID", dex("  ").build()),
                Arguments.of("no drug", dex("T").drug(null).build()),
                Arguments.of("no active electrode", dex("T").activeElectrode(null).build()),
                Arguments.of("zero target", dex("T").targetMicroamps(0).build()),
                Arguments.of("negative target", dex("T").targetMicroamps(-3_000).build()),
                Arguments.of("zero area", dex("T").electrodeAreaMm2(0).build()),
                Arguments.of("negative area", dex("T").electrodeAreaMm2(-1_000).build()),
                Arguments.of("area above 1 m2", dex("T").electrodeAreaMm2(1_000_001).build()),
                Arguments.of("zero ramp", dex("T").rampMillis(0).build()),
                Arguments.of("negative ramp", dex("T").rampMillis(-30_000).build()),
                Arguments.of("zero dose", dex("T").doseMicroampMillis(0).build()),
                Arguments.of("negative dose", dex("T").doseMicroampMillis(-1).build()),
                Arguments.of("zero duration", dex("T").durationMillis(0).build()),
                Arguments.of("negative duration", dex("T").durationMillis(-60_000).build()));
    }

    private static Prescription.Builder dex(String id) {
        return Prescriptions.dexamethasone(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @Verifies(value = "SRS-KRN-002", version = 1)
    void malformedPrescriptionIsRefusedAndChangesNothing(String what, Prescription rx) {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        long arm = h.arm(rx);
        h.tick();
        assertEquals(Reason.INVALID_PRESCRIPTION, h.refusal(arm), what);
        assertUnchangedIdle(h);
    }

    @Test
    @Verifies(value = "SRS-KRN-002", version = 1)
    void negativePriorDoseIsRefused() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        long arm = h.arm(dex("T").build(), -1);
        h.tick();
        assertEquals(Reason.INVALID_PRESCRIPTION, h.refusal(arm));
        assertUnchangedIdle(h);
    }

    @Test
    @Verifies(value = "SRS-KRN-002", version = 1)
    void electrodeAreaOfExactlyOneSquareMetreIsAccepted() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        long arm = h.arm(dex("T").electrodeAreaMm2(1_000_000).build());
        h.tick();
        assertTrue(h.accepted(arm));
        assertEquals(KernelState.ARMED, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-002", version = 1)
    void endCriterionTheProfileDoesNotAllowIsRefused() {
        KernelHarness drug = KernelHarness.drugDelivery();
        drug.tick();
        long timed = drug.arm(dex("T").durationMillis(20 * 60_000L).build());
        drug.tick();
        assertEquals(Reason.END_CRITERION_NOT_ALLOWED, drug.refusal(timed));
        assertUnchangedIdle(drug);

        KernelHarness water = KernelHarness.create(DeviceProfile.tapWaterHyperhidrosis());
        water.tick();
        long dosed = water.arm(Prescriptions.tapWater("W").doseMicroampMillis(Units.microampMillis(10.0)).build());
        water.tick();
        assertEquals(Reason.END_CRITERION_NOT_ALLOWED, water.refusal(dosed));
        assertUnchangedIdle(water);
    }

    @Test
    @Verifies(value = "SRS-KRN-002", version = 1)
    void refusedArmAfterATreatmentLeavesThatTreatmentAsItWas() {
        KernelHarness h = KernelHarness.drugDelivery();
        Prescription first = Prescriptions.shortDexamethasone("FIRST").build();
        h.deliverAtTarget(first);
        h.stop();
        h.runUntil(KernelState.COMPLETE, 11_000);
        long dose = h.kernel().deliveredDoseMicroampMillis();
        int eventsBefore = h.events().size();

        long arm = h.arm(dex("SECOND").targetMicroamps(0).build());
        h.tick();

        assertEquals(Reason.INVALID_PRESCRIPTION, h.refusal(arm));
        assertEquals(KernelState.COMPLETE, h.kernel().state());
        assertSame(first, h.kernel().prescription());
        assertEquals(Polarity.CATHODE, h.kernel().polarity());
        assertEquals(dose, h.kernel().deliveredDoseMicroampMillis());
        assertEquals(List.of(KernelEventType.REQUEST_REFUSED),
                h.events().subList(eventsBefore, h.events().size()).stream().map(KernelEvent::type).toList());
    }

    private static void assertUnchangedIdle(KernelHarness h) {
        assertEquals(KernelState.IDLE, h.kernel().state());
        assertNull(h.kernel().prescription());
        assertNull(h.kernel().polarity());
        assertEquals(0, h.kernel().deliveredDoseMicroampMillis());
        assertEquals(0, h.kernel().setpointMicroamps());
        assertTrue(h.events(KernelEventType.STATE_CHANGED).isEmpty(), "a refused ARM changed the state");
    }
}
