package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.galvani.kernel.RequestKind;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class RoleTest {

    private static final EnumSet<RequestKind> TREATMENT = EnumSet.of(RequestKind.ARM, RequestKind.START,
            RequestKind.PAUSE, RequestKind.RESUME, RequestKind.STOP);

    @Test
    @Verifies("SRS-OPC-010")
    void eachRoleMayMakeExactlyItsRequests() {
        for (RequestKind kind : RequestKind.values()) {
            assertFalse(Role.OBSERVER.mayRequest(kind), "observer " + kind);
            assertEquals(TREATMENT.contains(kind), Role.CLINICIAN.mayRequest(kind), "clinician " + kind);
            assertEquals(TREATMENT.contains(kind) || kind == RequestKind.ACKNOWLEDGE, Role.SERVICE.mayRequest(kind),
                    "service " + kind);
        }
        assertFalse(Role.SERVICE.mayRequest(RequestKind.SYSTEM_STOP));
    }

    @Test
    @Verifies("SRS-OPC-010")
    void rolesAreNamedAsInTheConfiguration() {
        assertEquals(Role.CLINICIAN, Role.named(" Clinician "));
        assertEquals("service", Role.SERVICE.configName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Role.named("admin"));
        assertTrue(e.getMessage().contains("'admin'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Role.named(null));
    }
}
