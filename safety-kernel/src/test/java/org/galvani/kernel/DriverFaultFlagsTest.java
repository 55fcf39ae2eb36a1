package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SRS-KRN-021: every fault bit of the driver latches DRIVER_FAULT with the output off in the same tick. */
class DriverFaultFlagsTest {

    @ParameterizedTest(name = "flag 0x{0}")
    @ValueSource(ints = {StatusFlags.HARDWARE_FAULT, StatusFlags.HARDWARE_OVERCURRENT, StatusFlags.LINK_FAULT,
            StatusFlags.DATA_FAULT, StatusFlags.FIRMWARE_WATCHDOG, StatusFlags.DRIVER_EXCEPTION,
            StatusFlags.SELF_TEST_FAILED})
    @Verifies(value = "SRS-KRN-021", version = 1)
    void faultBitWhileDeliveringLatchesADriverFaultInTheSameTick(int flag) {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
        h.stage().flags(flag);
        h.tick();
        assertEquals(KernelState.FAULT, h.kernel().state());
        assertEquals(Reason.DRIVER_FAULT, h.kernel().faultReason());
        assertEquals(0, h.kernel().setpointMicroamps());
        assertFalse(h.kernel().outputEnabled());
        assertFalse(h.stage().outputEnabled());
    }

    @ParameterizedTest(name = "flag 0x{0}")
    @ValueSource(ints = {StatusFlags.HARDWARE_FAULT, StatusFlags.SELF_TEST_FAILED})
    @Verifies(value = "SRS-KRN-021", version = 1)
    void faultBitLatchesAFaultWithNoTreatmentToo(int flag) {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        h.stage().flags(flag);
        h.tick();
        assertEquals(KernelState.FAULT, h.kernel().state());
        assertEquals(Reason.DRIVER_FAULT, h.kernel().faultReason());
    }

    @Test
    @Verifies(value = "SRS-KRN-021", version = 1)
    void faultMaskIsExactlyTheSevenFaultBits() {
        assertEquals(StatusFlags.HARDWARE_FAULT | StatusFlags.HARDWARE_OVERCURRENT | StatusFlags.LINK_FAULT
                | StatusFlags.DATA_FAULT | StatusFlags.FIRMWARE_WATCHDOG | StatusFlags.DRIVER_EXCEPTION
                | StatusFlags.SELF_TEST_FAILED, StatusFlags.FAULT_MASK);
        assertEquals(7, Integer.bitCount(StatusFlags.FAULT_MASK));
        assertFalse(StatusFlags.hasFault(StatusFlags.OUTPUT_SAFE | StatusFlags.OUTPUT_ENABLED));
    }

    @Test
    @Verifies(value = "SRS-KRN-021", version = 1)
    void informationalBitsAreNotFaults() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.deliverAtTarget(Prescriptions.dexamethasone("T").targetMicroamps(4_000).rampMillis(10_000).build());
        h.stage().flags(StatusFlags.OUTPUT_SAFE | StatusFlags.OUTPUT_ENABLED);
        h.runMillis(1_000);
        assertEquals(KernelState.DELIVERING, h.kernel().state());
    }
}
