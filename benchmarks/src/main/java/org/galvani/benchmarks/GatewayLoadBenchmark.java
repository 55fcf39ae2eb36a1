package org.galvani.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.galvani.app.run.RealtimeScheduling;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.JitterReport;
import org.galvani.kernel.runtime.TickStatistics;
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
 * The gateway under subscription load: {@link #devices} {@code sim} channels in one runtime (one control
 * loop ticking all of them at 1 kHz), all delivering a treatment, served by the OPC UA gateway; {@link #clients}
 * Milo sessions (Basic256Sha256 / SignAndEncrypt, in this JVM) each subscribed to every variable of every
 * device, sampled and published every 100 ms. The clients run in a process of their own
 * ({@link GatewayClientsMain}), as clinic systems do, unless {@code -p clientProcess=false} puts them in the
 * server's JVM. The figures, for one run of {@link #seconds}: data-change notifications the clients received
 * per second, the server's and the clients' CPU use, and the control loop's tick jitter. Run it with
 * {@code -p clients=0} for the same run without clients (the gateway still serves) to compare the jitter,
 * and with {@code -p loopPriority=N} for the control loop under SCHED_FIFO at N (as
 * {@code galvani run --realtime-priority N}; needs CAP_SYS_NICE).
 *
 * <p>One invocation is one run (SingleShotTime, one iteration, one fork, as in RuntimeJitterBenchmark):
 * the jitter percentiles cover the measured window only ({@code KernelRuntime.jitterSince}), after the
 * treatments have started and the clients have subscribed and received their first values, so that
 * both runs compare the same steady state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class GatewayLoadBenchmark {

    static final double INTERVAL_MILLIS = 100.0;

    @Param("50")
    public int devices;

    @Param({"10", "0"})
    public int clients;

    /** Whether the clients run in a process of their own (true) or in the server's JVM. */
    @Param("true")
    public boolean clientProcess;

    /** The control loop's SCHED_FIFO priority (1 to 99), or 0 for normal priority. */
    @Param("0")
    public int loopPriority;

    /** The profile's tick-gap limit (ms): 10 as shipped; larger keeps late ticks on a busy machine from faulting. */
    @Param("10")
    public int tickGapMillis;

    /** Wall-clock length of the measured window, after the subscriptions are in place (s). */
    @Param("30")
    public int seconds;

    /** The run's figures, as JMH secondary results. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Load {
        /** Data-change notifications received by all clients per second of the measured window. */
        public double notificationsPerSecond;
        /** The server JVM's CPU over the measured window, % of one core (200 = both cores of a 2-core machine). */
        public double cpuPercentOfOneCore;
        /** The client process's CPU over the window, % of one core (0 when the clients share the server's JVM). */
        public double clientCpuPercentOfOneCore;
        /** Monitored items created (clients × devices × variables). */
        public long monitoredItems;
        /** Tick-period deviation percentiles and extremes over the measured window (µs). */
        public long p50Micros;
        public long p99Micros;
        public long p999Micros;
        public long maxMicros;
        public long overruns;
        public long missedTicks;
        /** Channels still delivering at the end (a kernel that latched a timing fault is not). */
        public long delivering;
    }

    @Setup(Level.Trial)
    public void checkRunShape(BenchmarkParams params) {
        if (params.getMeasurement().getCount() != 1 || params.getForks() > 1) {
            throw new IllegalArgumentException("GatewayLoadBenchmark reports one run: use -i 1 -f 1");
        }
    }

    @Benchmark
    public JitterReport run(Load load) throws Exception {
        try (GatewayBench bench = new GatewayBench(devices, seconds, tickGapMillis)) {
            if (loopPriority > 0) {
                RealtimeScheduling.applyToControlLoop(loopPriority);
            }
            bench.startTreatments(seconds);
            LongAdder inJvm = new LongAdder();
            List<OpcUaSubscription> subscriptions = new ArrayList<>();
            ClientProcess process = null;
            try {
                if (clientProcess && clients > 0) {
                    process = new ClientProcess(bench, clients, devices, INTERVAL_MILLIS);
                } else {
                    for (int c = 0; c < clients; c++) {
                        subscriptions.add(BenchClient.subscribeEverything(bench.client(), devices, INTERVAL_MILLIS, inJvm));
                    }
                }
                load.monitoredItems = (long) clients * devices * BenchClient.VARIABLES.length;
                // Let the initial values (one per item) arrive before the window opens.
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
                return measure(bench, load, inJvm, process);
            } finally {
                for (OpcUaSubscription subscription : subscriptions) {
                    subscription.delete();
                }
                if (process != null) {
                    process.close();
                }
            }
        }
    }

    /** The measured window: notifications, CPU, and the loop's timing over exactly these seconds. */
    private JitterReport measure(GatewayBench bench, Load load, LongAdder inJvm, ClientProcess process) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // The window only: arming, starting and the clients' sessions and subscriptions are set-up.
        TickStatistics.Mark window = bench.runtime.jitterMark();
        long cpuBefore = os.getProcessCpuTime();
        Duration clientCpuBefore = process == null ? Duration.ZERO : process.cpu();
        long countBefore = process == null ? inJvm.sum() : process.notifications();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
        double wallNanos = System.nanoTime() - start;
        long countAfter = process == null ? inJvm.sum() : process.notifications();
        load.notificationsPerSecond = (countAfter - countBefore) / (wallNanos / 1e9);
        load.cpuPercentOfOneCore = 100.0 * (os.getProcessCpuTime() - cpuBefore) / wallNanos;
        load.clientCpuPercentOfOneCore = process == null ? 0.0
                : 100.0 * process.cpu().minus(clientCpuBefore).toNanos() / wallNanos;

        JitterReport report = bench.runtime.jitterSince(window);
        load.p50Micros = report.p50Micros();
        load.p99Micros = report.p99Micros();
        load.p999Micros = report.p999Micros();
        load.maxMicros = report.maxMicros();
        load.overruns = report.overruns();
        load.missedTicks = report.missedTicks();
        load.delivering = bench.runtime.channels().stream().map(Channel::snapshot)
                .filter(s -> s.state() == KernelState.DELIVERING || s.state() == KernelState.RAMP_UP).count();
        return report;
    }
}
