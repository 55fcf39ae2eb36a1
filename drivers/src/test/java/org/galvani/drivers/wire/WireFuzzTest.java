package org.galvani.drivers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.Arrays;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.StatusFlags;
import org.galvani.trace.Verifies;

/**
 * Random and mutated byte streams into the frame decoder and into the wire driver's receive path. In a
 * plain build these run the seed inputs in {@code WireFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn test
 * -pl drivers -Dtest=WireFuzzTest#decoder} fuzzes one of them.
 */
class WireFuzzTest {

    private static final int FLAGS_A_DRIVER_MAY_SET = StatusFlags.OUTPUT_SAFE | StatusFlags.OUTPUT_ENABLED
            | WireDriver.DETECTABLE_FAULTS;

    /** Any stream decodes without an exception in a constant buffer, and a good frame after it is found. */
    @FuzzTest
    @Verifies("SRS-DRV-021")
    void decoder(@NotNull byte[] garbage) {
        FrameDecoder decoder = new FrameDecoder();
        int chunk = garbage.length == 0 ? 1 : 1 + (garbage[0] & 0x3F);
        FrameEncoder encoder = new FrameEncoder();
        byte[] good = Arrays.copyOf(encoder.buffer(), encoder.measurement(0x1234_5678_9ABCL, 1, 2, 3, 4));
        byte[] stream = Arrays.copyOf(garbage, garbage.length + good.length);
        System.arraycopy(good, 0, stream, garbage.length, good.length);

        boolean found = false;
        boolean swallowed = false;
        int offset = 0;
        while (true) {
            DecodeEvent event;
            while ((event = decoder.poll()) != DecodeEvent.NEED_MORE) {
                if (event == DecodeEvent.FRAME) {
                    long start = decoder.frameStreamOffset();
                    long end = start + decoder.frameLength();
                    if (start == garbage.length) {
                        found = decoder.type() == WireProtocol.MEASUREMENT && decoder.i64(0) == 0x1234_5678_9ABCL;
                    } else if (start < garbage.length && end > garbage.length) {
                        // A frame that is valid by its CRC started in the garbage and overlaps the good one:
                        // without byte stuffing no decoder can tell, so the good frame is lost.
                        swallowed = true;
                    }
                }
                assertEquals(WireProtocol.MAX_FRAME, decoder.capacity());
                assertTrue(decoder.buffered() <= WireProtocol.MAX_FRAME);
            }
            if (offset == stream.length) {
                break;
            }
            offset += decoder.offer(stream, offset, Math.min(chunk, stream.length - offset));
        }
        assertTrue(found || swallowed, "the good frame after " + garbage.length + " bytes of garbage was lost");
    }

    /** Whatever the device sends, the driver returns readings that are fresh or the previous one, and never throws. */
    @FuzzTest
    @Verifies("SRS-DRV-038")
    void driverReceivePath(@NotNull byte[] fromDevice) throws Exception {
        FrameEncoder device = new FrameEncoder();
        byte[] ack = Arrays.copyOf(device.buffer(), device.clearFaultAck(0, 0));
        byte[] script = Arrays.copyOf(ack, ack.length + fromDevice.length);
        System.arraycopy(fromDevice, 0, script, ack.length, fromDevice.length);
        int chunk = fromDevice.length == 0 ? 1 : 1 + (fromDevice[fromDevice.length - 1] & 0x1F);
        ScriptedLink link = new ScriptedLink(script, chunk);
        WireDriver driver = new WireDriver(WireDriverConfig.loopback(1).withResponseTimeoutMicros(50)
                .withReconnectIntervalMillis(0), () -> link);
        driver.open();
        Measurement reading = new Measurement();
        long previous = reading.sampledAtMicros();
        for (long now = 1_000; now <= 40_000; now += 1_000) {
            driver.sample(now, reading);
            assertTrue(reading.sampledAtMicros() == now || reading.sampledAtMicros() == previous,
                    "re-stamped: " + reading + " at " + now);
            assertEquals(0, reading.statusFlags() & ~FLAGS_A_DRIVER_MAY_SET, reading.toString());
            previous = reading.sampledAtMicros();
            driver.apply(now, 100, true, org.galvani.kernel.Polarity.ANODE);
        }
        driver.selfTest();
        driver.close();
    }
}
