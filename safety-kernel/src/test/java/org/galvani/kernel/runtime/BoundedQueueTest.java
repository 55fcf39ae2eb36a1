package org.galvani.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounded lock-free request queue: FIFO, bounded, never blocking, and correct under contention. */
class BoundedQueueTest {

    /** Only a guard against a hang in a broken queue; no assertion is about time. */
    private static final long HANG_GUARD_SECONDS = 60;

    @ParameterizedTest
    @CsvSource({"1, 2", "2, 2", "3, 4", "4, 4", "5, 8", "63, 64", "64, 64", "65, 128", "1000, 1024"})
    @Verifies("SRS-KRN-030")
    void capacityIsRoundedUpToAPowerOfTwo(int requested, int capacity) {
        BoundedQueue<Integer> queue = new BoundedQueue<>(requested);
        assertEquals(capacity, queue.capacity());
        for (int i = 0; i < capacity; i++) {
            assertTrue(queue.offer(i), "slot " + i);
        }
        assertFalse(queue.offer(capacity), "exactly " + capacity + " fit");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, (1 << 24) + 1, Integer.MAX_VALUE})
    @Verifies("SRS-KRN-030")
    void capacitiesOutOfRangeAreRejected(int capacity) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BoundedQueue<>(capacity));
        assertTrue(e.getMessage().contains(Integer.toString(capacity)), e.getMessage());
    }

    @Test
    @Verifies("SRS-KRN-030")
    void elementsLeaveInTheOrderTheyCameAcrossManyWrapArounds() {
        BoundedQueue<Integer> queue = new BoundedQueue<>(4);
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 100; round++) {
            int batch = 1 + round % 4;
            for (int i = 0; i < batch; i++) {
                assertTrue(queue.offer(next++));
            }
            assertEquals(batch, queue.size());
            for (int i = 0; i < batch; i++) {
                assertEquals(expected++, queue.poll());
            }
            assertNull(queue.poll());
            assertEquals(0, queue.size());
        }
    }

    @Test
    @Verifies("SRS-KRN-030")
    void aFullQueueRefusesAtOnceAndAcceptsAgainAfterAPoll() {
        BoundedQueue<String> queue = new BoundedQueue<>(2);
        assertTrue(queue.offer("a"));
        assertTrue(queue.offer("b"));
        assertFalse(queue.offer("c"));
        assertEquals(2, queue.size());
        assertEquals("a", queue.poll());
        assertTrue(queue.offer("c"));
        assertEquals("b", queue.poll());
        assertEquals("c", queue.poll());
        assertNull(queue.poll());
    }

    @Test
    @Verifies("SRS-KRN-030")
    void nullIsRejected() {
        BoundedQueue<String> queue = new BoundedQueue<>(2);
        assertThrows(IllegalArgumentException.class, () -> queue.offer(null));
        assertEquals(0, queue.size());
        assertNull(queue.poll());
    }

    @Test
    @Timeout(value = HANG_GUARD_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @Verifies("SRS-KRN-030")
    void concurrentProducersAndOneConsumerPassEveryElementExactlyOnceInEachProducersOrder() throws Exception {
        int producers = 3;
        int perProducer = 20_000;
        BoundedQueue<Long> queue = new BoundedQueue<>(64);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(producers);
        try {
            List<Future<Integer>> offered = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long base = (long) p * perProducer;
                offered.add(threads.submit(() -> {
                    go.await();
                    int refusals = 0;
                    for (int i = 0; i < perProducer; i++) {
                        Long element = base + i;
                        while (!queue.offer(element)) {
                            if (Thread.currentThread().isInterrupted()) {
                                return refusals; // the test has failed and gave up: stop spinning
                            }
                            refusals++;
                            Thread.yield();
                        }
                    }
                    return refusals;
                }));
            }
            go.countDown();

            // This thread is the one consumer, as the control loop is. It polls until every element has
            // arrived, or until the producers are done and the queue is empty (an element was lost).
            boolean[] seen = new boolean[producers * perProducer];
            long[] lastOfProducer = new long[producers];
            Arrays.fill(lastOfProducer, -1L);
            int received = 0;
            while (received < seen.length) {
                Long element = queue.poll();
                if (element == null) {
                    if (offered.stream().allMatch(Future::isDone) && (element = queue.poll()) == null) {
                        break;
                    }
                    if (element == null) {
                        Thread.yield(); // let the producers run on a busy machine
                        continue;
                    }
                }
                int index = (int) (long) element;
                assertFalse(seen[index], "received twice: " + element);
                seen[index] = true;
                int producer = index / perProducer;
                assertTrue(element > lastOfProducer[producer], "producer " + producer + " out of order at " + element);
                lastOfProducer[producer] = element;
                received++;
            }
            for (Future<Integer> producer : offered) {
                producer.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            }
            assertEquals(seen.length, received, "every element arrives");
            assertNull(queue.poll(), "and nothing else");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @Timeout(value = HANG_GUARD_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @Verifies("SRS-KRN-030")
    void racingProducersNeitherOverfillTheQueueNorLoseAnElement() throws Exception {
        // Two producers (one per core) race on the tail for every slot, past the point where the queue is full.
        int threads = 2;
        int perThread = 150_000;
        int capacity = 1 << 18;
        BoundedQueue<Integer> queue = new BoundedQueue<>(capacity);
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                producers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        if (queue.offer(base + i)) {
                            accepted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> producer : producers) {
                producer.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(capacity, accepted.get(), "exactly a full queue's worth is accepted");
        assertEquals(capacity, queue.size());
        Set<Integer> drained = new HashSet<>();
        Integer element;
        while ((element = queue.poll()) != null) {
            drained.add(element);
        }
        assertEquals(capacity, drained.size(), "every accepted element is there, once");
    }
}
