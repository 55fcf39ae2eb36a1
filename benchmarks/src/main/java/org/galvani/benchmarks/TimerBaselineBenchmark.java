package org.galvani.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control for {@link KernelTickBenchmark}'s percentiles: an almost empty operation measured the
 * same way. In {@link Mode#SampleTime} JMH reads {@link System#nanoTime()} around every sampled call, so
 * each sample includes the timer's own cost and is rounded to its resolution; this benchmark's
 * percentiles are that floor on the machine at hand. A kernel-tick percentile close to this floor says
 * "no more than the timer can resolve", not the tick's own duration (use the AverageTime score for that).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class TimerBaselineBenchmark {

    private long counter;

    @Benchmark
    public long increment() {
        return ++counter;
    }
}
