package org.galvani.kernel.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.HardwareLimits;
import org.galvani.kernel.KernelEventSink;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.Request;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.StatusFlags;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tick that emits no event allocates nothing. Measured, not timed: the JVM counts the bytes each
 * thread allocates ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}), exactly.
 *
 * <p>The kernel is ticked through ramp-up and delivery with a reused measurement and a sink that only
 * counts; checkpoints are set an hour apart, so the measured windows emit no event by construction, and
 * the test checks that they did not. Each window follows a warm-up in the same state (class loading and
 * first-call linkage allocate once), and is compared with the same loop without the tick, so that
 * whatever the probe itself costs cancels out.
 */
class ZeroAllocationTickTest {

    private static final int PERIOD = 1_000;
    private static final int WARM_UP_TICKS = 3_000;
    private static final int MEASURED_TICKS = 5_000;
    private static final int LOAD_OHMS = 2_000;

    private static com.sun.management.ThreadMXBean threads;

    /** Keeps the positive control's allocations reachable, so the JIT cannot remove them. */
    private static volatile Object escape;

    private final CountingSink events = new CountingSink();
    private final Measurement measurement = new Measurement();
    private SafetyKernel kernel;
    private long now;

    @BeforeAll
    static void allocationCountingIsAvailable() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void ticksThatEmitNoEventAllocateNothingInRampUpAndDelivery() {
        kernel = SafetyKernel.create(new HardwareLimits(25_000, 80_000, PERIOD),
                DeviceProfile.drugDeliveryPatch().toBuilder().checkpointIntervalMillis(3_600_000).build(), events);
        ticks(1);
        kernel.submit(Request.arm(1, prescription(), 0));
        ticks(600); // contact confirmed after 500 ms
        kernel.submit(Request.start(2));
        ticks(1);
        assertEquals(KernelState.RAMP_UP, kernel.state());

        assertNoAllocation(KernelState.RAMP_UP);

        for (int i = 0; i < 20_000 && kernel.state() != KernelState.DELIVERING; i++) {
            ticks(1);
        }
        assertNoAllocation(KernelState.DELIVERING);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theProbeSeesAllocation() {
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            escape = new long[4];
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated >= 1_000L * 4 * Long.BYTES, "the probe missed allocations: " + allocated + " bytes");
    }

    private void assertNoAllocation(KernelState state) {
        ticks(WARM_UP_TICKS);
        emptyLoop(WARM_UP_TICKS);
        int eventsBefore = events.count;

        long start = threads.getCurrentThreadAllocatedBytes();
        long afterTicks;
        ticks(MEASURED_TICKS);
        afterTicks = threads.getCurrentThreadAllocatedBytes();
        emptyLoop(MEASURED_TICKS);
        long afterEmpty = threads.getCurrentThreadAllocatedBytes();

        assertEquals(state, kernel.state(), "the window stayed in " + state);
        assertEquals(eventsBefore, events.count, "the window emitted no event");
        long byTicks = afterTicks - start;
        long byEmptyLoop = afterEmpty - afterTicks;
        assertEquals(0, byTicks - byEmptyLoop, MEASURED_TICKS + " ticks in " + state + " allocated " + byTicks
                + " bytes; the same loop without the tick " + byEmptyLoop);
    }

    /** One tick per period; the stage follows the command in force, as a resistive load would. */
    private void ticks(int count) {
        for (int i = 0; i < count; i++) {
            now += PERIOD;
            int current = kernel.outputEnabled() ? kernel.setpointMicroamps() : 0;
            measurement.set(now, current, current * LOAD_OHMS / 1_000, LOAD_OHMS,
                    current > 0 ? StatusFlags.OUTPUT_ENABLED : StatusFlags.OUTPUT_SAFE);
            kernel.tick(now, measurement);
        }
    }

    /** The same loop without the kernel's tick: what the loop and the probe cost by themselves. */
    private void emptyLoop(int count) {
        long time = now;
        for (int i = 0; i < count; i++) {
            time += PERIOD;
            measurement.set(time, 0, 0, LOAD_OHMS, StatusFlags.OUTPUT_SAFE);
        }
    }

    private static Prescription prescription() {
        return Prescription.builder("T-ALLOC")
                .drug(DrugTable.DEXAMETHASONE)
                .activeElectrode(Polarity.CATHODE)
                .targetMicroamps(1_000)
                .electrodeAreaMm2(1_000)
                .doseMicroampMillis(60L * 60_000_000L) // 60 mA·min: an hour at 1 mA, far beyond the test
                .rampMillis(10_000)
                .build();
    }

    /** A sink that counts events and allocates nothing. */
    private static final class CountingSink implements KernelEventSink {
        private int count;

        @Override
        public void onEvent(KernelEventType type, long timeMicros, KernelState previous, KernelState current,
                            Reason reason, long requestId, long deliveredMicroampMillis) {
            count++;
        }
    }
}
