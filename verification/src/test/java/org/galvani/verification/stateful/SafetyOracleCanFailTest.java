package org.galvani.verification.stateful;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * Each invariant of {@link SafetyOracle} fails on a tick that breaks it: fabricated snapshots of a kernel
 * that (say) exceeds its ceiling or re-enables after a fault. A stateful property whose oracle could not
 * fail would prove nothing.
 */
class SafetyOracleCanFailTest {

    private static final DeviceProfile PROFILE = SimWorld.profile();
    private static final Prescription RX = Prescription.builder("T").drug(DrugTable.DEXAMETHASONE)
            .activeElectrode(Polarity.CATHODE).targetMicroamps(2_000).electrodeAreaMm2(300).rampMillis(1_000)
            .doseMicroampMillis(1_000_000).build();

    private final Map<String, Prescription> armed = new HashMap<>(Map.of("T", RX));
    private final SafetyOracle oracle = new SafetyOracle(PROFILE, armed);
    private long tick;

    private static KernelSnapshot snapshot(long time, KernelState state, int setpoint, boolean enabled, int ohms,
                                           int flags, long dose) {
        return new KernelSnapshot("ch", time / 1_000, time, state, setpoint, enabled, Polarity.CATHODE, setpoint, 0, ohms,
                true, flags, "T", 2_000, 1_000_000, dose, 0, Reason.NONE, Reason.NONE, false);
    }

    private static ChannelEvent change(long time, KernelState from, KernelState to, Reason reason, RequestKind request) {
        return new ChannelEvent("ch", new KernelEvent(KernelEventType.STATE_CHANGED, time, from, to, reason, 0, 0, "T"),
                "test", request);
    }

    private static ChannelEvent accepted(long time, KernelState at, RequestKind request) {
        return new ChannelEvent("ch", new KernelEvent(KernelEventType.REQUEST_ACCEPTED, time, at, at, Reason.NONE, 1, 0,
                "T"), "test", request);
    }

    /** IDLE -> ARMED -> RAMP_UP, then ramps 2 uA per ms (2 mA over 1 s) up to {@code setpoint}. */
    private void rampTo(int setpoint) {
        tick(snapshot(1_000, KernelState.ARMED, 0, false, 5_000, 0, 0),
                List.of(accepted(1_000, KernelState.IDLE, RequestKind.ARM),
                        change(1_000, KernelState.IDLE, KernelState.ARMED, Reason.OPERATOR_REQUEST, RequestKind.ARM)));
        tick(snapshot(2_000, KernelState.RAMP_UP, 0, true, 5_000, StatusFlags.OUTPUT_ENABLED, 0),
                List.of(change(2_000, KernelState.ARMED, KernelState.RAMP_UP, Reason.OPERATOR_REQUEST, RequestKind.START)));
        for (int sp = 2; sp <= setpoint; sp += 2) {
            tick(snapshot(2_000 + sp * 500L, KernelState.RAMP_UP, sp, true, 5_000, StatusFlags.OUTPUT_ENABLED, 0), List.of());
        }
        tick = 2_000 + setpoint * 500L;
    }

    private void tick(KernelSnapshot s, List<ChannelEvent> events) {
        oracle.afterTick(s, events, true);
    }

