package org.galvani.drivers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The frame format, the CRC, every message's round trip and every class of malformed input. */
class FrameCodecTest {

    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder = new FrameDecoder();

    @Test
    @Verifies("SRS-DRV-020")
    void crcIsCcittFalseWithItsCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Crc16.of(check, 0, check.length));
        assertEquals(0xFFFF, Crc16.of(check, 0, 0));
    }

    @Test
    @Verifies("SRS-DRV-020")
    void aFrameIsStartLengthSequenceTypePayloadAndLittleEndianCrc() {
        int length = encoder.measure(0x0102030405060708L);
        byte[] frame = Arrays.copyOf(encoder.buffer(), length);
        assertEquals(4 + 8 + 2, length);
        assertEquals(0xA5, frame[0] & 0xFF);
        assertEquals(8, frame[1]);
        assertEquals(0, frame[2]);
        assertEquals(WireProtocol.MEASURE, frame[3]);
        assertEquals(0x08, frame[4]);
        assertEquals(0x01, frame[11]);
        int crc = Crc16.of(frame, 1, 3 + 8);
        assertEquals(crc & 0xFF, frame[12] & 0xFF);
        assertEquals(crc >>> 8, frame[13] & 0xFF);
        assertEquals(1, encoder.nextSequence());
    }

    @Test
    @Verifies("SRS-DRV-020")
    void sequenceNumbersWrapAfter255() {
        for (int i = 0; i < 256; i++) {
            encoder.request(WireProtocol.HEARTBEAT);
        }
        assertEquals(0, encoder.nextSequence());
        encoder.request(WireProtocol.HEARTBEAT);
        assertEquals(0, encoder.buffer()[2]);
    }

    @Test
    @Verifies("SRS-DRV-022")
    void everyMessageRoundTrips() {
        roundTrip(encoder.setpoint(-5L, 4_000, true, Polarity.CATHODE), WireProtocol.SETPOINT);
        assertEquals(-5L, decoder.i64(WireProtocol.SETPOINT_TIME));
        assertEquals(4_000, decoder.i32(WireProtocol.SETPOINT_MICROAMPS));
        assertEquals(WireProtocol.SETPOINT_ENABLE | WireProtocol.SETPOINT_CATHODE, decoder.u8(WireProtocol.SETPOINT_FLAGS));
        roundTrip(encoder.setpoint(7L, 0, false, null), WireProtocol.SETPOINT);
        assertEquals(WireProtocol.SETPOINT_NO_POLARITY, decoder.u8(WireProtocol.SETPOINT_FLAGS));
        roundTrip(encoder.setpoint(7L, 1, true, Polarity.ANODE), WireProtocol.SETPOINT);
        assertEquals(WireProtocol.SETPOINT_ENABLE, decoder.u8(WireProtocol.SETPOINT_FLAGS));

        roundTrip(encoder.measure(Long.MAX_VALUE), WireProtocol.MEASURE);
        assertEquals(Long.MAX_VALUE, decoder.i64(WireProtocol.MEASURE_TIME));

        roundTrip(encoder.measurement(123_456_789_012L, 3_000, 6_900, -1, 0xFFFF), WireProtocol.MEASUREMENT);
        assertEquals(123_456_789_012L, decoder.i64(WireProtocol.MEASUREMENT_TIME));
        assertEquals(3_000, decoder.i32(WireProtocol.MEASUREMENT_MICROAMPS));
        assertEquals(6_900, decoder.i32(WireProtocol.MEASUREMENT_MILLIVOLTS));
        assertEquals(-1, decoder.i32(WireProtocol.MEASUREMENT_OHMS));
        assertEquals(0xFFFF, decoder.u16(WireProtocol.MEASUREMENT_STATUS));

        for (int type : new int[] {WireProtocol.STATUS_REQUEST, WireProtocol.SELF_TEST, WireProtocol.HEARTBEAT,
                WireProtocol.CLEAR_FAULT}) {
            roundTrip(encoder.request(type), type);
            assertEquals(0, decoder.payloadLength());
        }
        roundTrip(encoder.status(200, 0x0B, 70_000), WireProtocol.STATUS);
        assertEquals(200, decoder.u8(WireProtocol.REPLY_ANSWERS));
        assertEquals(0x0B, decoder.u16(WireProtocol.STATUS_STATUS));
        assertEquals(0xFFFF, decoder.u16(WireProtocol.STATUS_WATCHDOG_TRIPS), "saturates, never wraps");
        roundTrip(encoder.selfTestResult(9, WireProtocol.SELF_TEST_HARDWARE_FAULT), WireProtocol.SELF_TEST_RESULT);
        assertEquals(9, decoder.u8(WireProtocol.REPLY_ANSWERS));
        assertEquals(WireProtocol.SELF_TEST_HARDWARE_FAULT, decoder.u8(WireProtocol.SELF_TEST_CODE));
        roundTrip(encoder.heartbeatAck(17), WireProtocol.HEARTBEAT_ACK);
        assertEquals(17, decoder.u8(WireProtocol.REPLY_ANSWERS));
        roundTrip(encoder.clearFaultAck(18, 0x04), WireProtocol.CLEAR_FAULT_ACK);
        assertEquals(0x04, decoder.u16(WireProtocol.CLEAR_FAULT_STATUS));
    }

    @Test
    @Verifies("SRS-DRV-022")
    void replyTypesCannotBeSentAsPayloadlessRequestsAndFieldsOutsideThePayloadAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> encoder.request(WireProtocol.MEASURE));
        assertThrows(IllegalArgumentException.class, () -> encoder.request(WireProtocol.HEARTBEAT_ACK));
        roundTrip(encoder.heartbeatAck(1), WireProtocol.HEARTBEAT_ACK);
        assertThrows(IllegalStateException.class, () -> decoder.u16(0));
    }

    @Test
    @Verifies("SRS-DRV-021")
    void garbageBeforeAFrameIsSkippedAndTheFrameDecoded() {
        List<DecodeEvent> events = feed(concat(new byte[] {1, 2, 3, 0x7F}, frame(encoder.measure(42))));
        assertEquals(List.of(DecodeEvent.GARBAGE, DecodeEvent.FRAME), events);
        assertEquals(4, decoder.discardedBytes());
    }

    @Test
    @Verifies("SRS-DRV-021")
    void aCorruptCrcIsReportedAndTheNextFrameStillDecodes() {
        byte[] bad = frame(encoder.measure(1));
        bad[bad.length - 1] ^= 0x01;
        List<DecodeEvent> events = feed(concat(bad, frame(encoder.measure(2))));
        assertEquals(DecodeEvent.CRC_ERROR, events.get(0));
        assertEquals(DecodeEvent.FRAME, events.get(events.size() - 1));
        assertEquals(2L, decoder.i64(0));
        assertEquals(1, decoder.crcErrors());
    }

    @Test
    @Verifies("SRS-DRV-021")
    void aLengthAboveTheMaximumOrNotTheTypesLengthIsABadLength() {
        assertEquals(DecodeEvent.BAD_LENGTH, feed(new byte[] {(byte) 0xA5, 33}).get(0));
        byte[] wrongLength = frame(encoder.measure(1));
        wrongLength[1] = 7;
        assertEquals(DecodeEvent.BAD_LENGTH, feed(wrongLength).get(0));
        assertEquals(2, decoder.lengthErrors());
    }

    @Test
    @Verifies("SRS-DRV-021")
    void anUnknownTypeIsReported() {
        assertEquals(DecodeEvent.UNKNOWN_TYPE, feed(new byte[] {(byte) 0xA5, 0, 0, 0x42}).get(0));
        assertEquals(1, decoder.typeErrors());
    }

    @Test
    @Verifies("SRS-DRV-021")
    void aFrameCutShortIsReportedAsTruncatedWhenAbandoned() {
        byte[] whole = frame(encoder.measure(5));
        assertEquals(List.of(), feed(Arrays.copyOf(whole, 9)));
        assertEquals(DecodeEvent.TRUNCATED, decoder.abandon());
        assertEquals(DecodeEvent.NEED_MORE, decoder.abandon(), "nothing left to abandon");
        assertEquals(List.of(DecodeEvent.FRAME), feed(frame(encoder.measure(6))));
        assertEquals(1, decoder.truncations());
    }

    @Test
    @Verifies("SRS-DRV-021")
    void aFalseStartMarkerThatSwallowsAGoodFrameIsResynchronisedWithinTheBuffer() {
        // A5 20 announces 32 payload bytes of type SETPOINT, whose length is 13: dropped at once.
        // A5 16 00 82 announces a MEASUREMENT (22 bytes) that swallows the good frame: its CRC fails and
        // the decoder rescans its own buffer from the good frame's start marker.
        byte[] good = frame(encoder.measure(99));
        byte[] falseStart = {(byte) 0xA5, 22, 0, (byte) 0x82, 1, 2};
        List<DecodeEvent> events = feed(concat(falseStart, good, new byte[30]));
        assertEquals(DecodeEvent.CRC_ERROR, events.get(0), events.toString());
        assertEquals(1, events.stream().filter(e -> e == DecodeEvent.FRAME).count(), events.toString());
        assertEquals(falseStart.length, frameOffset, "the good frame was found where it started");
    }

    @Test
    @Verifies("SRS-DRV-021")
    void bytesArriveOneAtATimeAndTheBufferNeverGrows() {
        byte[] stream = concat(frame(encoder.measure(1)), new byte[] {(byte) 0xA5, (byte) 0xA5},
                frame(encoder.setpoint(2, 3, true, Polarity.ANODE)));
        List<DecodeEvent> events = new ArrayList<>();
        for (byte b : stream) {
            events.addAll(feed(new byte[] {b}));
        }
        assertEquals(2, events.stream().filter(e -> e == DecodeEvent.FRAME).count(), events.toString());
        assertEquals(WireProtocol.MAX_FRAME, decoder.capacity());
    }

    private long frameOffset = -1;

    private void roundTrip(int length, int type) {
        List<DecodeEvent> events = feed(frame(length));
        assertEquals(List.of(DecodeEvent.FRAME), events);
        assertEquals(type, decoder.type());
    }

    private byte[] frame(int length) {
        return Arrays.copyOf(encoder.buffer(), length);
    }

    /** Feeds all bytes; the decoder is left on the last frame (if the last event was FRAME). */
    private List<DecodeEvent> feed(byte[] bytes) {
        List<DecodeEvent> events = new ArrayList<>();
        int offset = 0;
        while (true) {
            DecodeEvent event;
            while ((event = decoder.poll()) != DecodeEvent.NEED_MORE) {
                events.add(event);
                if (event == DecodeEvent.FRAME) {
                    frameOffset = decoder.frameStreamOffset();
                    if (offset == bytes.length && decoder.buffered() == decoder.frameLength()) {
                        return events;
                    }
                }
            }
            if (offset == bytes.length) {
                return events;
            }
            offset += decoder.offer(bytes, offset, bytes.length - offset);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
