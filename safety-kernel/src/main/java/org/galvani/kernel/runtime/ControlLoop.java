package org.galvani.kernel.runtime;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed-rate control loop: one thread that ticks every channel once per period. It sleeps until
 * shortly before each deadline and spins the rest, records how far each period deviated from nominal,
 * and counts ticks whose work overran the period; its {@link TickSchedule} skips (rather than bursts
 * through) slots it missed and keeps ticks apart after a late one. The kernels themselves fault on a tick
 * gap beyond their limit.
 */
@Implements({"SRS-KRN-029", "SRS-KRN-042"})
final class ControlLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    private final Channel[] channels;
    private final MonotonicClock clock;
    private final TickSchedule schedule;
    private final long spinMicros;
    private final TickStatistics statistics;
    private final Thread thread;
    private volatile boolean running;

    ControlLoop(String name, List<Channel> channels, MonotonicClock clock, TickSchedule schedule, long spinMicros) {
        this.channels = channels.toArray(new Channel[0]);
        this.clock = clock;
        this.schedule = schedule;
        this.spinMicros = spinMicros;
        this.statistics = new TickStatistics(schedule.periodMicros());
        this.thread = new Thread(this::run, name);
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    void start() {
        running = true;
        thread.start();
    }

    /** Stops after the current tick and waits (bounded) for the thread to end. */
    void stop() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join(5_000);
        if (thread.isAlive()) {
            LOG.error("control loop {} did not stop within 5 s", thread.getName());
        }
    }

    TickStatistics statistics() {
        return statistics;
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private void run() {
        LOG.info("control loop {} started: {} channel(s) every {} us", thread.getName(), channels.length,
                schedule.periodMicros());
        long previousStart = Long.MIN_VALUE;
        while (running) {
            waitUntil(schedule.nextMicros());
            if (!running) {
                break;
            }
            long start = clock.nowMicros();
            if (previousStart != Long.MIN_VALUE) {
                statistics.recordPeriod(start - previousStart);
            }
            previousStart = start;
            for (Channel channel : channels) {
                channel.step(start);
            }
            long end = clock.nowMicros();
            statistics.recordWork(end - start);
            long missed = schedule.ticked(start, end);
            if (missed > 0) {
                statistics.recordMissed(missed);
            }
        }
        LOG.info("control loop {} stopped: {}", thread.getName(), statistics.report().describe());
    }

    private void waitUntil(long deadline) {
        while (running) {
            long remaining = deadline - clock.nowMicros();
            if (remaining <= 0) {
                return;
            }
            if (remaining > spinMicros) {
                LockSupport.parkNanos((remaining - spinMicros) * 1_000L);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
