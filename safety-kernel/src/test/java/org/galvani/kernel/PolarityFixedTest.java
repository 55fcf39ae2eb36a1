package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-025: the polarity set by ARM is commanded in every tick until the treatment is closed. */
class PolarityFixedTest {

    /** Tap water allows either polarity, so only the kernel keeps it fixed. */
    private static KernelHarness tapWater() {
        return KernelHarness.create(DeviceProfile.tapWaterHyperhidrosis());
    }

    private static Prescription anode(String id) {
        return Prescriptions.tapWater(id).activeElectrode(Polarity.ANODE).build();
    }

    private static Prescription cathode(String id) {
        return Prescriptions.tapWater(id).activeElectrode(Polarity.CATHODE).build();
    }

    /** Ticks {@code millis} times, checking that the stage is commanded {@code polarity} in each; records states. */
    private static void expectPolarity(KernelHarness h, long millis, Polarity polarity, Set<KernelState> seen) {
        for (long i = 0; i < millis; i++) {
            h.tick();
            assertEquals(polarity, h.stage().appliedPolarity(), "in " + h.kernel().state());
            seen.add(h.kernel().state());
        }
    }

    @Test
    @Verifies(value = "SRS-KRN-025", version = 1)
    void polarityIsCommandedInEveryTickOfTheTreatmentWhateverHappens() {
        KernelHarness h = tapWater();
        Set<KernelState> seen = EnumSet.noneOf(KernelState.class);
        h.arm(anode("W"));
        expectPolarity(h, 600, Polarity.ANODE, seen);
        h.start();
        expectPolarity(h, 12_000, Polarity.ANODE, seen);
        h.pause();
        expectPolarity(h, 12_000, Polarity.ANODE, seen);
        h.resume();
        expectPolarity(h, 2_000, Polarity.ANODE, seen);
        h.stage().detach();
        expectPolarity(h, 100, Polarity.ANODE, seen);
        h.stage().attach();
        expectPolarity(h, 600, Polarity.ANODE, seen);
        h.resume();
        expectPolarity(h, 12_000, Polarity.ANODE, seen);
        h.stop();
        expectPolarity(h, 12_000, Polarity.ANODE, seen);
        assertEquals(EnumSet.of(KernelState.ARMED, KernelState.RAMP_UP, KernelState.DELIVERING, KernelState.PAUSED,
                KernelState.CONTACT_LOST, KernelState.RAMP_DOWN, KernelState.COMPLETE), seen);

        h.stage().flags(StatusFlags.HARDWARE_FAULT);
        expectPolarity(h, 10, Polarity.ANODE, seen);
        assertEquals(KernelState.FAULT, h.kernel().state());
        h.stage().flags(0);
        h.tick();
        h.acknowledge();
        h.tick();
        assertEquals(KernelState.IDLE, h.kernel().state());
        assertNull(h.kernel().polarity(), "closed: no polarity");
        assertNull(h.stage().appliedPolarity());
    }

    @Test
    @Verifies(value = "SRS-KRN-025", version = 1)
    void noRequestChangesThePolarityWhileTheTreatmentIsArmed() {
        KernelHarness h = tapWater();
        h.arm(anode("W"));
        h.confirmContact();
        long[] attempts = new long[4];
        attempts[0] = h.arm(cathode("W"));
        h.tick();
        h.start();
        h.runMillis(100);
        attempts[1] = h.arm(cathode("W"));
        h.tick();
        h.runUntil(KernelState.DELIVERING, 10_002);
        attempts[2] = h.arm(cathode("OTHER"));
        h.tick();
        h.pause();
        h.runMillis(100);
        attempts[3] = h.arm(cathode("W"));
        h.tick();
        for (long attempt : attempts) {
            assertEquals(Reason.INVALID_STATE, h.refusal(attempt));
        }
        assertEquals(Polarity.ANODE, h.kernel().polarity());
        assertEquals(Polarity.ANODE, h.stage().appliedPolarity());
    }

    @Test
    @Verifies(value = "SRS-KRN-025", version = 1)
    void aNewTreatmentMayHaveTheOtherPolarityOnlyAfterTheFirstIsComplete() {
        KernelHarness h = tapWater();
        h.deliverAtTarget(anode("FIRST"));
        h.stop();
        h.runUntil(KernelState.COMPLETE, 10_002);
        assertEquals(Polarity.ANODE, h.stage().appliedPolarity());
        long next = h.arm(cathode("SECOND"));
        h.tick();
        assertTrue(h.accepted(next));
        assertEquals(Polarity.CATHODE, h.stage().appliedPolarity());
        assertEquals(false, h.stage().outputEnabled(), "the new polarity is set with the output off");
    }
}
