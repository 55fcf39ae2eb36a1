package org.galvani.benchmarks;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link SafetyKernel#tick} of a kernel in a steady treatment phase: {@code DELIVERING} (at the
 * target, integrating dose) or {@code RAMP_UP} (moving along a ramp that outlasts the iteration).
 *
 * <p>The plant is ideal: every tick the measurement reports the command in force during the interval
 * as the measured current, a fixed impedance inside the contact window, and the voltage that current
 * makes across it; the time advances by one control period (1000 µs) per tick. So every safety check
 * runs and passes, and the kernel stays in its phase with no event but the dose checkpoint it emits
 * once per simulated second (one tick in 1000), which the sink here ignores (it only counts it,
 * allocating nothing) and which is part of the steady-state cost of a 1 kHz kernel.
 *
 * <p>Each iteration gets a fresh kernel, armed, started and (for DELIVERING) ramped to the target in
 * {@code @Setup(Level.Iteration)}, so that no iteration, however long, can run out of ramp or of dose;
 * the simulated clock lives in this thread-scoped state and never goes back. {@code @TearDown} checks
 * that the kernel is still in the phase under test and that nothing but checkpoints happened, and
 * throws otherwise (the run then reports an error instead of a number).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 1)
@Fork(3)
public class KernelTickBenchmark {

    /** The control period, and the simulated time between two ticks (µs). */
    static final int PERIOD_MICROS = 1_000;
    /** The load's fixed impedance (Ω), inside the profile's contact window (300 .. 50,000 Ω). */
    static final int LOAD_OHMS = 1_000;

    /**
     * An envelope wide enough for the RAMP_UP variant's large target (1 A, 1000 V). The tick's cost does
     * not depend on these values; only the RAMP_UP variant needs them, so that its ramp outlasts any
     * iteration.
     */
    static final HardwareLimits HARDWARE = new HardwareLimits(1_000_000, 1_000_000, PERIOD_MICROS);

    /**
     * The drug-delivery patch profile, with the current limit raised to the envelope (RAMP_UP) and the
     * hard cap raised to the largest a profile may set, so that no iteration reaches a dose limit.
     * Everything else (contact window, watchdog, plausibility, compliance, 1 s checkpoints) is the
     * shipped profile's.
     */
    static final DeviceProfile PROFILE = DeviceProfile.drugDeliveryPatch().toBuilder()
            .name("kernel-tick-benchmark")
            .maxCurrentMicroamps(HARDWARE.maxCurrentMicroamps())
            .hardCapMicroampMillis(DeviceProfile.MAX_HARD_CAP)
            .build();

    /** Electrode area (mm²) whose density limit (0.5 mA/cm²) allows the RAMP_UP target of 1 A. */
    static final int AREA_MM2 = 200_000;

    /**
     * DELIVERING: 4 mA, reached after a 10 s ramp (10,000 setup ticks). The prescribed dose is the cap,
     * which the kernel saturates at 10^18 µA·µs: at 4 mA that is 2.5·10^11 ticks before the ramp-down
     * would begin, hours of benchmarking for one iteration.
     */
    static final Prescription DELIVERING_RX = Prescription.builder("bench-delivering")
            .drug(DrugTable.LIDOCAINE).activeElectrode(Polarity.ANODE)
            .targetMicroamps(4_000).electrodeAreaMm2(AREA_MM2)
            .rampMillis(10_000).doseMicroampMillis(DeviceProfile.MAX_HARD_CAP)
            .build();

    /**
     * RAMP_UP: 1 A at the slowest ramp the kernel knows (1 µA/s): the ramp lasts 10^6 simulated seconds,
     * 10^9 ticks, far more than one iteration makes (a few 10^7 per second of benchmarking).
     */
    static final Prescription RAMP_UP_RX = Prescription.builder("bench-ramp-up")
            .drug(DrugTable.LIDOCAINE).activeElectrode(Polarity.ANODE)
            .targetMicroamps(1_000_000).electrodeAreaMm2(AREA_MM2)
            .rampMillis(1_000_000_000).doseMicroampMillis(DeviceProfile.MAX_HARD_CAP)
            .build();

    /** The phase under test: DELIVERING or RAMP_UP. */
    @Param({"DELIVERING", "RAMP_UP"})
    public KernelState phase;

