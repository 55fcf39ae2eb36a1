package org.galvani.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.galvani.traceability.TracePolicy;
import org.galvani.traceability.TraceResult;
import org.galvani.traceability.TraceSources;
import org.galvani.traceability.Traceability;
import org.galvani.traceability.Tracer;
import org.galvani.traceability.Verdict;
import org.galvani.traceability.corpus.CorpusShape;
import org.galvani.traceability.corpus.GalvaniCorpus;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The traceability matrix end to end on a generated checkout ({@link GalvaniCorpus}; by default the shape
 * {@link CorpusShape#benchmark()}): 10,000 requirements in 10
 * modules, 2,000 hazards with 2,000 risk controls, 10,000 {@code @Implements} and 50,000 {@code @Verifies} test
 * methods in class files, and 50,000 test cases in 5,000 Surefire reports. {@code trace}: read everything, build
 * the chain and judge it; {@code traceAndWrite}: the same plus writing the HTML, CSV, JSON, ReqIF and gap files.
 * Single-shot: each invocation is one cold-cache-free run, as a build does it once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class TraceBenchmark {

    @Param("10000")
    int requirements;
    @Param("2000")
    int hazards;
    @Param("50000")
    int tests;

    private Path root;
    private TraceSources sources;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        root = Files.createTempDirectory("galvani-trace-corpus");
        GalvaniCorpus.write(root, new CorpusShape(10, requirements, hazards, tests));
        sources = TraceSources.discover(root);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public Verdict trace() throws Exception {
        TraceResult result = Tracer.trace(sources);
        return Verdict.of(result, TracePolicy.defaults());
    }

    @Benchmark
    public Traceability.Run traceAndWrite() throws Exception {
        return Traceability.run(sources, TracePolicy.defaults(), root.resolve("evidence"));
    }
}