    private void assertViolation(String expected, Runnable badTick) {
        AssertionError e = assertThrows(AssertionError.class, badTick::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void anHonestRampPasses() {
        assertDoesNotThrow(() -> rampTo(100));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void theCeilingFails() {
        // 300 mm2 at 500 uA/cm2: 1,500 uA, below the 2,000 uA target.
        rampTo(1_500);
        assertViolation("above the ceiling 1500", () -> tick(snapshot(tick + 1_000, KernelState.RAMP_UP, 1_502, true,
                5_000, StatusFlags.OUTPUT_ENABLED, 0), List.of()));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void theSlewFails() {
        rampTo(100);
        assertViolation("setpoint moved 100 -> 110", () -> tick(snapshot(tick + 1_000, KernelState.RAMP_UP, 110, true,
                5_000, StatusFlags.OUTPUT_ENABLED, 0), List.of()));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void theCapFails() {
        rampTo(100);
        assertViolation("above the hard cap", () -> tick(snapshot(tick + 1_000, KernelState.RAMP_UP, 102, true, 5_000,
                StatusFlags.OUTPUT_ENABLED, PROFILE.hardCapMicroampMillis() + 1), List.of()));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void theDetachCutFails() {
        rampTo(100);
        assertViolation("not cut in the same tick", () -> tick(snapshot(tick + 1_000, KernelState.RAMP_UP, 102, true,
                -1, StatusFlags.OUTPUT_ENABLED, 0), List.of()));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void theFaultCutFails() {
        rampTo(100);
        assertViolation("fault bits", () -> tick(snapshot(tick + 1_000, KernelState.RAMP_UP, 102, true, 5_000,
                StatusFlags.OUTPUT_ENABLED | StatusFlags.HARDWARE_FAULT, 0), List.of()));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void theLatchFails() {
        rampTo(100);
        tick(snapshot(tick + 1_000, KernelState.CONTACT_LOST, 0, false, -1, 0, 0),
                List.of(change(tick + 1_000, KernelState.RAMP_UP, KernelState.CONTACT_LOST, Reason.CONTACT_OUT_OF_WINDOW,
                        null)));
        // Back to RAMP_UP without an accepted RESUME (the table allows the transition; the latch does not).
        assertViolation("re-enabled after CONTACT_LOST or FAULT", () -> tick(snapshot(tick + 2_000, KernelState.RAMP_UP,
                2, true, 5_000, StatusFlags.OUTPUT_ENABLED, 0), List.of(change(tick + 2_000, KernelState.CONTACT_LOST,
                KernelState.RAMP_UP, Reason.OPERATOR_REQUEST, null))));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void theTransitionTableFails() {
        rampTo(100);
        assertViolation("transition not in the table", () -> tick(snapshot(tick + 1_000, KernelState.ARMED, 0, false,
                5_000, 0, 0), List.of(change(tick + 1_000, KernelState.RAMP_UP, KernelState.ARMED, Reason.NONE, null))));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void theDoseAtCompletionFails() {
        rampTo(2);
        long at = tick + 1_000;
        ChannelEvent down = change(at, KernelState.RAMP_UP, KernelState.RAMP_DOWN, Reason.DOSE_REACHED, null);
        KernelEvent completed = new KernelEvent(KernelEventType.STATE_CHANGED, at, KernelState.RAMP_DOWN,
                KernelState.COMPLETE, Reason.OUTPUT_AT_ZERO, 0, RX.doseMicroampMillis() + 1, "T");
        assertViolation("completed at", () -> tick(snapshot(at, KernelState.COMPLETE, 0, false, 5_000, 0,
                RX.doseMicroampMillis() + 1), List.of(down, new ChannelEvent("ch", completed, "kernel", null))));
    }

    @Test
    @Verifies(value = "SRS-VER-004", version = 1)
    void aCompletedTreatmentArmedAgainFails() {
        rampTo(2);
        long at = tick + 1_000;
        tick(snapshot(at, KernelState.RAMP_DOWN, 0, true, 5_000, StatusFlags.OUTPUT_ENABLED, 0),
                List.of(change(at, KernelState.RAMP_UP, KernelState.RAMP_DOWN, Reason.DOSE_REACHED, null)));
        tick(snapshot(at + 1_000, KernelState.COMPLETE, 0, false, 5_000, 0, 0),
                List.of(change(at + 1_000, KernelState.RAMP_DOWN, KernelState.COMPLETE, Reason.OUTPUT_AT_ZERO, null)));
        assertViolation("a completed treatment armed again", () -> tick(snapshot(at + 2_000, KernelState.ARMED, 0, false,
                5_000, 0, 0), List.of(accepted(at + 2_000, KernelState.COMPLETE, RequestKind.ARM),
                change(at + 2_000, KernelState.COMPLETE, KernelState.ARMED, Reason.OPERATOR_REQUEST, RequestKind.ARM))));
    }
}
