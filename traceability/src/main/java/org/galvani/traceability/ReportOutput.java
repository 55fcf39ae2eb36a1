package org.galvani.traceability;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One report file written while it is rendered: the renderer appends to {@link #text()}, and between rows
 * {@link #flushIfFull()} sends the text to the file (UTF-8) once about a megabyte has gathered. So a report of
 * any size (a ReqIF export of a large matrix runs to a hundred megabytes) never needs a string of its own size
 * and its copies. Flushing only between rows never splits a surrogate pair.
 */
final class ReportOutput implements Closeable {

    private static final int FLUSH_AT = 1 << 20;

    private final Path file;
    private final OutputStream stream;
    private final StringBuilder text = new StringBuilder(FLUSH_AT + (FLUSH_AT >> 2));

    ReportOutput(Path file) throws IOException {
        this.file = file;
        this.stream = Files.newOutputStream(file);
    }

    /** Where the renderer appends. */
    StringBuilder text() {
        return text;
    }

    /** Writes what has gathered when it reaches the flush size; call it only between whole rows. */
    void flushIfFull() throws IOException {
        if (text.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws IOException {
        stream.write(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    /** The file written. */
    Path file() {
        return file;
    }

    /** Writes the rest and closes the file. */
    @Override
    public void close() throws IOException {
        try (OutputStream closing = stream) {
            flush();
        }
    }
}
