package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class ContactMonitorTest {

    /** The drug-delivery defaults: 300 Ω to 50 kΩ, jumps above 2 kΩ, confirmed after 500 ms. */
    private final ContactMonitor monitor = new ContactMonitor(300, 50_000, 2_000, 500_000);

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void windowIsInclusiveAndUnknownIsOutside() {
        assertTrue(monitor.inWindow(300));
        assertTrue(monitor.inWindow(50_000));
        assertFalse(monitor.inWindow(299));
        assertFalse(monitor.inWindow(50_001));
        assertFalse(monitor.inWindow(ContactMonitor.UNKNOWN));
        assertEquals(ContactVerdict.OUT_OF_WINDOW, monitor.update(0, ContactMonitor.UNKNOWN));
        assertEquals(ContactVerdict.OUT_OF_WINDOW, monitor.update(1_000, 299));
        assertEquals(ContactVerdict.OUT_OF_WINDOW, monitor.update(2_000, 50_001));
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(3_000, 300));
        assertEquals(ContactVerdict.OUT_OF_WINDOW, monitor.update(4_000, Integer.MIN_VALUE));
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(5_000, 50_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void changeExactlyAtTheJumpLimitIsContactAndOneOhmMoreIsADetach() {
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(1_000, 2_000));
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(2_000, 4_000));
        assertEquals(ContactVerdict.JUMP, monitor.update(3_000, 6_001));
        // Downwards too, measured from the reading that jumped.
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(4_000, 4_001));
        assertEquals(ContactVerdict.JUMP, monitor.update(5_000, 2_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void firstReadingAndFirstReadingAfterADetachAreNeverJumps() {
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(1_000, 50_000));
        assertEquals(ContactVerdict.OUT_OF_WINDOW, monitor.update(2_000, ContactMonitor.UNKNOWN));
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(3_000, 300));
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void contactIsConfirmedExactlyAfterTheConfirmationTimeInTheWindow() {
        monitor.update(1_000, 2_000);
        assertFalse(monitor.confirmed(1_000));
        monitor.update(500_999, 2_000);
        assertFalse(monitor.confirmed(500_999));
        assertTrue(monitor.confirmed(501_000));
    }

    @Test
    @Verifies(value = {"SRS-KRN-008", "SRS-KRN-017"}, version = 1)
    void aJumpOrADetachRestartsTheConfirmation() {
        monitor.update(0, 2_000);
        monitor.update(600_000, 2_000);
        assertTrue(monitor.confirmed(600_000));

        assertEquals(ContactVerdict.JUMP, monitor.update(601_000, 4_500));
        assertFalse(monitor.confirmed(601_000));
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(602_000, 4_500));
        assertFalse(monitor.confirmed(1_101_999));
        assertTrue(monitor.confirmed(1_102_000));

        assertEquals(ContactVerdict.OUT_OF_WINDOW, monitor.update(1_103_000, ContactMonitor.UNKNOWN));
        assertFalse(monitor.confirmed(5_000_000));
        monitor.update(1_104_000, 4_500);
        assertTrue(monitor.confirmed(1_604_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-017", version = 1)
    void resetForgetsTheHistory() {
        monitor.update(0, 2_000);
        monitor.update(600_000, 2_000);
        monitor.reset();
        assertFalse(monitor.confirmed(600_000));
        // No previous reading: a large change is not a jump.
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(601_000, 40_000));
        assertTrue(monitor.confirmed(1_101_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void zeroConfirmationTimeConfirmsWithTheFirstReading() {
        ContactMonitor immediate = new ContactMonitor(300, 50_000, 2_000, 0);
        assertFalse(immediate.confirmed(0));
        immediate.update(7_000, 2_000);
        assertTrue(immediate.confirmed(7_000));
    }

    @Test
    @Verifies(value = "SRS-KRN-008", version = 1)
    void aTimeLongBeforeTheStartIsNeverConfirmed() {
        // nowMicros - inWindowSinceMicros used to overflow to a large positive age for a time near
        // Long.MIN_VALUE, so contact counted as confirmed (found while proving the contract with KeY).
        ContactMonitor monitor = new ContactMonitor(100, 10_000, 500, 1_000L);
        monitor.update(5_000L, 1_000);
        assertFalse(monitor.confirmed(Long.MIN_VALUE));
        assertFalse(monitor.confirmed(Long.MIN_VALUE + 4_000L));
        assertFalse(monitor.confirmed(-1L));
    }
}
