package org.galvani.app.report;

import org.galvani.trace.Implements;

/**
 * Escaping of untrusted text (treatment IDs, origins, event texts) for HTML element content and quoted
 * attribute values. Control characters other than tab and newline are dropped: they have no printable form.
 */
@Implements("SRS-APP-044")
final class Html {

    private Html() {
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n' -> out.append(' ');
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
