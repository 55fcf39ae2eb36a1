package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class AuditTextTest {

    @Test
    @Verifies("SRS-OPC-022")
    void clientTextCannotForgeLogLinesOrBreakReports() {
        assertEquals("\"a\\u000Ab\\u000D\\u0000\\uFFFF\\uD800 é 😀\"",
                AuditText.of(new Variant("a\nb\r\u0000\uFFFF\uD800 é 😀")));
        assertEquals("2.5", AuditText.of(new Variant(2.5)));
        assertEquals("null", AuditText.of(null));
        assertEquals("null", AuditText.of(Variant.NULL_VALUE));
        String cut = AuditText.printable("x".repeat(70_000));
        assertTrue(cut.startsWith("x".repeat(AuditText.MAX_LENGTH) + "...(70000 characters)"), cut);
        assertEquals(AuditText.MAX_LENGTH + "...(70000 characters)".length(), cut.length());
    }
}
