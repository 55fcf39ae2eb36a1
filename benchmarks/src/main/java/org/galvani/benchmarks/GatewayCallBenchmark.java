package org.galvani.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One method call's round trip over loopback with Basic256Sha256 / SignAndEncrypt: a clinician calls Stop
 * on an idle device, which the kernel refuses (Bad_InvalidState) in its next tick. The round trip therefore
 * includes the role check, the request queue, the kernel's decision (up to one 1 ms control period), the
 * audit record and audit event, and the encrypted answer. SampleTime gives the percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class GatewayCallBenchmark {

    private GatewayBench bench;
    private OpcUaClient client;
    private CallMethodRequest stop;

    @Setup(Level.Trial)
    public void start() throws Exception {
        bench = new GatewayBench(1, 60, 10);
        client = bench.client();
        int namespace = client.getNamespaceTable().getIndex("urn:galvani:device").intValue();
        String device = "Devices/" + GatewayBench.deviceId(0);
        stop = new CallMethodRequest(new NodeId(namespace, device), new NodeId(namespace, device + "/Stop"),
                new Variant[0]);
    }

    @Benchmark
    public StatusCode refusedStop() throws Exception {
        StatusCode status = client.call(List.of(stop)).getResults()[0].getStatusCode();
        if (status.value() != StatusCodes.Bad_InvalidState) {
            throw new IllegalStateException("expected the kernel's refusal, got " + status);
        }
        return status;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        bench.close();
    }
}
