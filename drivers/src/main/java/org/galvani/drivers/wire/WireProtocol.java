package org.galvani.drivers.wire;

import org.galvani.trace.Implements;

/**
 * The wire protocol's constants: frame layout, message types, payload layouts and device status bits.
 * {@code drivers/WIRE-PROTOCOL.md} is the normative description; this class must agree with it.
 *
 * <pre>
 * offset  size  field
 * 0       1     START  0xA5
 * 1       1     LEN    payload length, 0 .. MAX_PAYLOAD
 * 2       1     SEQ    the sender's frame counter, +1 per frame, wraps 255 -&gt; 0
 * 3       1     TYPE   message type
 * 4       LEN   payload, multi-byte fields little-endian, signed two's complement unless noted
 * 4+LEN   2     CRC-16/CCITT-FALSE over bytes 1 .. 3+LEN (LEN, SEQ, TYPE, payload), little-endian
 * </pre>
 */
@Implements({"SRS-DRV-020", "SRS-DRV-022"})
public final class WireProtocol {

    /** The first byte of every frame. */
    public static final int START = 0xA5;
    /** START, LEN, SEQ, TYPE. */
    public static final int HEADER_BYTES = 4;
    /** The CRC after the payload. */
    public static final int CRC_BYTES = 2;
    /** The largest payload any message may carry: a board's receive buffer is sized by it. */
    public static final int MAX_PAYLOAD = 32;
    /** The largest frame: the decoder's fixed buffer. */
    public static final int MAX_FRAME = HEADER_BYTES + MAX_PAYLOAD + CRC_BYTES;

    // Host to device.
    /** Host time (i64 µs), setpoint (i32 µA), flags (u8: {@link #SETPOINT_ENABLE}, polarity bits). */
    public static final int SETPOINT = 0x01;
    /** Host time (i64 µs) that the MEASUREMENT reply must echo. */
    public static final int MEASURE = 0x02;
    /** No payload; answered by {@link #STATUS}. */
    public static final int STATUS_REQUEST = 0x03;
    /** No payload; answered by {@link #SELF_TEST_RESULT}. */
    public static final int SELF_TEST = 0x04;
    /** No payload; answered by {@link #HEARTBEAT_ACK}. Does not refresh the firmware watchdog. */
    public static final int HEARTBEAT = 0x05;
    /** No payload; re-arms the device after a firmware-watchdog trip; answered by {@link #CLEAR_FAULT_ACK}. */
    public static final int CLEAR_FAULT = 0x06;

    // Device to host: the request's type with the top bit set.
    /** Host time echoed (i64), current (i32 µA), electrode voltage (i32 mV), impedance (i32 Ω, -1 unknown), status (u16). */
    public static final int MEASUREMENT = 0x82;
    /** Answered SEQ (u8), status (u16), firmware-watchdog trips since power-up (u16). */
    public static final int STATUS = 0x83;
    /** Answered SEQ (u8), result (u8: 0 passed, else a failure code). */
    public static final int SELF_TEST_RESULT = 0x84;
    /** Answered SEQ (u8). */
    public static final int HEARTBEAT_ACK = 0x85;
    /** Answered SEQ (u8), status after the clear (u16). */
    public static final int CLEAR_FAULT_ACK = 0x86;

    /** SETPOINT flags: output enabled. */
    public static final int SETPOINT_ENABLE = 1;
    /** SETPOINT flags: the active electrode is the cathode (clear: anode). */
    public static final int SETPOINT_CATHODE = 1 << 1;
    /** SETPOINT flags: no polarity chosen yet (only with the output disabled). */
    public static final int SETPOINT_NO_POLARITY = 1 << 2;

    // Payload offsets.
    public static final int SETPOINT_TIME = 0;
    public static final int SETPOINT_MICROAMPS = 8;
    public static final int SETPOINT_FLAGS = 12;
    public static final int MEASURE_TIME = 0;
    public static final int MEASUREMENT_TIME = 0;
    public static final int MEASUREMENT_MICROAMPS = 8;
    public static final int MEASUREMENT_MILLIVOLTS = 12;
    public static final int MEASUREMENT_OHMS = 16;
    public static final int MEASUREMENT_STATUS = 20;
    /** In every reply but MEASUREMENT: the SEQ of the request it answers. */
    public static final int REPLY_ANSWERS = 0;
    public static final int STATUS_STATUS = 1;
    public static final int STATUS_WATCHDOG_TRIPS = 3;
    public static final int SELF_TEST_CODE = 1;
    public static final int CLEAR_FAULT_STATUS = 1;

    /** Device status: the output is enabled (clear: disabled and isolated). */
    public static final int DEVICE_OUTPUT_ENABLED = 1;
    /** Device status: the firmware watchdog disabled the output; latched until CLEAR_FAULT. */
    public static final int DEVICE_WATCHDOG_TRIPPED = 1 << 1;
    /** Device status: a hardware fault (supply, temperature, stage check); the output is disabled. */
    public static final int DEVICE_HARDWARE_FAULT = 1 << 2;
    /** Device status: the device received a corrupt or out-of-sequence frame since its last MEASUREMENT. */
    public static final int DEVICE_LINK_ERROR = 1 << 3;
    /** The status bits defined so far; any other bit is a protocol violation. */
    public static final int DEVICE_KNOWN_BITS = DEVICE_OUTPUT_ENABLED | DEVICE_WATCHDOG_TRIPPED
            | DEVICE_HARDWARE_FAULT | DEVICE_LINK_ERROR;

    /** SELF_TEST_RESULT codes. */
    public static final int SELF_TEST_PASSED = 0;
    public static final int SELF_TEST_REFERENCE_MISMATCH = 1;
    public static final int SELF_TEST_HARDWARE_FAULT = 2;

    private WireProtocol() {
    }

    /** The payload length of message {@code type}, or -1 when the type is unknown. */
    public static int payloadLength(int type) {
        switch (type) {
            case SETPOINT:
                return 13;
            case MEASURE:
                return 8;
            case STATUS_REQUEST:
            case SELF_TEST:
            case HEARTBEAT:
            case CLEAR_FAULT:
                return 0;
            case MEASUREMENT:
                return 22;
            case STATUS:
                return 5;
            case SELF_TEST_RESULT:
                return 2;
            case HEARTBEAT_ACK:
                return 1;
            case CLEAR_FAULT_ACK:
                return 3;
            default:
                return -1;
        }
    }

    /** The message type's name, for logs and errors. */
    public static String typeName(int type) {
        switch (type) {
            case SETPOINT: return "SETPOINT";
            case MEASURE: return "MEASURE";
            case STATUS_REQUEST: return "STATUS_REQUEST";
            case SELF_TEST: return "SELF_TEST";
            case HEARTBEAT: return "HEARTBEAT";
            case CLEAR_FAULT: return "CLEAR_FAULT";
            case MEASUREMENT: return "MEASUREMENT";
            case STATUS: return "STATUS";
            case SELF_TEST_RESULT: return "SELF_TEST_RESULT";
            case HEARTBEAT_ACK: return "HEARTBEAT_ACK";
            case CLEAR_FAULT_ACK: return "CLEAR_FAULT_ACK";
            default: return "unknown type 0x" + Integer.toHexString(type);
        }
    }
}
