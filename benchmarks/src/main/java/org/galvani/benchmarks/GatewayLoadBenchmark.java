package org.galvani.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
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
 * device, sampled and published every 100 ms. The figures, for one run of {@link #seconds}: data-change
 * notifications the clients received per second, the process's CPU use (server and clients: they share the
 * JVM), and the control loop's tick jitter. Run it with {@code -p clients=0} for the same run without
 * clients (the gateway still serves) to compare the jitter.
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
    static final String[] VARIABLES = {"State", "Setpoint", "OutputCurrent", "Impedance", "DeliveredDose",
        "PrescribedDose", "ContactOk", "Fault", "TreatmentId", "DeviceHealth"};

    @Param("50")
    public int devices;

    @Param({"10", "0"})
    public int clients;

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
        /** Process CPU over the measured window, % of one core (200 = both cores of a 2-core machine). */
        public double cpuPercentOfOneCore;
        /** Monitored items created (clients × devices × variables). */
        public long monitoredItems;
        /** Tick-period deviation percentiles and extremes over the runtime's life (µs). */
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
            bench.startTreatments(seconds);
            LongAdder notifications = new LongAdder();
            List<OpcUaSubscription> subscriptions = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                subscriptions.add(subscribeEverything(bench, bench.client(), notifications));
            }
            load.monitoredItems = (long) clients * devices * VARIABLES.length;
            // Let the initial values (one per item) arrive before the window opens.
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));

            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            TickStatistics.Mark window = bench.runtime.jitterMark();
            long cpuBefore = os.getProcessCpuTime();
            long countBefore = notifications.sum();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            double wallNanos = System.nanoTime() - start;
            load.notificationsPerSecond = (notifications.sum() - countBefore) / (wallNanos / 1e9);
            load.cpuPercentOfOneCore = 100.0 * (os.getProcessCpuTime() - cpuBefore) / wallNanos;

            // The window only: arming, starting and the clients' sessions and subscriptions are set-up.
            JitterReport report = bench.runtime.jitterSince(window);
            load.p50Micros = report.p50Micros();
            load.p99Micros = report.p99Micros();
            load.p999Micros = report.p999Micros();
            load.maxMicros = report.maxMicros();
            load.overruns = report.overruns();
            load.missedTicks = report.missedTicks();
            load.delivering = bench.runtime.channels().stream().map(Channel::snapshot)
                    .filter(s -> s.state() == KernelState.DELIVERING || s.state() == KernelState.RAMP_UP).count();
            for (OpcUaSubscription subscription : subscriptions) {
                subscription.delete();
            }
            return report;
        }
    }

    private OpcUaSubscription subscribeEverything(GatewayBench bench, OpcUaClient client, LongAdder notifications)
            throws Exception {
        OpcUaSubscription subscription = new OpcUaSubscription(client, INTERVAL_MILLIS);
        subscription.create();
        int namespace = client.getNamespaceTable().getIndex("urn:galvani:device").intValue();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            for (String variable : VARIABLES) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(namespace,
                        "Devices/" + GatewayBench.deviceId(d) + "/" + variable));
                item.setSamplingInterval(INTERVAL_MILLIS);
                item.setDataValueListener((monitored, value) -> notifications.increment());
                items.add(item);
            }
        }
        subscription.addMonitoredItems(items);
        subscription.synchronizeMonitoredItems();
        return subscription;
    }
}
