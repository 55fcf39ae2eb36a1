package org.galvani.opcua;

import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/** An argument as the audit trail shows it: its value as text, cut short when a client sends a huge one. */
final class AuditText {

    static final int MAX_LENGTH = 200;

    private AuditText() {
    }

    static String of(Variant input) {
        Object value = input == null ? null : input.getValue();
        String text = value == null ? "null" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        if (text.length() > MAX_LENGTH) {
            return text.substring(0, MAX_LENGTH) + "...(" + text.length() + " characters)";
        }
        return text;
    }
}