    /** The simulated clock (µs): kept across iterations, so it never goes back. */
    private long nowMicros = 1_000_000L;
    /** The reused measurement holder. */
    private final Measurement measurement = new Measurement();
    private final CountingSink sink = new CountingSink();
    private SafetyKernel kernel;
    private long measuredFromMicros;

    @Setup(Level.Iteration)
    public void freshKernelInPhase() {
        if (phase != KernelState.DELIVERING && phase != KernelState.RAMP_UP) {
            throw new IllegalArgumentException("phase must be DELIVERING or RAMP_UP, was " + phase);
        }
        kernel = SafetyKernel.create(HARDWARE, PROFILE, sink);
        Prescription rx = phase == KernelState.DELIVERING ? DELIVERING_RX : RAMP_UP_RX;
        kernel.submit(Request.arm(1, rx, 0L));
        step();
        expect(KernelState.ARMED, "after arm");
        // Contact must be confirmed (500 ms in the window) before START is accepted.
        for (int i = 0; i < 10_000 && !kernel.contactConfirmed(); i++) {
            step();
        }
        kernel.submit(Request.start(2));
        step();
        expect(KernelState.RAMP_UP, "after start");
        if (phase == KernelState.DELIVERING) {
            for (int i = 0; i < 100_000 && kernel.state() == KernelState.RAMP_UP; i++) {
                step();
            }
            expect(KernelState.DELIVERING, "after the ramp");
        }
        sink.clear();
        measuredFromMicros = nowMicros;
    }

    /**
     * One tick: the plant reports the command in force back as the measured current, then the kernel
     * ticks one period later. Returns the new setpoint (consumed by JMH, so nothing is dead code).
     */
    @Benchmark
    public int tick() {
        return step();
    }

    @TearDown(Level.Iteration)
    public void checkStillInPhase() {
        expect(phase, "at the end of the iteration");
        long ticks = (nowMicros - measuredFromMicros) / PERIOD_MICROS;
        if (sink.others != 0) {
            throw new IllegalStateException("the kernel emitted " + sink.others + " events other than dose"
                    + " checkpoints during the iteration (last: " + sink.lastOther + "); the figures are not"
                    + " those of a steady " + phase + " tick");
        }
        // One checkpoint per simulated second (1000 ticks): the sink saw them, and nothing else.
        long expected = ticks / 1_000L;
        if (Math.abs(sink.checkpoints - expected) > 1) {
            throw new IllegalStateException("expected about " + expected + " dose checkpoints in " + ticks
                    + " ticks, saw " + sink.checkpoints);
        }
    }

    private int step() {
        long now = nowMicros + PERIOD_MICROS;
        nowMicros = now;
        boolean enabled = kernel.outputEnabled();
        int current = enabled ? kernel.setpointMicroamps() : 0;
        int millivolts = (int) ((long) current * LOAD_OHMS / 1_000L);
        measurement.set(now, current, millivolts, LOAD_OHMS,
                enabled ? StatusFlags.OUTPUT_ENABLED : StatusFlags.OUTPUT_SAFE);
        kernel.tick(now, measurement);
        return kernel.setpointMicroamps();
    }

    private void expect(KernelState state, String when) {
        if (kernel.state() != state) {
            throw new IllegalStateException("kernel in " + kernel.state() + " " + when + " (expected " + state
                    + "; last reason " + kernel.lastReason() + ", fault " + kernel.faultReason() + ", setpoint "
                    + kernel.setpointMicroamps() + " uA, dose " + kernel.deliveredDoseMicroampMillis() + " uA*ms)");
        }
    }

    /** A sink that drops every event and only counts them: no allocation, no I/O. */
    static final class CountingSink implements KernelEventSink {
        long checkpoints;
        long others;
        KernelEventType lastOther;

        @Override
        public void onEvent(KernelEventType type, long timeMicros, KernelState previous, KernelState current,
                            Reason reason, long requestId, long deliveredMicroampMillis) {
            if (type == KernelEventType.DOSE_CHECKPOINT) {
                checkpoints++;
            } else {
                others++;
                lastOther = type;
            }
        }

        void clear() {
            checkpoints = 0;
            others = 0;
            lastOther = null;
        }
    }
}
