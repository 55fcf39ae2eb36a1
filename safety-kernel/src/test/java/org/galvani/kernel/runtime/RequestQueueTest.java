package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.decided;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.galvani.kernel.runtime.RuntimeFixtures.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** Requests go through the bounded queue: one per tick into the kernel, refused at once when it is full. */
class RequestQueueTest {

    private static final String CHANNEL = "left";

    private final RecordingSink sink = new RecordingSink();

    private KernelRuntime runtime(int requestCapacity) {
        return KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS)
                .requestCapacity(requestCapacity)
                .sink(sink)
                .channel(CHANNEL, profile(), new RecordingDriver())
                .build();
    }

    @Test
    @Verifies("SRS-KRN-030")
    void aRequestThatFindsTheQueueFullIsRefusedAtOnceAndReportedAsAnEvent() {
        try (KernelRuntime runtime = runtime(2)) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            Channel channel = run.channel();

            CompletableFuture<RequestOutcome> arm = channel.arm(dexamethasone("T-1"), "nurse");
            CompletableFuture<RequestOutcome> start = channel.start("nurse");
            CompletableFuture<RequestOutcome> flood = channel.stop("kiosk");
            assertEquals(1, channel.dispatch(), "the refusal is an event, without waiting for a tick");

            assertEquals(new RequestOutcome(decided(flood).requestId(), false, Reason.REQUEST_QUEUE_FULL, KernelState.IDLE),
                    decided(flood));
            List<ChannelEvent> refusal = sink.matching(e -> e.event().reason() == Reason.REQUEST_QUEUE_FULL);
            assertEquals(1, refusal.size());
            assertEquals(KernelEventType.REQUEST_REFUSED, refusal.get(0).event().type());
            assertEquals(decided(flood).requestId(), refusal.get(0).event().requestId());
            assertEquals("kiosk", refusal.get(0).origin());
            assertEquals(CHANNEL, refusal.get(0).channelId());

            // The queued requests are decided one per tick, in order.
            assertFalse(arm.isDone() || start.isDone());
            run.tick();
            assertTrue(decided(arm).accepted());
            assertFalse(start.isDone(), "one request per tick");
            run.tick();
            assertEquals(Reason.CONTACT_NOT_CONFIRMED, decided(start).reason());
        }
    }

    @Test
    @Verifies("SRS-KRN-030")
    void everyRequestFromManyThreadsIsAnsweredOnce() throws Exception {
        int threads = 4;
        int perThread = 200;
        try (KernelRuntime runtime = runtime(16)) {
            SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
            run.tick();
            Channel channel = run.channel();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<CompletableFuture<RequestOutcome>>>> submitted = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    String origin = "ui-" + t;
                    submitted.add(pool.submit(() -> {
                        go.await();
                        List<CompletableFuture<RequestOutcome>> mine = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            mine.add(channel.pause(origin));
                        }
                        return mine;
                    }));
                }
                go.countDown();
                // This thread is the control loop, ticking while the others submit.
                for (int i = 0; i < 1_000_000 && !submitted.stream().allMatch(Future::isDone); i++) {
                    run.tick();
                }
                List<CompletableFuture<RequestOutcome>> all = new ArrayList<>();
                for (Future<List<CompletableFuture<RequestOutcome>>> f : submitted) {
                    all.addAll(f.get(60, TimeUnit.SECONDS));
                }
                run.ticks(20);

                assertTrue(all.stream().allMatch(CompletableFuture::isDone), "every future completes");
                Map<Reason, Long> reasons = all.stream().map(CompletableFuture::join)
                        .collect(Collectors.groupingBy(RequestOutcome::reason, Collectors.counting()));
                assertEquals(threads * perThread, reasons.values().stream().mapToLong(Long::longValue).sum());
                assertTrue(reasons.keySet().stream().allMatch(r -> r == Reason.INVALID_STATE || r == Reason.REQUEST_QUEUE_FULL),
                        "PAUSE in IDLE is refused by the kernel, or by the full queue: " + reasons);
                assertEquals(threads * perThread, all.stream().map(f -> f.join().requestId()).distinct().count(),
                        "each answer belongs to its own request");
                assertEquals(threads * perThread,
                        sink.matching(e -> e.event().type() == KernelEventType.REQUEST_REFUSED).size(),
                        "and each is reported once");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
