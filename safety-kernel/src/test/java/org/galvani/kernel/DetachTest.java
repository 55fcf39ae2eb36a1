package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SRS-KRN-016: a detach in RAMP_UP, DELIVERING, PAUSED or RAMP_DOWN cuts the output in the same tick.
 * Each case runs a twin kernel without the detach to show the output would have been on in that tick.
 */
class DetachTest {

    /** A profile and a prescription for it. */
    record Setup(String name, DeviceProfile profile, Prescription prescription) {
        KernelHarness started() {
            KernelHarness h = KernelHarness.create(profile);
            h.armAndStart(prescription);
            return h;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Setup> setups() {
        return Stream.of(
                new Setup("drug patch, 4 mA in 10 s", DeviceProfile.drugDeliveryPatch(),
                        Prescriptions.shortDexamethasone("T").build()),
                new Setup("tap water, 15 mA in 10 s", DeviceProfile.tapWaterHyperhidrosis(),
                        Prescriptions.tapWater("W").build()));
    }

    private static void assertCutByDetach(KernelHarness h, Reason reason) {
        assertEquals(KernelState.CONTACT_LOST, h.kernel().state());
        assertEquals(reason, h.kernel().lastReason());
        assertEquals(0, h.kernel().setpointMicroamps());
        assertFalse(h.kernel().outputEnabled());
        assertFalse(h.stage().outputEnabled());
        assertEquals(0, h.stage().appliedSetpoint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    @Verifies(value = "SRS-KRN-016", version = 1)
    void detachInTheFirstTickOfTheRampCutsTheOutputInThatTick(Setup setup) {
        KernelHarness twin = setup.started();
        twin.tick();
        assertEquals(KernelState.RAMP_UP, twin.kernel().state());
        assertTrue(twin.stage().outputEnabled(), "without the detach the output is on in this tick");

        KernelHarness h = setup.started();
        h.stage().detach();
        h.tick();
        assertCutByDetach(h, Reason.CONTACT_OUT_OF_WINDOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    @Verifies(value = "SRS-KRN-016", version = 1)
    void detachInTheLastTickOfTheRampCutsTheOutputInThatTick(Setup setup) {
        KernelHarness twin = setup.started();
        long rampTicks = twin.runUntil(KernelState.DELIVERING, 20_000);
        assertEquals(setup.prescription().targetMicroamps(), twin.kernel().setpointMicroamps());

        KernelHarness h = setup.started();
        h.runMillis(rampTicks - 1);
        assertEquals(KernelState.RAMP_UP, h.kernel().state());
        h.stage().detach();
        h.tick();
        assertCutByDetach(h, Reason.CONTACT_OUT_OF_WINDOW);
        assertTrue(h.events(KernelEventType.STATE_CHANGED).stream().noneMatch(e -> e.current() == KernelState.DELIVERING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    @Verifies(value = "SRS-KRN-016", version = 1)
    void detachInTheFirstAndLastTicksOfTheRampDownCutsTheOutput(Setup setup) {
        KernelHarness twin = setup.started();
        twin.runUntil(KernelState.DELIVERING, 20_000);
        twin.stop();
        twin.tick();
        long rampDownTicks = twin.runUntil(KernelState.COMPLETE, 20_000);

        KernelHarness first = setup.started();
        first.runUntil(KernelState.DELIVERING, 20_000);
        first.stop();
        first.tick();
        first.stage().detach();
        first.tick();
        assertCutByDetach(first, Reason.CONTACT_OUT_OF_WINDOW);

        KernelHarness last = setup.started();
        last.runUntil(KernelState.DELIVERING, 20_000);
        last.stop();
        last.tick();
        last.runMillis(rampDownTicks - 1);
        assertEquals(KernelState.RAMP_DOWN, last.kernel().state());
        assertTrue(last.kernel().setpointMicroamps() > 0);
        last.stage().detach();
        last.tick();
        assertCutByDetach(last, Reason.CONTACT_OUT_OF_WINDOW);
    }

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void detachWhilePausedEntersContactLostWhetherTheOutputIsStillRampingOrAtZero() {
        Setup setup = setups().findFirst().orElseThrow();
        KernelHarness ramping = setup.started();
        ramping.runUntil(KernelState.DELIVERING, 20_000);
        ramping.pause();
        ramping.runMillis(100);
        assertTrue(ramping.stage().outputEnabled());
        ramping.stage().detach();
        ramping.tick();
        assertCutByDetach(ramping, Reason.CONTACT_OUT_OF_WINDOW);

        KernelHarness atZero = setup.started();
        atZero.runUntil(KernelState.DELIVERING, 20_000);
        atZero.pause();
        atZero.runUntil(k -> !k.outputEnabled(), "output off", 10_002);
        atZero.stage().detach();
        atZero.tick();
        assertCutByDetach(atZero, Reason.CONTACT_OUT_OF_WINDOW);
    }

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void impedanceChangeExactlyAtTheJumpLimitIsContactAndOneOhmMoreIsADetach() {
        KernelHarness h = setups().findFirst().orElseThrow().started();
        h.runUntil(KernelState.DELIVERING, 20_000);
        h.stage().loadOhms(4_000);
        h.tick();
        assertEquals(KernelState.DELIVERING, h.kernel().state());
        assertEquals(4_000, h.kernel().setpointMicroamps());
        h.stage().loadOhms(6_001);
        h.tick();
        assertCutByDetach(h, Reason.CONTACT_JUMP);
    }

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void jumpUpOrDownDuringTheRampUpIsADetach() {
        KernelHarness h = setups().findFirst().orElseThrow().started();
        h.runMillis(5_000);
        h.stage().loadOhms(4_001);
        h.tick();
        assertCutByDetach(h, Reason.CONTACT_JUMP);

        KernelHarness down = setups().findFirst().orElseThrow().started();
        down.runMillis(1_000);
        down.stage().loadOhms(3_000);
        down.tick();
        down.stage().loadOhms(999);
        down.tick();
        assertCutByDetach(down, Reason.CONTACT_JUMP);
    }

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void impedanceAboveOrBelowTheWindowIsADetach() {
        KernelHarness open = setups().findFirst().orElseThrow().started();
        open.runMillis(5_000);
        open.stage().loadOhms(50_001);
        open.tick();
        assertCutByDetach(open, Reason.CONTACT_OUT_OF_WINDOW);

        KernelHarness shorted = setups().findFirst().orElseThrow().started();
        shorted.runMillis(5_000);
        shorted.stage().loadOhms(299);
        shorted.tick();
        assertCutByDetach(shorted, Reason.CONTACT_OUT_OF_WINDOW);
    }

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void detachWithTheOutputNotEnergizedChangesNoState() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.shortDexamethasone("T").build());
        h.tick();
        h.stage().detach();
        h.runMillis(100);
        assertEquals(KernelState.ARMED, h.kernel().state());

        KernelHarness complete = setups().findFirst().orElseThrow().started();
        complete.stop();
        complete.runUntil(KernelState.COMPLETE, 10_000);
        complete.stage().detach();
        complete.runMillis(100);
        assertEquals(KernelState.COMPLETE, complete.kernel().state());
    }
}
