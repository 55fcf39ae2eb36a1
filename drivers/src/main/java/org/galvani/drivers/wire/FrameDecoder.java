package org.galvani.drivers.wire;

import static org.galvani.drivers.wire.WireProtocol.CRC_BYTES;
import static org.galvani.drivers.wire.WireProtocol.HEADER_BYTES;
import static org.galvani.drivers.wire.WireProtocol.MAX_FRAME;
import static org.galvani.drivers.wire.WireProtocol.MAX_PAYLOAD;
import static org.galvani.drivers.wire.WireProtocol.START;

import org.galvani.trace.Implements;

/**
 * An incremental frame decoder over one fixed buffer of {@link WireProtocol#MAX_FRAME} bytes: it never
 * allocates after construction, whatever it is fed.
 *
 * <p>Use: {@link #offer} bytes, then call {@link #poll()} until it returns {@link DecodeEvent#NEED_MORE};
 * after {@link DecodeEvent#FRAME} read the frame through the accessors before the next call. On any error
 * the decoder drops the offending start byte and resynchronises on the next start marker already in its
 * buffer, so a good frame that a false start marker had swallowed is still found. Not thread-safe: one
 * reading thread.
 */
@Implements("SRS-DRV-021")
public final class FrameDecoder {

    private final byte[] buffer = new byte[MAX_FRAME];
    private int count;
    /** The length of the frame at the buffer's start after FRAME; removed by the next call. */
    private int frameLength;
    /** Stream offset of the buffer's first byte. */
    private long position;

    private long frames;
    private long crcErrors;
    private long lengthErrors;
    private long typeErrors;
    private long truncations;
    private long discardedBytes;

    /**
     * Copies as many of {@code src[offset, offset + length)} as fit and returns how many it took. After
     * {@link #poll()} returned NEED_MORE there is always room for at least one byte.
     */
    public int offer(byte[] src, int offset, int length) {
        releaseFrame();
        int n = Math.min(length, buffer.length - count);
        System.arraycopy(src, offset, buffer, count, n);
        count += n;
        return n;
    }

    /** Examines the buffered bytes; see {@link DecodeEvent}. */
    public DecodeEvent poll() {
        releaseFrame();
        int skip = 0;
        while (skip < count && (buffer[skip] & 0xFF) != START) {
            skip++;
        }
        if (skip > 0) {
            discard(skip);
            return DecodeEvent.GARBAGE;
        }
        if (count < 2) {
            return DecodeEvent.NEED_MORE;
        }
        int length = buffer[1] & 0xFF;
        if (length > MAX_PAYLOAD) {
            lengthErrors++;
            resynchronise();
            return DecodeEvent.BAD_LENGTH;
        }
        if (count < HEADER_BYTES) {
            return DecodeEvent.NEED_MORE;
        }
        int expected = WireProtocol.payloadLength(buffer[3] & 0xFF);
        if (expected < 0) {
            typeErrors++;
            resynchronise();
            return DecodeEvent.UNKNOWN_TYPE;
        }
        if (expected != length) {
            lengthErrors++;
            resynchronise();
            return DecodeEvent.BAD_LENGTH;
        }
        int total = HEADER_BYTES + length + CRC_BYTES;
        if (count < total) {
            return DecodeEvent.NEED_MORE;
        }
        int received = (buffer[total - 2] & 0xFF) | (buffer[total - 1] & 0xFF) << 8;
        if (Crc16.of(buffer, 1, HEADER_BYTES - 1 + length) != received) {
            crcErrors++;
            resynchronise();
            return DecodeEvent.CRC_ERROR;
        }
        frameLength = total;
        frames++;
        return DecodeEvent.FRAME;
    }

    /**
     * Drops a partial frame whose rest did not arrive in time (the caller's inter-frame timeout): returns
     * {@link DecodeEvent#TRUNCATED} if there was one, NEED_MORE if the buffer was empty. Call it only
     * after {@link #poll()} returned NEED_MORE.
     */
    public DecodeEvent abandon() {
        releaseFrame();
        if (count == 0) {
            return DecodeEvent.NEED_MORE;
        }
        truncations++;
        discard(count);
        return DecodeEvent.TRUNCATED;
    }

    /** Forgets everything buffered (a new connection); counters are kept. */
    public void reset() {
        frameLength = 0;
        position += count;
        count = 0;
    }

    /** The size of the decoder's buffer: constant, {@link WireProtocol#MAX_FRAME}. */
    public int capacity() {
        return buffer.length;
    }

    /** Bytes buffered and not yet decoded (including a frame just returned). */
    public int buffered() {
        return count;
    }

    // --- The frame just returned by poll() ---

    public int type() {
        return buffer[3] & 0xFF;
    }

    public int sequence() {
        return buffer[2] & 0xFF;
    }

    public int payloadLength() {
        return buffer[1] & 0xFF;
    }

    /** The whole length of the frame just returned (header, payload and CRC), 0 if none. */
    public int frameLength() {
        return frameLength;
    }

    /** The offset in the byte stream at which the frame just returned started. */
    public long frameStreamOffset() {
        return position;
    }

    public int u8(int payloadOffset) {
        return buffer[payloadIndex(payloadOffset, 1)] & 0xFF;
    }

    public int u16(int payloadOffset) {
        int i = payloadIndex(payloadOffset, 2);
        return (buffer[i] & 0xFF) | (buffer[i + 1] & 0xFF) << 8;
    }

    public int i32(int payloadOffset) {
        int i = payloadIndex(payloadOffset, 4);
        return (buffer[i] & 0xFF) | (buffer[i + 1] & 0xFF) << 8 | (buffer[i + 2] & 0xFF) << 16
                | (buffer[i + 3] & 0xFF) << 24;
    }

    public long i64(int payloadOffset) {
        return (i32(payloadOffset) & 0xFFFF_FFFFL) | (long) i32(payloadOffset + 4) << 32;
    }

    // --- Counters since construction ---

    public long frames() {
        return frames;
    }

    public long crcErrors() {
        return crcErrors;
    }

    public long lengthErrors() {
        return lengthErrors;
    }

    public long typeErrors() {
        return typeErrors;
    }

    public long truncations() {
        return truncations;
    }

    public long discardedBytes() {
        return discardedBytes;
    }

    private int payloadIndex(int payloadOffset, int size) {
        if (frameLength == 0 || payloadOffset < 0 || payloadOffset + size > payloadLength()) {
            throw new IllegalStateException("frame decoder: no " + size + "-byte field at payload offset "
                    + payloadOffset + " (frame returned: " + (frameLength != 0) + ", payload " + payloadLength()
                    + " bytes)");
        }
        return HEADER_BYTES + payloadOffset;
    }

    private void releaseFrame() {
        if (frameLength > 0) {
            remove(frameLength);
            frameLength = 0;
        }
    }

    /** After an error: drop the bad start byte and everything up to the next start marker. */
    private void resynchronise() {
        int next = 1;
        while (next < count && (buffer[next] & 0xFF) != START) {
            next++;
        }
        discard(next);
    }

    private void discard(int n) {
        discardedBytes += n;
        remove(n);
    }

    private void remove(int n) {
        System.arraycopy(buffer, n, buffer, 0, count - n);
        count -= n;
        position += n;
    }
}
