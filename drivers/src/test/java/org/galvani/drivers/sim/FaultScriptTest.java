package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class FaultScriptTest {

    @Test
    @Verifies("SRS-DRV-008")
    void aFaultIsActiveFromItsStartUntilJustBeforeItsEnd() {
        FaultScript script = FaultScript.builder().add(FaultKind.DETACH, 1_000, 5_000).build();
        assertFalse(script.isActive(FaultKind.DETACH, 999));
        assertTrue(script.isActive(FaultKind.DETACH, 1_000));
        assertTrue(script.isActive(FaultKind.DETACH, 4_999));
        assertFalse(script.isActive(FaultKind.DETACH, 5_000));
        assertFalse(script.isActive(FaultKind.RUNAWAY, 2_000));
    }

    @Test
    @Verifies("SRS-DRV-008")
    void faultsOfDifferentKindsCombineAndOneKindMayRecur() {
        FaultScript script = FaultScript.builder()
                .add(FaultKind.RUNAWAY, 10, Fault.OPEN_END, 6_000)
                .add(FaultKind.SENSOR_STUCK, 0, 100, 0)
                .add(FaultKind.HARDWARE_FAULT, 50, 60)
                .add(FaultKind.HARDWARE_FAULT, 60, 70)
                .build();
        assertEquals(6_000, script.active(FaultKind.RUNAWAY, 55).parameter());
        assertTrue(script.isActive(FaultKind.SENSOR_STUCK, 55));
        assertTrue(script.isActive(FaultKind.HARDWARE_FAULT, 65));
        assertNull(script.active(FaultKind.HARDWARE_FAULT, 70));
        assertEquals(4, script.faults().size());
        assertTrue(script.contains(FaultKind.RUNAWAY));
        assertFalse(script.contains(FaultKind.DEAD_STAGE));
    }

    @Test
    @Verifies("SRS-DRV-008")
    void errorsNameTheTimesAndValuesThatAreWrong() {
        assertEquals("fault script: detach: the start must not be negative, was -1 us", error(FaultKind.DETACH, -1, 10, 0));
        assertEquals("fault script: runaway from 5000 us: the end (5000 us) must come after the start",
                error(FaultKind.RUNAWAY, 5_000, 5_000, 100));
        assertEquals("fault script: partial-detach from 0 us: area-percent must be from 1 to 99 %, was 150",
                error(FaultKind.PARTIAL_DETACH, 0, 10, 150));
        assertEquals("fault script: sensor-drift from 0 us: microamps-per-second must be non-zero and from -100000 to"
                + " 100000 uA/s, was 0", error(FaultKind.SENSOR_DRIFT, 0, 10, 0));
        assertEquals("fault script: detach takes no parameter, was given 3", error(FaultKind.DETACH, 0, 10, 3));
    }

    @Test
    @Verifies("SRS-DRV-008")
    void overlappingFaultsOfOneKindOrDeadAndRunawayAreRefused() {
        FaultScript.Builder builder = FaultScript.builder().add(FaultKind.SENSOR_STUCK, 0, 100, 5);
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> builder.add(FaultKind.SENSOR_STUCK, 50, Fault.OPEN_END, 7));
        assertEquals("fault script: sensor-stuck (microamps 7 uA) from 50 us on overlaps sensor-stuck (microamps 5 uA)"
                + " from 0 us until 100 us; faults of one kind must not overlap", same.getMessage());
        FaultScript.Builder stage = FaultScript.builder().add(FaultKind.DEAD_STAGE, 0, 100);
        IllegalArgumentException contradiction = assertThrows(IllegalArgumentException.class,
                () -> stage.add(FaultKind.RUNAWAY, 99, 200, 1_000));
        assertTrue(contradiction.getMessage().endsWith("a stage cannot be dead and running away at once"),
                contradiction.getMessage());
        assertEquals(1, stage.build().faults().size(), "the refused fault was not added");
    }

    @Test
    @Verifies("SRS-DRV-008")
    void kindsAreNamedInLowerCaseWithDashes() {
        assertEquals("late-measurement", FaultKind.LATE_MEASUREMENT.id());
        assertEquals(FaultKind.LATE_MEASUREMENT, FaultKind.byId("late-measurement"));
        assertNull(FaultKind.byId("LATE_MEASUREMENT"));
        assertTrue(FaultScript.none().faults().isEmpty());
    }

    private static String error(FaultKind kind, long start, long end, long parameter) {
        return assertThrows(IllegalArgumentException.class,
                () -> FaultScript.builder().add(kind, start, end, parameter)).getMessage();
    }
}
