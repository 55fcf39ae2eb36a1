package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** SRS-KRN-001: a profile can only tighten the hardware's and the kernel's limits, and says what is wrong. */
class DeviceProfileLimitsTest {

    private static final HardwareLimits HARDWARE = KernelHarness.HARDWARE;

    private static DeviceProfile.Builder named(String name) {
        return DeviceProfile.drugDeliveryPatch().toBuilder().name(name);
    }

    private static SafetyKernel create(DeviceProfile profile) {
        return SafetyKernel.create(HARDWARE, profile, KernelEventSink.NONE);
    }

    private static void assertRejected(Executable creation, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, creation);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' does not name '" + fragment + "'");
        }
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void shippedProfilesFitTheTestStage() {
        for (DeviceProfile profile : new DeviceProfile[] {DeviceProfile.drugDeliveryPatch(),
                DeviceProfile.tapWaterHyperhidrosis(), DeviceProfile.wearablePatch()}) {
            SafetyKernel kernel = create(profile);
            assertEquals(KernelState.IDLE, kernel.state());
            assertEquals(0, kernel.setpointMicroamps());
            assertEquals(false, kernel.outputEnabled());
        }
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void maximumCurrentAboveTheHardwareIsRejectedAndExactlyAtItIsAccepted() {
        assertRejected(() -> create(named("too-strong").maxCurrentMicroamps(25_001).build()),
                "device profile 'too-strong'", "maxCurrentMicroamps", "25001", "25000");
        assertEquals(25_000, create(named("full").maxCurrentMicroamps(25_000).build()).profile().maxCurrentMicroamps());
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void densityCeilingAboveTheAbsoluteCeilingIsRejectedWhenBuilt() {
        assertRejected(() -> named("dense").densityCeilingMicroampsPerCm2(501).build(),
                "device profile 'dense'", "densityCeilingMicroampsPerCm2", "501", "500");
        assertEquals(500, create(named("at-ceiling").densityCeilingMicroampsPerCm2(500).build()).profile()
                .densityCeilingMicroampsPerCm2());
        assertEquals(250, create(named("tighter").densityCeilingMicroampsPerCm2(250).build()).profile()
                .densityCeilingMicroampsPerCm2());
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void complianceHeadroomMustFitTheHardwareComplianceVoltage() {
        assertRejected(() -> create(named("no-room").compliance(80_000, 20).build()),
                "device profile 'no-room'", "complianceHeadroomMillivolts", "80000", "79999");
        create(named("just-fits").compliance(79_999, 20).build());
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void watchdogLimitsShorterThanTheControlPeriodAllowsAreRejected() {
        assertRejected(() -> create(named("tight-gap").tickGapLimitMicros(1_999).build()),
                "device profile 'tight-gap'", "tickGapLimitMicros", "1999", "2000");
        create(named("gap-two-periods").tickGapLimitMicros(2_000).build());

        assertRejected(() -> create(named("tight-age").measurementMaxAgeMicros(999).build()),
                "device profile 'tight-age'", "measurementMaxAgeMicros", "999", "1000");
        create(named("age-one-period").measurementMaxAgeMicros(1_000).build());

        // The default 10 ms gap limit does not allow a 6 ms control period.
        assertRejected(() -> SafetyKernel.create(new HardwareLimits(25_000, 80_000, 6_000),
                DeviceProfile.drugDeliveryPatch(), KernelEventSink.NONE), "tickGapLimitMicros", "10000", "12000");
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void profileValuesAreCheckedForRangeAndConsistencyWhenBuilt() {
        assertRejected(() -> named("p").maxCurrentMicroamps(0).build(), "'p'", "maxCurrentMicroamps", "0");
        assertRejected(() -> named("p").contactWindowOhms(5_000, 4_999).build(), "'p'", "contactMaxOhms", "4999");
        assertRejected(() -> named("p").durationRangeMillis(120_000, 60_000).build(), "'p'", "maxDurationMillis");
        assertRejected(() -> named("p").highResistance(HighResistancePolicy.REDUCE_AND_EXTEND, 100, 25).build(),
                "'p'", "reduceKeepPercent", "100");
        assertRejected(() -> named("p").highResistance(null, 90, 25).build(), "'p'", "highResistancePolicy");
        assertRejected(() -> named("p").endCriteria(EnumSet.noneOf(EndCriterion.class)).build(), "'p'", "endCriteria");
        assertRejected(() -> named("p").drugs(DrugTable.empty()).build(), "'p'", "drugs");
        assertRejected(() -> named("p").hardCapMicroampMillis(0).build(), "'p'", "hardCapMicroampMillis", "0");
        assertRejected(() -> named(null).build(), "name");
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void creationNeedsHardwareProfileAndSink() {
        assertRejected(() -> SafetyKernel.create(null, DeviceProfile.drugDeliveryPatch(), KernelEventSink.NONE), "hardware");
        assertRejected(() -> SafetyKernel.create(HARDWARE, null, KernelEventSink.NONE), "profile");
        assertRejected(() -> SafetyKernel.create(HARDWARE, DeviceProfile.drugDeliveryPatch(), null), "events");
        assertRejected(() -> new HardwareLimits(0, 80_000, 1_000), "maxCurrentMicroamps", "0");
        assertRejected(() -> new HardwareLimits(25_000, 80_000, 99), "controlPeriodMicros", "99");
    }
}
