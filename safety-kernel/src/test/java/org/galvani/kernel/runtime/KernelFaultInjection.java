package org.galvani.kernel.runtime;

import java.lang.reflect.Field;
import org.galvani.kernel.KernelEventSink;
import org.galvani.kernel.SafetyKernel;

/**
 * Makes a channel's kernel throw from inside its tick.
 *
 * <p>No input can make the kernel throw: it validates every request, clamps every number, and the
 * runtime owns its event sink, the one callback inside the tick. So, to test what the runtime does when
 * the kernel fails anyway (a defect), this replaces the sink the channel gave its kernel with one that
 * throws, by reflection on the test side, rather than adding a test hook to production code. If the
 * field is renamed the tests using this fail loudly; they never pass vacuously.
 */
final class KernelFaultInjection {

    private KernelFaultInjection() {
    }

    /** From now on, the kernel's next event (and every later one) throws {@code failure} inside its tick. */
    static void throwOnNextKernelEvent(Channel channel, RuntimeException failure) {
        KernelEventSink throwing = (type, time, previous, current, reason, requestId, dose) -> {
            throw failure;
        };
        try {
            Field sink = SafetyKernel.class.getDeclaredField("events");
            sink.setAccessible(true);
            sink.set(channel.kernel(), throwing);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot replace the kernel's event sink; has SafetyKernel.events been renamed?", e);
        }
    }
}
