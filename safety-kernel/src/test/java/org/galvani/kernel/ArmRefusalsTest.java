package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reason the kernel can give for refusing an ARM, each with one example, and the check that no
 * refusal reason is left without one. (The requirement-by-requirement boundaries are in the tests of
 * SRS-KRN-002 to 007.)
 */
class ArmRefusalsTest {

    private static final DeviceProfile PATCH = DeviceProfile.drugDeliveryPatch();
    private static final DeviceProfile WATER = DeviceProfile.tapWaterHyperhidrosis();

    /** Refusals that are not about ARM, or that the runtime gives rather than the kernel. */
    /** Refusals of other requests, or the runtime's before the kernel sees the ARM (tested with the runtime). */
    private static final Set<Reason> NOT_ARM_REFUSALS = EnumSet.of(Reason.CONTACT_NOT_CONFIRMED,
            Reason.OUTPUT_NOT_SAFE, Reason.REQUEST_QUEUE_FULL, Reason.LEDGER_UNAVAILABLE, Reason.CHANNEL_HALTED,
            Reason.SELF_TEST_FAILED);

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Reason.INVALID_PRESCRIPTION, PATCH, Prescriptions.dexamethasone("T").targetMicroamps(0).build(), 0L),
                Arguments.of(Reason.END_CRITERION_NOT_ALLOWED, PATCH,
                        Prescriptions.dexamethasone("T").durationMillis(600_000).build(), 0L),
                Arguments.of(Reason.TARGET_ABOVE_DEVICE_MAX, PATCH,
                        Prescriptions.dexamethasone("T").targetMicroamps(4_001).build(), 0L),
                Arguments.of(Reason.DENSITY_ABOVE_CEILING, PATCH,
                        Prescriptions.dexamethasone("T").electrodeAreaMm2(599).build(), 0L),
                Arguments.of(Reason.UNKNOWN_DRUG, PATCH, Prescriptions.dexamethasone("T").drug("aspirin").build(), 0L),
                Arguments.of(Reason.POLARITY_MISMATCH, PATCH,
                        Prescriptions.dexamethasone("T").activeElectrode(Polarity.ANODE).build(), 0L),
                Arguments.of(Reason.RAMP_TOO_SHORT, PATCH, Prescriptions.dexamethasone("T").rampMillis(9_999).build(), 0L),
                Arguments.of(Reason.DURATION_OUT_OF_RANGE, WATER,
                        Prescriptions.tapWater("W").durationMillis(10 * 60_000L - 1).build(), 0L),
                Arguments.of(Reason.DOSE_ABOVE_CAP, PATCH,
                        Prescriptions.dexamethasone("T").doseMicroampMillis(Units.microampMillis(80.0) + 1).build(), 0L),
                Arguments.of(Reason.DOSE_ALREADY_DELIVERED, PATCH, Prescriptions.dexamethasone("T").build(),
                        Units.microampMillis(40.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @Verifies(value = {"SRS-KRN-002", "SRS-KRN-003", "SRS-KRN-004", "SRS-KRN-005", "SRS-KRN-006", "SRS-KRN-007"},
            version = 1)
    void armIsRefusedForEachReasonAndNothingChanges(Reason reason, DeviceProfile profile, Prescription rx, long prior) {
        KernelHarness h = KernelHarness.create(profile);
        h.tick();
        long arm = h.arm(rx, prior);
        h.tick();
        assertEquals(reason, h.refusal(arm));
        assertEquals(KernelState.IDLE, h.kernel().state());
        assertNull(h.kernel().prescription());
    }

    @Test
    @Verifies(value = "SRS-KRN-023", version = 1)
    void armIsRefusedWithInvalidStateWhileATreatmentIsArmed() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.dexamethasone("T").build());
        h.tick();
        long again = h.arm(Prescriptions.dexamethasone("T2").build());
        h.tick();
        assertEquals(Reason.INVALID_STATE, h.refusal(again));
        assertEquals("T", h.kernel().treatmentId());
    }

    @Test
    @Verifies(value = "SRS-KRN-015", version = 1)
    void durationOfATimeBasedSessionMustBeWithinTheProfilesRange() {
        Map<Long, Reason> expected = Map.of(
                10 * 60_000L - 1, Reason.DURATION_OUT_OF_RANGE,
                10 * 60_000L, Reason.NONE,
                40 * 60_000L, Reason.NONE,
                40 * 60_000L + 1, Reason.DURATION_OUT_OF_RANGE);
        expected.forEach((duration, reason) -> {
            KernelHarness h = KernelHarness.create(WATER);
            h.tick();
            long arm = h.arm(Prescriptions.tapWater("W").durationMillis(duration).build());
            h.tick();
            assertEquals(reason, h.lastOutcomeOf(arm).reason(), duration + " ms");
        });
    }

    @Test
    @Verifies(value = "SRS-KRN-002", version = 1)
    void everyArmRefusalReasonHasAnExample() {
        Set<Reason> covered = refusals().map(a -> (Reason) a.get()[0]).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Reason.class)));
        covered.add(Reason.INVALID_STATE);
        covered.add(Reason.TREATMENT_ALREADY_COMPLETED); // its examples: CompletedTreatmentArmTest
        Set<Reason> all = EnumSet.noneOf(Reason.class);
        for (Reason reason : Reason.values()) {
            if (reason.isRefusal() && !NOT_ARM_REFUSALS.contains(reason)) {
                all.add(reason);
            }
        }
        assertEquals(all, covered);
    }
}
