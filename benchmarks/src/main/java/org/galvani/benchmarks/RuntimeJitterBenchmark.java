package org.galvani.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.JitterReport;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The real-time {@link KernelRuntime} at 1 kHz with one {@link SimulatedOutputStage} channel delivering a
 * treatment for {@link #seconds} of wall time; the figures are the control loop's own timing
 * ({@link KernelRuntime#jitter()}): how far each tick period deviated from 1000 µs, how many ticks overran
 * the period or were skipped.
 *
 * <p>One invocation is one whole run: a fresh runtime is built and started, a prescription is armed and
 * started through the channel's request API (start is retried until contact is confirmed, about 0.5 s),
 * the treatment runs for {@code seconds}, and the jitter report is read just before the runtime closes.
 * The report therefore covers the runtime's whole life, arm and start included. Hence
 * {@link Mode#SingleShotTime} with one measurement iteration: the primary score is only the run's length;
 * the figures are secondary results, {@link AuxCounters.Type#EVENTS} fields of {@link Jitter}, reported as
 * they are. JMH sums EVENTS counters over iterations and forks, which would make percentiles meaningless,
 * so the setup refuses any run with more than one measurement iteration or more than one fork.
 *
 * <p>The loop runs for the full time whatever happens to the treatment. If a tick comes later than the
 * profile's tick-gap limit (10 ms) the kernel latches a TICK_OVERRUN fault, as it must: that is a result,
 * reported as {@code delivering = 0} next to the timing figures. Any other end of the treatment (a
 * refused request, a halted channel, lost events) is an error of the set-up and fails the run.
 *
 * <p>Before the run, the same scenario is warmed up (unless {@code warmupSeconds} is 0): 100,000 ticks in
 * simulated time, then {@code warmupSeconds} in real time on a throwaway runtime, so that the measured run
 * sees compiled code, as a device does after its first seconds; then a full GC, so that the warm-ups'
 * garbage is not collected during the measured run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class RuntimeJitterBenchmark {

    static final int PERIOD_MICROS = 1_000;
    static final int TARGET_MICROAMPS = 4_000;
    static final int RAMP_MILLIS = 10_000;
    static final String CHANNEL = "bench";
    static final String ORIGIN = "benchmark";

    /** Wall-clock length of the treatment in the measured run (s). */
    @Param("60")
    public int seconds;

    /** How long before each deadline the loop stops parking and spins (µs); the runtime's default is 100. */
    @Param({"100", "0"})
    public long spinMicros;

    /** Real-time warm-up on a throwaway runtime before the measured run (s); 0 also skips the simulated one. */
    @Param("5")
    public int warmupSeconds;

    /** The measured run's figures, as JMH secondary results ("#": plain values, µs or counts). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Jitter {
        /** Tick periods measured. */
        public long ticks;
        /** Median absolute deviation of the tick period from 1000 µs (µs). */
        public long p50Micros;
        /** 99th percentile (µs). */
        public long p99Micros;
        /** 99.9th percentile (µs). */
        public long p999Micros;
        /** Largest deviation (µs). */
        public long maxMicros;
        /** Ticks whose work took longer than the period. */
        public long overruns;
        /** Scheduled ticks skipped because the loop was a whole period or more late. */
        public long missedTicks;
        /** The longest time one tick's work took (µs). */
        public long maxWorkMicros;
        /**
         * 1 if the treatment was still delivering at the end of the run; 0 if the kernel latched a
         * timing fault (a tick gap beyond the profile's 10 ms, or a stale measurement) on the way.
         */
        public long delivering;
        /** Bytes the control-loop thread allocated over the run (from the JVM's per-thread counter). */
        public long loopAllocatedBytes;
        /** Bytes the event-dispatcher thread allocated over the run. */
        public long dispatcherAllocatedBytes;
    }

    @Setup(Level.Trial)
    public void checkRunShapeAndWarmUp(BenchmarkParams params) throws Exception {
        if (params.getMeasurement().getCount() != 1 || params.getForks() > 1) {
            throw new IllegalArgumentException("RuntimeJitterBenchmark reports one run's percentiles: run it with"
                    + " one measurement iteration and at most one fork (-i 1 -f 1), not -i "
                    + params.getMeasurement().getCount() + " -f " + params.getForks()
                    + "; repeat the command to see run-to-run spread");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds must be at least 1, was " + seconds);
        }
        if (warmupSeconds > 0) {
            warmUpInSimulatedTime(100_000);
            runTreatment(warmupSeconds);
        }
        // The warm-ups' garbage (and JMH's start-up) must not be collected in the measured run: the
        // pause would be charged to the runtime. What the runtime itself allocates still is.
        System.gc();
    }

    @Benchmark
    public KernelSnapshot run(Jitter jitter) throws Exception {
        Run run = runTreatment(seconds);
        JitterReport report = run.report;
        jitter.ticks = report.ticks();
        jitter.p50Micros = report.p50Micros();
        jitter.p99Micros = report.p99Micros();
        jitter.p999Micros = report.p999Micros();
        jitter.maxMicros = report.maxMicros();
        jitter.overruns = report.overruns();
        jitter.missedTicks = report.missedTicks();
        jitter.maxWorkMicros = report.maxWorkMicros();
        jitter.delivering = run.delivering ? 1 : 0;
        jitter.loopAllocatedBytes = run.loopAllocatedBytes;
        jitter.dispatcherAllocatedBytes = run.dispatcherAllocatedBytes;
        return run.last;
    }

    /** The prescription: 4 mA of lidocaine, 10 s ramp, a dose that lasts twice the run plus two minutes. */
    static Prescription prescription(String id, int seconds) {
        return Prescription.builder(id)
                .drug(DrugTable.LIDOCAINE).activeElectrode(Polarity.ANODE)
                .targetMicroamps(TARGET_MICROAMPS).electrodeAreaMm2(1_000)
                .rampMillis(RAMP_MILLIS).doseMicroampMillis(doseFor(seconds))
                .build();
    }

    static long doseFor(int seconds) {
        return (long) TARGET_MICROAMPS * (2L * seconds + 120L) * 1_000L;
    }

    /** The drug-delivery patch profile as shipped; its hard cap raised only if a long run needs it. */
    static DeviceProfile profileFor(int seconds) {
        DeviceProfile patch = DeviceProfile.drugDeliveryPatch();
        long dose = doseFor(seconds);
        return dose <= patch.hardCapMicroampMillis() ? patch
                : patch.toBuilder().hardCapMicroampMillis(dose).build();
    }

    private KernelRuntime newRuntime(int seconds) {
        return KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS)
                .spinMicros(spinMicros)
                .channel(CHANNEL, profileFor(seconds), new SimulatedOutputStage(SimulatorConfig.patchDefaults()))
                .build();
    }

    /**
     * A real-time run: start, arm, start the treatment, let it run {@code runSeconds}, report, close.
     * The loop runs the full time whatever the kernel does; a kernel that latched a timing fault
     * (a tick gap beyond its limit, a stale measurement) is a result of the run, not an error of the
     * benchmark, and is reported as {@code delivering = 0}. Anything else that stops the treatment
     * (a refused prescription, a halted channel, lost events) is a fault of the set-up and throws.
     */
    private Run runTreatment(int runSeconds) throws Exception {
        try (KernelRuntime runtime = newRuntime(runSeconds)) {
            runtime.start();
            Channel channel = runtime.channel(CHANNEL);
            boolean running = expectAccepted(channel.arm(prescription("jitter-" + System.nanoTime(), runSeconds),
                    ORIGIN).get(5, TimeUnit.SECONDS), "arm", runtime, channel);
            if (running) {
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                RequestOutcome started;
                do {
                    started = channel.start(ORIGIN).get(5, TimeUnit.SECONDS);
                    if (!started.accepted() && started.reason() == Reason.CONTACT_NOT_CONFIRMED) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                    }
                } while (!started.accepted() && started.reason() == Reason.CONTACT_NOT_CONFIRMED
                        && System.nanoTime() < giveUp);
                expectAccepted(started, "start", runtime, channel);
            }
            // The treatment runs runSeconds from its start; the runtime ran ~0.5 s more (arm, contact).
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(runSeconds);
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            KernelSnapshot last = channel.snapshot();
            JitterReport report = runtime.jitter();
            long loopBytes = allocatedBytes("galvani-control-loop");
            long dispatcherBytes = allocatedBytes("galvani-event-dispatcher");
            boolean delivering = last.state() == KernelState.RAMP_UP || last.state() == KernelState.DELIVERING;
            if ((!delivering && !timingFault(last)) || last.halted() || channel.droppedEvents() != 0) {
                throw new IllegalStateException("the treatment did not keep delivering for the whole run: state "
                        + last.state() + ", last reason " + last.lastReason() + ", fault " + last.faultReason()
                        + ", halted " + last.halted() + ", dropped events " + channel.droppedEvents()
                        + "; loop timing: " + report.describe());
            }
            return new Run(report, last, delivering, loopBytes, dispatcherBytes);
        }
    }

    /** Simulated time (the same channel, kernel and driver code, no clock): lets the JIT compile them. */
    private void warmUpInSimulatedTime(int ticks) throws Exception {
        try (KernelRuntime runtime = newRuntime(ticks / 1_000)) {
            Channel channel = runtime.channel(CHANNEL);
            long now = 0L;
            CompletableFuture<RequestOutcome> armed = channel.arm(prescription("warm-up", ticks / 1_000), ORIGIN);
            runtime.advanceTo(now += PERIOD_MICROS);
            expectAccepted(armed.get(), "arm (simulated warm-up)", runtime, channel);
            CompletableFuture<RequestOutcome> started = null;
            for (int i = 0; i < ticks; i++) {
                if (started == null && i == 1_000) {
                    started = channel.start(ORIGIN);
                }
                runtime.advanceTo(now += PERIOD_MICROS);
            }
            expectAccepted(started.get(), "start (simulated warm-up)", runtime, channel);
            KernelState state = channel.snapshot().state();
            if (state != KernelState.DELIVERING) {
                throw new IllegalStateException("simulated warm-up ended in " + state + ", not DELIVERING");
            }
        }
    }

    /**
     * True if accepted; false if refused because the kernel latched a timing fault (a result of the run);
     * throws for any other refusal (a fault of the benchmark's set-up).
     */
    private static boolean expectAccepted(RequestOutcome outcome, String what, KernelRuntime runtime,
                                          Channel channel) {
        if (outcome.accepted()) {
            return true;
        }
        if (timingFault(channel.snapshot())) {
            return false;
        }
        throw new IllegalStateException(what + " was " + outcome.describe() + " (state " + outcome.stateAtDecision()
                + "); loop timing: " + runtime.jitter().describe());
    }

    /** A fault the kernel latches because the loop was late or the measurement stale. */
    private static boolean timingFault(KernelSnapshot snapshot) {
        return snapshot.state() == KernelState.FAULT && (snapshot.faultReason() == Reason.TICK_OVERRUN
                || snapshot.faultReason() == Reason.MEASUREMENT_STALE);
    }

    /**
     * What the live thread of this name has allocated so far (bytes), or -1 if the JVM cannot tell. The
     * runtime's threads are new for each run, so this is the run's allocation.
     */
    private static long allocatedBytes(String threadName) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean)) {
            return -1L;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(threadName)) {
                return threads.getThreadAllocatedBytes(thread.getId());
            }
        }
        return -1L;
    }

    private record Run(JitterReport report, KernelSnapshot last, boolean delivering, long loopAllocatedBytes,
                       long dispatcherAllocatedBytes) {
    }
}
