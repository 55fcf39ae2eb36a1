package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Regression tests for the contact confirmation, found while proving the JML contracts with KeY. */
class ContactMonitorTest {

    @Test
    void confirmedAfterTheConfirmationTimeOnly() {
        ContactMonitor monitor = new ContactMonitor(100, 10_000, 500, 1_000L);
        assertEquals(ContactVerdict.IN_WINDOW, monitor.update(5_000L, 1_000));
        assertFalse(monitor.confirmed(5_999L));
        assertTrue(monitor.confirmed(6_000L));
    }

    @Test
    void aTimeLongBeforeTheStartIsNeverConfirmed() {
        // nowMicros - inWindowSinceMicros used to overflow to a large positive age for a time near
        // Long.MIN_VALUE, so contact counted as confirmed.
        ContactMonitor monitor = new ContactMonitor(100, 10_000, 500, 1_000L);
        monitor.update(5_000L, 1_000);
        assertFalse(monitor.confirmed(Long.MIN_VALUE));
        assertFalse(monitor.confirmed(Long.MIN_VALUE + 4_000L));
        assertFalse(monitor.confirmed(-1L));
    }
}
