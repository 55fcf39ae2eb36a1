package org.galvani.drivers.wire;

import java.io.IOException;

/**
 * A bidirectional byte link to one peer: the serial line of a real board, or {@link TcpByteLink} on
 * 127.0.0.1 standing in for it. Writes may come from several threads if the caller serialises them;
 * reads come from one thread; {@link #close()} from any thread.
 */
public interface ByteLink extends AutoCloseable {

    /**
     * Writes all of {@code bytes[offset, offset + length)}, or throws: {@link java.io.IOException} when
     * the link is closed or broken, or when the bytes could not be written within the link's write
     * timeout. Never writes part of a frame and then returns normally.
     */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /**
     * Reads at most {@code length} bytes into {@code into[offset, ...)}, waiting at most
     * {@code timeoutMicros} for the first. Returns how many were read, 0 when none came in time; throws
     * {@link java.io.EOFException} when the peer closed the link, another {@link IOException} when it broke.
     */
    int read(byte[] into, int offset, int length, long timeoutMicros) throws IOException;

    /** Whether the link is usable: not closed by either side as far as this side knows. */
    boolean isOpen();

    /** The peer, for messages (for example "tcp 127.0.0.1:7450"). */
    String describe();

    /** Closes the link; idempotent, never throws, callable from any thread. */
    @Override
    void close();
}
