package org.galvani.kernel.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.HardwareLimits;
import org.galvani.kernel.port.ChannelEventSink;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.port.InMemoryDoseLedger;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.DriverException;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-loop runtime: channels (a kernel and a driver each), the control loop that ticks them, and
 * the dispatcher that records their events.
 *
 * <p>Two ways to run it:
 * <ul>
 *   <li>{@link #start()}: real time. A control-loop thread ticks every channel at the fixed period; a
 *       dispatcher thread records events and answers requests.</li>
 *   <li>{@link #advanceTo(long)}: simulated time. The caller steps all channels once at the time it
 *       gives and events are dispatched before it returns: the same code paths, deterministic and as fast
 *       as the machine allows (the demo and most tests).</li>
 * </ul>
 */
@Implements({"SRS-KRN-029", "SRS-KRN-034"})
public final class KernelRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KernelRuntime.class);

    /**
     * The default time a stage may keep driving after the host goes silent (ms): far longer than the
     * watchdogs of the shipped stages (the in-process simulator stops with the host; the wire device's
     * firmware watchdog defaults to 50 ms), so that the recovered dose errs high.
     */
    public static final int DEFAULT_STAGE_HOLD_MILLIS = 1_000;

    /** The longest stage hold a runtime accepts (ms; one hour). */
    public static final int MAX_STAGE_HOLD_MILLIS = 3_600_000;

    private final Map<String, Channel> channels;
    /** The same channels as an array, for the per-tick and per-dispatch loops (no iterator allocated). */
    private final Channel[] channelArray;
    private final MonotonicClock clock;
    private final int periodMicros;
    private final long spinMicros;
    /** The shortest time between two tick starts (see {@link TickSchedule}). */
    private final long minTickSpacingMicros;
    /** What {@link #jitter()} reports before the loop starts (and in simulated time): nothing recorded. */
    private final TickStatistics idleStatistics;
    private ControlLoop loop;
    private Thread dispatcher;
    private volatile boolean dispatching;
    private boolean closed;

    private KernelRuntime(Builder b, Map<String, Channel> channels, long minTickSpacingMicros) {
        this.channels = Collections.unmodifiableMap(channels);
        this.channelArray = channels.values().toArray(new Channel[0]);
        this.clock = b.clock;
        this.periodMicros = b.periodMicros;
        this.spinMicros = b.spinMicros;
        this.minTickSpacingMicros = minTickSpacingMicros;
        this.idleStatistics = new TickStatistics(periodMicros);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The channel with this ID; throws {@link IllegalArgumentException} naming the known ones otherwise. */
    public Channel channel(String id) {
        Channel channel = channels.get(id);
        if (channel == null) {
            throw new IllegalArgumentException("no channel '" + id + "'; channels are " + channels.keySet());
        }
        return channel;
    }

    /** All channels, in the order they were added. */
    public List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    /** The control period (µs). */
    public int periodMicros() {
        return periodMicros;
    }

    /** Starts the control loop and the dispatcher threads (real time). */
    public synchronized void start() {
        if (closed || loop != null) {
            throw new IllegalStateException("runtime already started or closed");
        }
        loop = new ControlLoop("galvani-control-loop", List.of(channelArray), clock,
                new TickSchedule(clock.nowMicros(), periodMicros, minTickSpacingMicros), spinMicros);
        dispatching = true;
        dispatcher = new Thread(this::dispatchLoop, "galvani-event-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
        loop.start();
    }

    /**
     * Simulated time: steps every channel once at {@code nowMicros}, then dispatches their events on the
     * caller's thread. Not allowed while the real-time loop runs.
     */
    public void advanceTo(long nowMicros) {
        if (loop != null) {
            throw new IllegalStateException("advanceTo is for simulated time; the real-time loop is running");
        }
        for (Channel channel : channelArray) {
            channel.step(nowMicros);
        }
        dispatchAll();
    }

    /** The control loop's timing so far (zeros in simulated time). */
    public JitterReport jitter() {
        return statistics().report();
    }

    /**
     * Marks now in the control loop's timing, for {@link #jitterSince}: a measurement window. Mark after
     * {@link #start()}: a mark made before belongs to no loop, and {@link #jitterSince} refuses it.
     */
    public TickStatistics.Mark jitterMark() {
        return statistics().mark();
    }

    /** The control loop's timing since {@code mark} (see {@link TickStatistics#reportSince}). */
    public JitterReport jitterSince(TickStatistics.Mark mark) {
        return statistics().reportSince(mark);
    }

    private TickStatistics statistics() {
        ControlLoop current = loop;
        return current == null ? idleStatistics : current.statistics();
    }

    /**
     * Stops the loop, disables every output, records the remaining events and closes the drivers.
     * A treatment still running is cut off, not ramped down: end treatments with stop requests first.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop != null) {
            try {
                loop.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Channel channel : channels.values()) {
            survive(channel.id(), "safe disable", channel.driver()::safeDisable);
        }
        dispatching = false;
        if (dispatcher != null) {
            LockSupport.unpark(dispatcher);
            try {
                dispatcher.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatchAll();
        for (Channel channel : channels.values()) {
            channel.closingCheckpoint();
        }
        for (Channel channel : channels.values()) {
            survive(channel.id(), "close", channel.driver()::close);
        }
    }

    /** One driver that breaks its promise not to throw must not leave the other channels enabled or open. */
    private static void survive(String channelId, String what, Runnable driverCall) {
        try {
            driverCall.run();
        } catch (RuntimeException | Error e) {
            LOG.error("channel {}: driver {} threw; carrying on with the other channels", channelId, what, e);
        }
    }

    private void dispatchLoop() {
        while (dispatching) {
            if (dispatchAll() == 0) {
                LockSupport.parkNanos(1_000_000L);
            }
        }
    }

    private int dispatchAll() {
        int count = 0;
        for (Channel channel : channelArray) {
            count += channel.dispatch();
        }
        return count;
    }

    /** Assembles a runtime: opens and self-tests every driver, then creates one kernel per channel. */
    public static final class Builder {
        private MonotonicClock clock = MonotonicClock.system();
        private int periodMicros = 1_000;
        private long spinMicros = 100;
        private DoseLedger ledger = new InMemoryDoseLedger();
        private int requestCapacity = 64;
        private int eventCapacity = 4_096;
        private long selfTestIntervalMicros = 10_000_000L;
        private int stageHoldMillis = DEFAULT_STAGE_HOLD_MILLIS;
        private final List<ChannelEventSink> sinks = new ArrayList<>();
        private final List<ChannelSpec> specs = new ArrayList<>();

        private Builder() {
        }

        /** The clock the real-time loop reads (default: the JVM's monotonic clock). */
        public Builder clock(MonotonicClock clock) {
            this.clock = clock;
            return this;
        }

        /** The control period (µs; default 1000 = 1 kHz). */
        public Builder periodMicros(int periodMicros) {
            this.periodMicros = periodMicros;
            return this;
        }

        /** How long before each deadline the loop stops sleeping and spins (µs; default 100). */
        public Builder spinMicros(long spinMicros) {
            this.spinMicros = spinMicros;
            return this;
        }

        public Builder ledger(DoseLedger ledger) {
            this.ledger = ledger;
            return this;
        }

        /** A sink added to every channel. */
        public Builder sink(ChannelEventSink sink) {
            this.sinks.add(sink);
            return this;
        }

        public Builder requestCapacity(int requestCapacity) {
            this.requestCapacity = requestCapacity;
            return this;
        }

        /**
         * How often each driver's self-test runs between two ticks, in every state (default 10 s); it
         * also runs before every ARM request reaches the kernel.
         */
        public Builder selfTestIntervalMicros(long selfTestIntervalMicros) {
            this.selfTestIntervalMicros = selfTestIntervalMicros;
            return this;
        }

        /**
         * How long an output stage may keep driving its last command after the host goes silent (a
         * crash), until its own watchdog disables it (ms, 0 to 3,600,000; default
         * {@value KernelRuntime#DEFAULT_STAGE_HOLD_MILLIS}). The dose ledger adds the most current that
         * can flow in this time to the dose it counts for a treatment interrupted by a crash.
         */
        @Implements("SRS-KRN-039")
        public Builder stageHoldMillis(int stageHoldMillis) {
            this.stageHoldMillis = stageHoldMillis;
            return this;
        }

        public Builder eventCapacity(int eventCapacity) {
            this.eventCapacity = eventCapacity;
            return this;
        }

        /** Adds a channel driven by {@code driver} under {@code profile}. */
        public Builder channel(String id, DeviceProfile profile, OutputStageDriver driver) {
            specs.add(new ChannelSpec(id, profile, driver));
            return this;
        }

        /**
         * Opens every driver, runs its self-test, and creates the kernels. Throws
         * {@link IllegalArgumentException} for bad configuration and {@link IllegalStateException} when a
         * driver cannot be opened or fails its self-test (its output is left disabled).
         */
        public KernelRuntime build() {
            if (specs.isEmpty()) {
                throw new IllegalArgumentException("runtime: no channels configured");
            }
            if (clock == null || ledger == null) {
                throw new IllegalArgumentException("runtime: clock and ledger are required");
            }
            if (selfTestIntervalMicros < periodMicros) {
                throw new IllegalArgumentException("runtime: selfTestIntervalMicros must be at least the period ("
                        + periodMicros + " us), was " + selfTestIntervalMicros);
            }
            if (stageHoldMillis < 0 || stageHoldMillis > MAX_STAGE_HOLD_MILLIS) {
                throw new IllegalArgumentException("runtime: stageHoldMillis must be from 0 to " + MAX_STAGE_HOLD_MILLIS
                        + " ms, was " + stageHoldMillis);
            }
            if (spinMicros < 0 || spinMicros > periodMicros) {
                throw new IllegalArgumentException("runtime: spinMicros must be between 0 and the period ("
                        + periodMicros + " us), was " + spinMicros);
            }
            Map<String, Channel> channels = new LinkedHashMap<>();
            List<ChannelSpec> opened = new ArrayList<>();
            // Three quarters of a period lets the load settle after a setpoint step; no less than any stage supports.
            long minTickSpacing = periodMicros - periodMicros / 4;
            try {
                for (ChannelSpec spec : specs) {
                    if (spec.id() == null || spec.id().isBlank() || channels.containsKey(spec.id())) {
                        throw new IllegalArgumentException("runtime: channel ID '" + spec.id()
                                + "' is missing or used twice");
                    }
                    DriverCapabilities capabilities = spec.driver().capabilities();
                    HardwareLimits hardware = capabilities.hardwareLimits(periodMicros);
                    minTickSpacing = Math.max(minTickSpacing, capabilities.minControlPeriodMicros());
                    openAndTest(spec);
                    opened.add(spec);
                    Channel channel = new Channel(spec.id(), hardware, spec.profile(), spec.driver(), ledger,
                            requestCapacity, eventCapacity, selfTestIntervalMicros, stageHoldMillis);
                    sinks.forEach(channel::addSink);
                    channels.put(spec.id(), channel);
                }
            } catch (RuntimeException e) {
                // A driver that throws while closing must not hide why the build failed.
                opened.forEach(spec -> survive(spec.id(), "close", spec.driver()::close));
                throw e;
            }
            return new KernelRuntime(this, channels, minTickSpacing);
        }

        private static void openAndTest(ChannelSpec spec) {
            OutputStageDriver driver = spec.driver();
            String which = "channel '" + spec.id() + "': driver '" + driver.capabilities().name() + "'";
            try {
                driver.open();
            } catch (DriverException | RuntimeException e) {
                survive(spec.id(), "safe disable", driver::safeDisable);
                throw new IllegalStateException(which + " could not be opened: " + e.getMessage(), e);
            }
            SelfTestResult result;
            try {
                result = driver.selfTest();
            } catch (RuntimeException e) {
                survive(spec.id(), "close", driver::close);
                throw new IllegalStateException(which + " failed its self-test: it threw " + e, e);
            }
            if (result == null || !result.passed()) {
                survive(spec.id(), "close", driver::close);
                throw new IllegalStateException(which + " failed its self-test: "
                        + (result == null ? "no result" : result.detail()));
            }
            LOG.info("channel {}: driver {} opened, self-test passed ({})", spec.id(), driver.capabilities().name(),
                    result.detail());
        }
    }

    private record ChannelSpec(String id, DeviceProfile profile, OutputStageDriver driver) {
    }
}
