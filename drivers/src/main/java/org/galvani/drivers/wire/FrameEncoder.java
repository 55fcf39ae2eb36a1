package org.galvani.drivers.wire;

import static org.galvani.drivers.wire.WireProtocol.HEADER_BYTES;
import static org.galvani.drivers.wire.WireProtocol.MAX_FRAME;

import org.galvani.kernel.Polarity;
import org.galvani.trace.Implements;

/**
 * Encodes frames into one reusable buffer and numbers them: no allocation after construction. Each call
 * returns the frame's length; the frame is in {@link #buffer()} from index 0 until the next call. Not
 * thread-safe: the caller serialises encoding with writing the frame.
 */
@Implements({"SRS-DRV-020", "SRS-DRV-022"})
public final class FrameEncoder {

    private final byte[] buffer = new byte[MAX_FRAME];
    private int nextSequence;
    private int length;

    /** The buffer holding the last frame, from index 0. */
    public byte[] buffer() {
        return buffer;
    }

    /** The sequence number the next frame will carry. */
    public int nextSequence() {
        return nextSequence;
    }

    /** Starts numbering again at 0 (a new connection). */
    public void resetSequence() {
        nextSequence = 0;
    }

    /** Advances the counter without sending a frame (fault injection: the peer sees a gap). */
    public void skipSequence() {
        nextSequence = (nextSequence + 1) & 0xFF;
    }

    public int setpoint(long hostMicros, int setpointMicroamps, boolean enabled, Polarity polarity) {
        int flags = (enabled ? WireProtocol.SETPOINT_ENABLE : 0)
                | (polarity == null ? WireProtocol.SETPOINT_NO_POLARITY
                        : polarity == Polarity.CATHODE ? WireProtocol.SETPOINT_CATHODE : 0);
        begin(WireProtocol.SETPOINT);
        putLong(hostMicros);
        putInt(setpointMicroamps);
        putByte(flags);
        return finish();
    }

    public int measure(long hostMicros) {
        begin(WireProtocol.MEASURE);
        putLong(hostMicros);
        return finish();
    }

    /** A request without payload: STATUS_REQUEST, SELF_TEST, HEARTBEAT or CLEAR_FAULT. */
    public int request(int type) {
        if (WireProtocol.payloadLength(type) != 0 || (type & 0x80) != 0) {
            throw new IllegalArgumentException("frame encoder: " + WireProtocol.typeName(type)
                    + " is not a request without payload");
        }
        begin(type);
        return finish();
    }

    public int measurement(long hostMicros, int microamps, int millivolts, int ohms, int status) {
        begin(WireProtocol.MEASUREMENT);
        putLong(hostMicros);
        putInt(microamps);
        putInt(millivolts);
        putInt(ohms);
        putShort(status);
        return finish();
    }

    public int status(int answers, int status, int watchdogTrips) {
        begin(WireProtocol.STATUS);
        putByte(answers);
        putShort(status);
        putShort(Math.min(watchdogTrips, 0xFFFF));
        return finish();
    }

    public int selfTestResult(int answers, int code) {
        begin(WireProtocol.SELF_TEST_RESULT);
        putByte(answers);
        putByte(code);
        return finish();
    }

    public int heartbeatAck(int answers) {
        begin(WireProtocol.HEARTBEAT_ACK);
        putByte(answers);
        return finish();
    }

    public int clearFaultAck(int answers, int status) {
        begin(WireProtocol.CLEAR_FAULT_ACK);
        putByte(answers);
        putShort(status);
        return finish();
    }

    private void begin(int type) {
        buffer[0] = (byte) WireProtocol.START;
        buffer[2] = (byte) nextSequence;
        buffer[3] = (byte) type;
        nextSequence = (nextSequence + 1) & 0xFF;
        length = HEADER_BYTES;
    }

    private int finish() {
        int payload = length - HEADER_BYTES;
        buffer[1] = (byte) payload;
        int crc = Crc16.of(buffer, 1, HEADER_BYTES - 1 + payload);
        buffer[length++] = (byte) crc;
        buffer[length++] = (byte) (crc >>> 8);
        return length;
    }

    private void putByte(int value) {
        buffer[length++] = (byte) value;
    }

    private void putShort(int value) {
        putByte(value);
        putByte(value >>> 8);
    }

    private void putInt(int value) {
        putShort(value);
        putShort(value >>> 16);
    }

    private void putLong(long value) {
        putInt((int) value);
        putInt((int) (value >>> 32));
    }
}
