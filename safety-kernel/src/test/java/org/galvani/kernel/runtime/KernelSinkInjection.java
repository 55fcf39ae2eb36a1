package org.galvani.kernel.runtime;

import java.lang.reflect.Field;
import org.galvani.kernel.KernelEventSink;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.SafetyKernel;

/**
 * Reaches inside a channel's kernel tick through its event sink, the one callback inside the tick.
 *
 * <p>No input can make the kernel throw (it validates every request and clamps every number), and no
 * test thread can be scheduled deterministically between two events of one tick. To test what the
 * runtime does then, this replaces the sink the channel gave its kernel, by reflection on the test side,
 * rather than adding a test hook to production code. If the field is renamed the tests using this fail
 * loudly; they never pass vacuously.
 */
final class KernelSinkInjection {

    private KernelSinkInjection() {
    }

    /** From now on, the kernel's next event (and every later one) throws {@code failure} inside its tick. */
    static void throwOnNextKernelEvent(Channel channel, RuntimeException failure) {
        replaceSink(channel, (type, time, previous, current, reason, requestId, dose) -> {
            throw failure;
        });
    }

    /**
     * Runs {@code interleaved} right after the channel has recorded the next REQUEST_ACCEPTED event, before
     * the kernel emits the events that follow it in the same tick: what another thread may do at that moment.
     */
    static void afterNextAcceptance(Channel channel, Runnable interleaved) {
        KernelEventSink channelsOwn = sinkOf(channel);
        boolean[] done = {false};
        replaceSink(channel, (type, time, previous, current, reason, requestId, dose) -> {
            channelsOwn.onEvent(type, time, previous, current, reason, requestId, dose);
            if (type == KernelEventType.REQUEST_ACCEPTED && !done[0]) {
                done[0] = true;
                interleaved.run();
            }
        });
    }

    private static KernelEventSink sinkOf(Channel channel) {
        try {
            return (KernelEventSink) sinkField().get(channel.kernel());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the kernel's event sink", e);
        }
    }

    private static void replaceSink(Channel channel, KernelEventSink sink) {
        try {
            sinkField().set(channel.kernel(), sink);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot replace the kernel's event sink", e);
        }
    }

    private static Field sinkField() throws NoSuchFieldException {
        Field field = SafetyKernel.class.getDeclaredField("events");
        field.setAccessible(true);
        return field;
    }
}
