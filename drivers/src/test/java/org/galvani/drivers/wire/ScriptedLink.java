package org.galvani.drivers.wire;

import java.io.EOFException;

/** A {@link ByteLink} that plays back fixed bytes from the "device" and swallows what the host writes. */
final class ScriptedLink implements ByteLink {

    private final byte[] incoming;
    private final int chunk;
    private int position;
    private boolean open = true;
    private long written;

    /** Plays {@code incoming} back in reads of at most {@code chunk} bytes, then times out. */
    ScriptedLink(byte[] incoming, int chunk) {
        this.incoming = incoming;
        this.chunk = Math.max(1, chunk);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        written += length;
    }

    @Override
    public int read(byte[] into, int offset, int length, long timeoutMicros) throws EOFException {
        if (!open) {
            throw new EOFException("scripted link closed");
        }
        int n = Math.min(Math.min(length, chunk), incoming.length - position);
        System.arraycopy(incoming, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String describe() {
        return "scripted link";
    }

    @Override
    public void close() {
        open = false;
    }

    long written() {
        return written;
    }
}
