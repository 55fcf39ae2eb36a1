package org.galvani.drivers.wire.emulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.galvani.trace.Implements;

/**
 * Link-level and device fault injection on a running {@link DeviceEmulator}, for tests and the driver
 * conformance kit. Each "next N replies" fault applies to the next N frames the emulator sends, in the
 * order they are sent; calls may come from any thread. A reply is any frame from the device
 * (MEASUREMENT, SELF_TEST_RESULT, ...).
 */
@Implements("SRS-DRV-036")
public final class LinkFaults {

    /** The longest delay a test may inject (µs): the emulator's session thread sleeps that long. */
    public static final long MAX_DELAY_MICROS = 5_000_000;

    private final AtomicInteger corrupt = new AtomicInteger();
    private final AtomicInteger drop = new AtomicInteger();
    private final AtomicInteger delayed = new AtomicInteger();
    private final AtomicLong delayMicros = new AtomicLong();
    private final AtomicInteger duplicate = new AtomicInteger();
    private final AtomicInteger skip = new AtomicInteger();
    private volatile boolean hardwareFault;
    private volatile boolean selfTestFails;
    private final Runnable disconnect;

    LinkFaults(Runnable disconnect) {
        this.disconnect = disconnect;
    }

    /** The next {@code count} replies go out with a wrong CRC. */
    public LinkFaults corruptNextReplies(int count) {
        corrupt.addAndGet(positive(count));
        return this;
    }

    /** The next {@code count} replies are lost (their sequence numbers are used up, as on a real line). */
    public LinkFaults dropNextReplies(int count) {
        drop.addAndGet(positive(count));
        return this;
    }

    /** The next {@code count} replies are held back {@code micros} each before they are sent. */
    public LinkFaults delayNextReplies(int count, long micros) {
        if (micros < 1 || micros > MAX_DELAY_MICROS) {
            throw new IllegalArgumentException("link faults: delay must be from 1 to " + MAX_DELAY_MICROS
                    + " us, was " + micros);
        }
        delayMicros.set(micros);
        delayed.addAndGet(positive(count));
        return this;
    }

    /** The next reply is sent twice, with the same sequence number. */
    public LinkFaults duplicateNextReply() {
        duplicate.incrementAndGet();
        return this;
    }

    /** The next reply skips one sequence number. */
    public LinkFaults skipNextSequenceNumber() {
        skip.incrementAndGet();
        return this;
    }

    /** Closes the host connection now (as a pulled cable would); the emulator accepts a new one. */
    public LinkFaults disconnect() {
        disconnect.run();
        return this;
    }

    /** Reports a hardware fault from now on (the output is disabled) until {@code false}. */
    public LinkFaults hardwareFault(boolean present) {
        hardwareFault = present;
        return this;
    }

    /** Makes every self-test fail from now on until {@code false}. */
    public LinkFaults failSelfTest(boolean fails) {
        selfTestFails = fails;
        return this;
    }

    /** Withdraws every pending and standing fault. */
    public LinkFaults clear() {
        corrupt.set(0);
        drop.set(0);
        delayed.set(0);
        duplicate.set(0);
        skip.set(0);
        hardwareFault = false;
        selfTestFails = false;
        return this;
    }

    boolean takeCorrupt() {
        return take(corrupt);
    }

    boolean takeDrop() {
        return take(drop);
    }

    /** The delay for this reply (µs), 0 for none. */
    long takeDelayMicros() {
        return take(delayed) ? delayMicros.get() : 0;
    }

    boolean takeDuplicate() {
        return take(duplicate);
    }

    boolean takeSkip() {
        return take(skip);
    }

    boolean hardwareFault() {
        return hardwareFault;
    }

    boolean selfTestFails() {
        return selfTestFails;
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static int positive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("link faults: count must be at least 1, was " + count);
        }
        return count;
    }
}
