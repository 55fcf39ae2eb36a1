package org.galvani.drivers.wire;

/** What {@link FrameDecoder#poll()} found in the bytes it was given. */
public enum DecodeEvent {
    /** The buffered bytes are a frame's beginning (or nothing): offer more. */
    NEED_MORE,
    /** A complete frame with a good CRC, known type and matching length; read it before the next call. */
    FRAME,
    /** Bytes before a start marker were skipped. */
    GARBAGE,
    /** A complete frame whose CRC did not match; dropped, the decoder resynchronised. */
    CRC_ERROR,
    /** A length byte above the maximum or not the length of the frame's type; dropped, resynchronised. */
    BAD_LENGTH,
    /** A type byte the protocol does not define; dropped, resynchronised. */
    UNKNOWN_TYPE,
    /** A frame's beginning abandoned because the rest did not come in time (see {@link FrameDecoder#abandon()}). */
    TRUNCATED;

    /** Whether this event is a sign of corrupt data on the link. */
    public boolean isError() {
        return this != NEED_MORE && this != FRAME;
    }
}
