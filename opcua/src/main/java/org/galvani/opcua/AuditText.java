package org.galvani.opcua;

import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Client-supplied text as logs and the audit trail show it: control characters, non-characters and
 * unpaired surrogates escaped as {@code \\uXXXX} (they would forge log lines or break XML reports), and
 * cut short when a client sends a huge value.
 */
final class AuditText {

    static final int MAX_LENGTH = 200;

    private AuditText() {
    }

    /** An argument's value as text, quoted when it is a String. */
    static String of(Variant input) {
        Object value = input == null ? null : input.getValue();
        String text = value == null ? "null" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return printable(text);
    }

    /** {@code text} made safe to log, at most {@link #MAX_LENGTH} characters of it. */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        String head = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
        StringBuilder safe = new StringBuilder(head.length() + 16);
        head.codePoints().forEach(cp -> {
            boolean unsafe = Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                    || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
            if (unsafe) {
                safe.append(String.format("\\u%04X", cp));
            } else {
                safe.appendCodePoint(cp);
            }
        });
        if (text.length() > MAX_LENGTH) {
            safe.append("...(").append(text.length()).append(" characters)");
        }
        return safe.toString();
    }
}
