package org.galvani.traceability;

import java.util.Locale;

/** Escaping for the reports: HTML/XML text and attributes, JSON strings, CSV fields. */
final class Escape {

    private Escape() {
    }

    static String xml(String text) {
        if (plainXml(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        xml(out, text);
        return out.toString();
    }

    /** Appends {@code text} escaped as {@link #xml(String)} does, without a string of its own. */
    static StringBuilder xml(StringBuilder out, String text) {
        if (plainXml(text)) {
            return out.append(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("&#10;");
                case '\r', '\t' -> out.append(' ');
                default -> {
                    if (c >= 0x20) {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    // Most values (IDs, names, paths) need no escaping: one scan, and the text is appended as it is.
    private static boolean plainXml(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    static String json(String text) {
        return text == null ? "null" : json(new StringBuilder(text.length() + 16), text).toString();
    }

    /** Appends {@code text} as a JSON string ({@code null} for null), as {@link #json(String)} writes it. */
    static StringBuilder json(StringBuilder out, String text) {
        if (text == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    static String csv(String text) {
        String value = text == null ? "" : text;
        // A field starting with =, +, - or @ is quoted with a leading apostrophe: spreadsheets would run it.
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
