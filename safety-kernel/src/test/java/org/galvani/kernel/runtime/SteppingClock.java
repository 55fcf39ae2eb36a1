package org.galvani.kernel.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for the control loop that advances by a fixed step every time it is read, and can jump, so
 * that the loop's timing decisions are deterministic: time passes only as the loop looks at it.
 */
final class SteppingClock implements MonotonicClock {

    private final AtomicLong now;
    private final long stepMicros;

    SteppingClock(long startMicros, long stepMicros) {
        this.now = new AtomicLong(startMicros);
        this.stepMicros = stepMicros;
    }

    @Override
    public long nowMicros() {
        return now.getAndAdd(stepMicros);
    }

    /** Time passes without anyone looking: a tick whose work takes this long. */
    void jump(long micros) {
        now.addAndGet(micros);
    }
}
