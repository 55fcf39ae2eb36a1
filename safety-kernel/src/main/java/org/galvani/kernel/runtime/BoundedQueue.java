package org.galvani.kernel.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.galvani.trace.Implements;

/**
 * A bounded, lock-free, multi-producer queue (after Dmitry Vyukov's bounded MPMC queue): user-interface
 * threads offer requests, the control loop polls them, and neither ever blocks or waits for a lock. An
 * offer to a full queue fails at once instead of waiting. Offer and poll allocate nothing.
 *
 * @param <T> the element type
 */
@Implements("SRS-KRN-030")
public final class BoundedQueue<T> {

    private final int mask;
    private final AtomicLongArray sequences;
    private final AtomicReferenceArray<T> elements;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong head = new AtomicLong();

    /** A queue holding up to {@code capacity} elements, rounded up to a power of two (at least 2). */
    public BoundedQueue(int capacity) {
        if (capacity < 1 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("queue capacity must be between 1 and " + (1 << 24) + ", was " + capacity);
        }
        int size = Math.max(2, Integer.highestOneBit(capacity - 1) << 1);
        this.mask = size - 1;
        this.sequences = new AtomicLongArray(size);
        this.elements = new AtomicReferenceArray<>(size);
        for (int i = 0; i < size; i++) {
            sequences.set(i, i);
        }
    }

    /** Adds {@code element} (not null); false if the queue is full. Safe from any number of threads. */
    public boolean offer(T element) {
        if (element == null) {
            throw new IllegalArgumentException("queue elements must not be null");
        }
        long position = tail.get();
        while (true) {
            int index = (int) (position & mask);
            long sequence = sequences.get(index);
            long difference = sequence - position;
            if (difference == 0) {
                if (tail.compareAndSet(position, position + 1)) {
                    elements.lazySet(index, element);
                    sequences.set(index, position + 1);
                    return true;
                }
                position = tail.get();
            } else if (difference < 0) {
                return false;
            } else {
                position = tail.get();
            }
        }
    }

    /** Removes and returns the oldest element, or null if none. Safe from any number of threads. */
    public T poll() {
        long position = head.get();
        while (true) {
            int index = (int) (position & mask);
            long sequence = sequences.get(index);
            long difference = sequence - (position + 1);
            if (difference == 0) {
                if (head.compareAndSet(position, position + 1)) {
                    T element = elements.get(index);
                    elements.lazySet(index, null);
                    sequences.set(index, position + mask + 1);
                    return element;
                }
                position = head.get();
            } else if (difference < 0) {
                return null;
            } else {
                position = head.get();
            }
        }
    }

    /** The number of elements, approximately while other threads offer or poll. */
    public int size() {
        long size = tail.get() - head.get();
        return (int) Math.max(0, Math.min(size, mask + 1L));
    }

    /** The capacity (a power of two). */
    public int capacity() {
        return mask + 1;
    }
}
