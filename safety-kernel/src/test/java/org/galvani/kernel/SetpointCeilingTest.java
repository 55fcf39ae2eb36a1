package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.Set;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * SRS-KRN-011: the setpoint stays between zero and the treatment's ceiling, and is zero with the output
 * off outside RAMP_UP, DELIVERING, PAUSED and RAMP_DOWN. (The harness checks this after every tick of
 * every kernel test too.)
 */
class SetpointCeilingTest {

    private static final Set<KernelState> ENERGIZED = EnumSet.of(KernelState.RAMP_UP, KernelState.DELIVERING,
            KernelState.PAUSED, KernelState.RAMP_DOWN);

    /** Ticks {@code millis} times, checking the output in every tick; returns the highest setpoint seen. */
    private static int watch(KernelHarness h, long millis) {
        int highest = 0;
        for (long i = 0; i < millis; i++) {
            h.tick();
            SafetyKernel k = h.kernel();
            if (!ENERGIZED.contains(k.state())) {
                assertEquals(0, k.setpointMicroamps(), "in " + k.state());
                assertFalse(k.outputEnabled(), "in " + k.state());
                assertFalse(h.stage().outputEnabled(), "stage in " + k.state());
            }
            highest = Math.max(highest, k.setpointMicroamps());
        }
        return highest;
    }

    @Test
    @Verifies(value = "SRS-KRN-011", version = 1)
    void outputIsZeroAndOffInEveryStateThatIsNotEnergized() {
        KernelHarness h = KernelHarness.drugDelivery();
        assertEquals(0, watch(h, 100));
        assertEquals(KernelState.IDLE, h.kernel().state());

        h.arm(Prescriptions.shortDexamethasone("T").build());
        assertEquals(0, watch(h, 1_000));
        assertEquals(KernelState.ARMED, h.kernel().state());

        h.start();
        watch(h, 12_000);
        assertEquals(KernelState.DELIVERING, h.kernel().state());
        h.stage().detach();
        assertEquals(0, watch(h, 1_000));
        assertEquals(KernelState.CONTACT_LOST, h.kernel().state());

        h.stop();
        assertEquals(0, watch(h, 1_000));
        assertEquals(KernelState.COMPLETE, h.kernel().state());

        h.stage().flags(StatusFlags.LINK_FAULT);
        assertEquals(0, watch(h, 1_000));
        assertEquals(KernelState.FAULT, h.kernel().state());
    }

    @Test
    @Verifies(value = "SRS-KRN-011", version = 1)
    void withNoTreatmentArmedTheOutputIsZeroEvenInFault() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.stage().flags(StatusFlags.HARDWARE_FAULT);
        assertEquals(0, watch(h, 100));
        assertEquals(KernelState.FAULT, h.kernel().state());
        assertEquals(null, h.kernel().prescription());
    }

    @Test
    @Verifies(value = "SRS-KRN-011", version = 1)
    void setpointNeverExceedsTheTargetThroughRampsPausesAndResumes() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.armAndStart(Prescriptions.dexamethasone("T").targetMicroamps(2_345).electrodeAreaMm2(469).rampMillis(10_000)
                .build());
        int highest = watch(h, 15_000);
        h.pause();
        highest = Math.max(highest, watch(h, 3_000));
        h.resume();
        highest = Math.max(highest, watch(h, 15_000));
        // A sensor reading high does not move the command.
        h.stage().currentOffset(100);
        highest = Math.max(highest, watch(h, 3));
        assertEquals(2_345, highest);
        assertEquals(2_345, h.kernel().setpointMicroamps());
    }
}
