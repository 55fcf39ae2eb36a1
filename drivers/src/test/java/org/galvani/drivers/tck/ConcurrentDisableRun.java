package org.galvani.drivers.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.galvani.kernel.Polarity;

/**
 * The runtime's threads in miniature: a loop thread that samples and applies the test current once per
 * period for a bounded number of ticks, while other threads call {@code safeDisable()} as a UI or a
 * shutdown hook would. Each disabler makes one last call after the loop's last apply, so that the output
 * must end disabled. Collects every exception and every out-of-order time stamp.
 */
final class ConcurrentDisableRun {

    static final int LOOP_TICKS = 500;
    static final int DISABLERS = 2;
    /** Bounds each disabler's calls, so that a run ends even if the loop never does. */
    static final int MAX_DISABLES = 1_000_000;
    /** How long the kit waits for the threads to end before it reports them stuck (not a timing check). */
    static final long JOIN_SECONDS = 60;

    private final Bench bench;
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private volatile boolean loopDone;

    ConcurrentDisableRun(Bench bench) {
        this.bench = bench;
    }

    /** Runs the threads to their end; returns what went wrong, empty if nothing did. */
    List<String> run() throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> await(start, this::loop), "tck-loop"));
        for (int i = 0; i < DISABLERS; i++) {
            threads.add(new Thread(() -> await(start, this::disable), "tck-disabler-" + i));
        }
        threads.forEach(Thread::start);
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_SECONDS);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                problems.add(thread.getName() + " did not end within " + JOIN_SECONDS + " s (blocked in a driver call?)");
            }
        }
        return new ArrayList<>(problems);
    }

    private void loop() {
        long previous = Long.MIN_VALUE;
        try {
            for (int i = 0; i < LOOP_TICKS; i++) {
                bench.tick(bench.testCurrent, true, Polarity.ANODE);
                long stamp = bench.reading.sampledAtMicros();
                if (stamp < previous) {
                    problems.add("a reading went back in time from " + previous + " to " + stamp + " us");
                }
                previous = stamp;
                if (bench.reading.currentMicroamps() < 0) {
                    problems.add("a negative current: " + bench.reading);
                }
            }
        } finally {
            loopDone = true;
        }
    }

    private void disable() {
        for (int i = 0; i < MAX_DISABLES && !loopDone; i++) {
            bench.driver.safeDisable();
            Thread.yield();
        }
        // After the loop's last apply: this call must leave the output disabled.
        bench.driver.safeDisable();
    }

    private void await(CountDownLatch start, Runnable body) {
        try {
            start.await();
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(Thread.currentThread().getName() + " was interrupted");
        } catch (RuntimeException | AssertionError e) {
            problems.add(Thread.currentThread().getName() + " failed: " + e);
        }
    }
}
