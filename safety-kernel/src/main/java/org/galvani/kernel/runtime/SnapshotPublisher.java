package org.galvani.kernel.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Reason;
import org.galvani.kernel.SafetyKernel;
import org.galvani.trace.Implements;

/**
 * Publishes a channel's state after every tick without blocking and without allocating (a sequence lock):
 * the single writer, the control loop, makes the sequence odd, writes the fields, and makes it even
 * again; a reader copies the fields and retries if the sequence was odd or changed meanwhile. The writer
 * never waits for a reader; a reader never sees fields from two different ticks.
 */
@Implements("SRS-KRN-031")
final class SnapshotPublisher {

    private static final VarHandle SEQUENCE;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(SnapshotPublisher.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String channelId;

    @SuppressWarnings("unused") // accessed through SEQUENCE
    private volatile long sequence;

    private long tick;
    private long timeMicros;
    private KernelState state = KernelState.IDLE;
    private int setpointMicroamps;
    private boolean outputEnabled;
    private Polarity polarity;
    private int measuredMicroamps;
    private int electrodeMillivolts;
    private int impedanceOhms = -1;
    private boolean contactOk;
    private int statusFlags;
    private String treatmentId;
    private int targetMicroamps;
    private long prescribedDoseMicroampMillis;
    private long deliveredDoseMicroampMillis;
    private long outputMicros;
    private Reason lastReason = Reason.NONE;
    private Reason faultReason = Reason.NONE;
    private boolean halted;

    SnapshotPublisher(String channelId) {
        this.channelId = channelId;
    }

    /** Writer side (the control loop only): copies the kernel's view after a tick. */
    void publish(long tickCount, SafetyKernel kernel, boolean channelHalted) {
        long s = (long) SEQUENCE.getOpaque(this);
        SEQUENCE.setOpaque(this, s + 1);
        VarHandle.storeStoreFence();
        tick = tickCount;
        timeMicros = kernel.lastTickMicros();
        state = channelHalted ? KernelState.FAULT : kernel.state();
        setpointMicroamps = channelHalted ? 0 : kernel.setpointMicroamps();
        outputEnabled = !channelHalted && kernel.outputEnabled();
        polarity = kernel.polarity();
        measuredMicroamps = kernel.measuredMicroamps();
        electrodeMillivolts = kernel.electrodeMillivolts();
        impedanceOhms = kernel.impedanceOhms();
        contactOk = kernel.contactOk();
        statusFlags = kernel.statusFlags();
        treatmentId = kernel.treatmentId();
        targetMicroamps = kernel.prescription() == null ? 0 : kernel.prescription().targetMicroamps();
        prescribedDoseMicroampMillis = kernel.prescription() == null ? 0 : kernel.prescription().doseMicroampMillis();
        deliveredDoseMicroampMillis = kernel.deliveredDoseMicroampMillis();
        outputMicros = kernel.outputMicros();
        lastReason = channelHalted ? Reason.INTERNAL_ERROR : kernel.lastReason();
        faultReason = channelHalted ? Reason.INTERNAL_ERROR : kernel.faultReason();
        halted = channelHalted;
        SEQUENCE.setRelease(this, s + 2);
    }

    /** Reader side (any thread): a consistent copy; spins briefly while a tick is being published. */
    KernelSnapshot read() {
        while (true) {
            long before = (long) SEQUENCE.getAcquire(this);
            if ((before & 1L) == 0L) {
                KernelSnapshot copy = new KernelSnapshot(channelId, tick, timeMicros, state, setpointMicroamps,
                        outputEnabled, polarity, measuredMicroamps, electrodeMillivolts, impedanceOhms, contactOk,
                        statusFlags, treatmentId, targetMicroamps, prescribedDoseMicroampMillis,
                        deliveredDoseMicroampMillis, outputMicros, lastReason, faultReason, halted);
                VarHandle.loadLoadFence();
                if ((long) SEQUENCE.getOpaque(this) == before) {
                    return copy;
                }
            }
            Thread.onSpinWait();
        }
    }
}
