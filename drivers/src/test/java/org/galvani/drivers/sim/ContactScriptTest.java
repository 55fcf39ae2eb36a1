package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class ContactScriptTest {

    @Test
    @Verifies("SRS-DRV-003")
    void detachesAndReattachesAtTheScriptedTimes() {
        ContactScript script = ContactScript.builder().detachAt(1_000).attachAt(5_000).build();
        assertTrue(script.attachedAt(0));
        assertTrue(script.attachedAt(999));
        assertFalse(script.attachedAt(1_000));
        assertFalse(script.attachedAt(4_999));
        assertTrue(script.attachedAt(5_000));
        assertTrue(script.attachedAt(Long.MAX_VALUE));
    }

    @Test
    @Verifies("SRS-DRV-003")
    void alwaysAttachedHasNoChanges() {
        assertTrue(ContactScript.alwaysAttached().attachedAt(123_456_789L));
        assertTrue(ContactScript.alwaysAttached().changes().isEmpty());
    }

    @Test
    @Verifies("SRS-DRV-003")
    void rejectsChangesOutOfOrderNamingTheTimes() {
        ContactScript.Builder builder = ContactScript.builder().detachAt(5_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.attachAt(4_000));
        assertTrue(e.getMessage().contains("4000 us comes after 5000 us"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContactScript.builder().detachAt(-1));
    }
}
