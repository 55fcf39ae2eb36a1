package org.galvani.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.HardwareLimits;
import org.galvani.kernel.KernelEventSink;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Reason;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.StatusFlags;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * Snapshots are consistent: a reader never sees fields from two different ticks. The writer ticks a real
 * kernel with readings that are a function of the tick number, so that every field of a snapshot can be
 * checked against the tick number it claims; a torn read shows as a mismatch.
 */
class SnapshotPublisherTest {

    private static final int PUBLISHES = 4_000_000;
    private static final int READERS = 2;
    private static final long BASE_MICROS = 1_000_000L;

    /** The reading the writer feeds the kernel in tick {@code tick}; all within the leak limit of an idle kernel. */
    private static int current(long tick) {
        return (int) (tick % 21);
    }

    private static int millivolts(long tick) {
        return (int) (tick % 50_000);
    }

    private static int impedance(long tick) {
        return 300 + (int) (tick % 40_000);
    }

    private static int flags(long tick) {
        return tick % 2 == 0 ? StatusFlags.OUTPUT_SAFE : StatusFlags.OUTPUT_SAFE | StatusFlags.OUTPUT_ENABLED;
    }

    private static long time(long tick) {
        return BASE_MICROS + tick * 1_000L;
    }

    @Test
    @Verifies("SRS-KRN-031")
    void readersNeverSeeFieldsFromTwoTicks() throws Exception {
        SnapshotPublisher publisher = new SnapshotPublisher("left");
        SafetyKernel kernel = SafetyKernel.create(new HardwareLimits(25_000, 80_000, 1_000),
                DeviceProfile.drugDeliveryPatch(), KernelEventSink.NONE);
        Measurement measurement = new Measurement();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(READERS + 1);
        try {
            Future<?> writer = threads.submit(() -> {
                go.await();
                for (long tick = 1; tick <= PUBLISHES; tick++) {
                    measurement.set(time(tick), current(tick), millivolts(tick), impedance(tick), flags(tick));
                    kernel.tick(time(tick), measurement);
                    publisher.publish(tick, kernel, false);
                }
                return null;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(threads.submit(() -> readUntilTheLastTick(publisher, go)));
            }
            go.countDown();

            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                int distinctTicksSeen = reader.get(60, TimeUnit.SECONDS);
                assertTrue(distinctTicksSeen > 1, "the reader overlapped the writer (saw " + distinctTicksSeen + " ticks)");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Reads until the last tick is published; checks every snapshot; returns how many distinct ticks it saw. */
    private static int readUntilTheLastTick(SnapshotPublisher publisher, CountDownLatch go) throws InterruptedException {
        go.await();
        long previousTick = -1;
        int distinct = 0;
        // Bounded by the writer's count: the loop ends when the last tick is seen (or the test gave up).
        while (previousTick < PUBLISHES && !Thread.currentThread().isInterrupted()) {
            KernelSnapshot s = publisher.read();
            if (s.tick() == 0) {
                continue; // nothing published yet
            }
            long tick = s.tick();
            String torn = "torn read at tick " + tick + ": " + s;
            assertEquals(time(tick), s.timeMicros(), torn);
            assertEquals(current(tick), s.measuredMicroamps(), torn);
            assertEquals(millivolts(tick), s.electrodeMillivolts(), torn);
            assertEquals(impedance(tick), s.impedanceOhms(), torn);
            assertEquals(flags(tick), s.statusFlags(), torn);
            assertEquals(KernelState.IDLE, s.state(), torn);
            assertTrue(tick >= previousTick, "ticks never go backwards: " + previousTick + " then " + tick);
            if (tick != previousTick) {
                distinct++;
            }
            previousTick = tick;
        }
        assertEquals(PUBLISHES, previousTick, "the reader saw the last tick");
        return distinct;
    }

    @Test
    @Verifies("SRS-KRN-031")
    void aHaltedChannelIsPublishedAsAFaultWithTheOutputOff() {
        SnapshotPublisher publisher = new SnapshotPublisher("left");
        SafetyKernel kernel = SafetyKernel.create(new HardwareLimits(25_000, 80_000, 1_000),
                DeviceProfile.drugDeliveryPatch(), KernelEventSink.NONE);
        kernel.tick(BASE_MICROS, new Measurement().set(BASE_MICROS, 0, 0, 2_000, StatusFlags.OUTPUT_SAFE));

        publisher.publish(7, kernel, true);
        KernelSnapshot halted = publisher.read();

        assertEquals("left", halted.channelId());
        assertEquals(7, halted.tick());
        assertEquals(BASE_MICROS, halted.timeMicros());
        assertEquals(KernelState.FAULT, halted.state());
        assertEquals(Reason.INTERNAL_ERROR, halted.faultReason());
        assertEquals(Reason.INTERNAL_ERROR, halted.lastReason());
        assertTrue(halted.halted());
        assertFalse(halted.outputEnabled());
        assertEquals(0, halted.setpointMicroamps());
    }
}
