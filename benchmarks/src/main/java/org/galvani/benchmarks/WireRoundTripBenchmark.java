package org.galvani.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.galvani.drivers.wire.WireDriver;
import org.galvani.drivers.wire.WireDriverConfig;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One control period's traffic between {@link WireDriver} and the {@link DeviceEmulator} over TCP on
 * 127.0.0.1: {@code sample} (MEASURE out, MEASUREMENT back, decoded) then {@code apply} (SETPOINT out).
 * One call = one round trip plus one setpoint, back to back, so {@code thrpt} is the round trips per
 * second the pair sustains and {@code sample} the latency distribution of one period's I/O.
 *
 * <p>The emulator runs in host clock mode in the same JVM, on its own thread, with the output enabled at
 * 2 mA (so its watchdog is armed and refreshed by every SETPOINT; its timeout is stretched to 10 s so that
 * JMH's pauses between iterations are not a host failure). The driver's response timeout is the default
 * 500 µs: a reply slower than that is a miss, reported as the secondary result {@code missedReplies}
 * (and a late one as {@code lateReplies}); {@code @TearDown} fails the run if the readings do not show the
 * 2 mA or carry a fault other than the link and data faults that misses cause.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 1)
@Fork(2)
public class WireRoundTripBenchmark {

    private DeviceEmulator emulator;
    private WireDriver driver;
    private final Measurement reading = new Measurement();
    private long now;
    private int faults;
    private long missedAtStart;
    private long lateAtStart;
    private int lastCurrent;

    @Setup(Level.Trial)
    public void connect() throws IOException, DriverException {
        emulator = DeviceEmulator.start(EmulatorConfig.loopback().withWatchdogMillis(10_000));
        driver = WireDriver.tcp(WireDriverConfig.loopback(emulator.port()).withReconnectIntervalMillis(0));
        driver.open();
        // Cold code on both sides misses the 500 us deadline at first: warm up before anything counts.
        for (int i = 0; i < 20_000; i++) {
            now += 1_000;
            driver.sample(now, reading);
            driver.apply(now, 2_000, true, Polarity.ANODE);
        }
        // A single late reply on a busy machine is not a broken set-up; three in a row are.
        if (!driver.selfTest().passed() && !driver.selfTest().passed() && !driver.selfTest().passed()) {
            throw new IllegalStateException("emulator self-test failed three times");
        }
        missedAtStart = driver.missedReplies();
        lateAtStart = driver.lateReplies();
        faults = 0;
    }

    @Benchmark
    public int roundTrip() {
        now += 1_000;
        driver.sample(now, reading);
        driver.apply(now, 2_000, true, Polarity.ANODE);
        faults |= reading.statusFlags() & StatusFlags.FAULT_MASK;
        lastCurrent = reading.currentMicroamps();
        return lastCurrent;
    }

    /** Replies that missed the 500 µs timeout, per iteration (JMH sums them over iterations and forks). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Misses {
        public long missedReplies;
        public long lateReplies;
    }

    @TearDown(Level.Iteration)
    public void count(Misses misses) {
        misses.missedReplies = driver.missedReplies() - missedAtStart;
        misses.lateReplies = driver.lateReplies() - lateAtStart;
        missedAtStart = driver.missedReplies();
        lateAtStart = driver.lateReplies();
    }

    @TearDown(Level.Trial)
    public void disconnect() {
        driver.close();
        emulator.close();
        // Misses and the faults they cause (LINK_FAULT, DATA_FAULT for a reply cut off at the deadline)
        // are what is measured; anything else means the set-up is wrong.
        int unexpected = faults & ~(StatusFlags.LINK_FAULT | StatusFlags.DATA_FAULT);
        if (unexpected != 0 || lastCurrent != 2_000) {
            throw new IllegalStateException("wrong workload: fault flags 0x" + Integer.toHexString(faults)
                    + ", last current " + lastCurrent + " uA (expected 2000)");
        }
    }
}
