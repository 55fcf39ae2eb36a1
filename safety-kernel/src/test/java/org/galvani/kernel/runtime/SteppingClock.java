package org.galvani.kernel.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for the control loop that advances by a fixed step every time it is read, and can jump, so
 * that the loop's timing decisions are deterministic: time passes only as the loop looks at it.
 */
final class SteppingClock implements MonotonicClock {

    private final AtomicLong now;
    private final long stepMicros;
    /** Reads left until a pending {@link #jumpAtRead} happens (0: none pending); only one thread reads. */
    private int readsUntilJump;
    private long pendingJumpMicros;

    SteppingClock(long startMicros, long stepMicros) {
        this.now = new AtomicLong(startMicros);
        this.stepMicros = stepMicros;
    }

    @Override
    public long nowMicros() {
        if (readsUntilJump > 0 && --readsUntilJump == 0) {
            now.addAndGet(pendingJumpMicros);
        }
        return now.getAndAdd(stepMicros);
    }

    /** Time passes just before the {@code reads}-th read from now: a thread that wakes late, say. */
    void jumpAtRead(int reads, long micros) {
        this.pendingJumpMicros = micros;
        this.readsUntilJump = reads;
    }

    /** Time passes without anyone looking: a tick whose work takes this long. */
    void jump(long micros) {
        now.addAndGet(micros);
    }
}
