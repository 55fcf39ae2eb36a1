package org.galvani.verification.proofs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.galvani.trace.Implements;

/**
 * Writes proof results as evidence: a JSON list with one object per contract, each with exactly the keys
 * {@code contract} (KeY's contract name), {@code class} (fully qualified), {@code closed} (true/false),
 * {@code nodes} (proof size) and {@code millis} (auto mode's time), in the order given. One object per
 * line, so that a diff between two builds shows which proofs changed.
 *
 * <p>Written by hand rather than with a JSON library: five flat keys do not justify a dependency.
 */
@Implements("SRS-VER-001")
public final class ProofReport {

    private ProofReport() {
    }

    /** Writes {@code results} to {@code file}, creating its folder. */
    public static void write(Path file, List<ProofResult> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toJson(results), StandardCharsets.UTF_8);
    }

    /** The JSON text of {@code results}, ending with a newline. */
    public static String toJson(List<ProofResult> results) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < results.size(); i++) {
            ProofResult result = results.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("  {\"contract\": ").append(quote(result.contract()))
                    .append(", \"class\": ").append(quote(result.className()))
                    .append(", \"closed\": ").append(result.closed())
                    .append(", \"nodes\": ").append(result.nodes())
                    .append(", \"millis\": ").append(result.millis())
                    .append('}');
        }
        return json.append(results.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /** {@code text} as a JSON string: quotes, backslashes and control characters escaped (RFC 8259). */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
