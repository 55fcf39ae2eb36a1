package org.galvani.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.DriverException;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.kernel.testing.TestStage;

/**
 * A {@link TestStage} behind a recorder: logs every SPI call in order (with the calling thread), and can
 * misbehave in the ways TestStage cannot: a checked or unchecked failure from open, a self-test that
 * throws or returns nothing, an {@link Error} from sample, a safe disable that breaks its promise not to
 * throw.
 */
final class RecordingDriver implements OutputStageDriver {

    private final TestStage stage;
    private final List<SpiCall> calls = new ArrayList<>();

    private volatile Exception openFailure;
    private volatile RuntimeException selfTestFailure;
    private volatile boolean selfTestReturnsNull;
    private volatile Error sampleError;
    private volatile RuntimeException safeDisableFailure;

    RecordingDriver() {
        this(new TestStage());
    }

    RecordingDriver(TestStage stage) {
        this.stage = stage;
    }

    /** The stage behind the recorder, for its own knobs and observations. */
    TestStage stage() {
        return stage;
    }

    /** Every call so far, in order. */
    List<SpiCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    long count(String method) {
        return calls().stream().filter(call -> call.is(method)).count();
    }

    RecordingDriver failOpenWith(Exception failure) {
        this.openFailure = failure;
        return this;
    }

    RecordingDriver failSelfTestWith(RuntimeException failure) {
        this.selfTestFailure = failure;
        return this;
    }

    RecordingDriver selfTestReturnsNull() {
        this.selfTestReturnsNull = true;
        return this;
    }

    RecordingDriver failSampleWith(Error error) {
        this.sampleError = error;
        return this;
    }

    /** Safe disable throws this and does not disable (null: behave). */
    RecordingDriver failSafeDisableWith(RuntimeException failure) {
        this.safeDisableFailure = failure;
        return this;
    }

    private void record(SpiCall call) {
        synchronized (calls) {
            calls.add(call);
        }
    }

    @Override
    public DriverCapabilities capabilities() {
        return stage.capabilities();
    }

    @Override
    public void open() throws DriverException {
        record(SpiCall.of("open"));
        Exception failure = openFailure;
        if (failure instanceof DriverException checked) {
            throw checked;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        stage.open();
    }

    @Override
    public void sample(long nowMicros, Measurement into) {
        Error error = sampleError;
        if (error != null) {
            record(SpiCall.sample(nowMicros, -1));
            throw error;
        }
        try {
            stage.sample(nowMicros, into);
        } finally {
            record(SpiCall.sample(nowMicros, into.currentMicroamps()));
        }
    }

    @Override
    public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
        record(SpiCall.apply(nowMicros, setpointMicroamps, outputEnabled, polarity));
        stage.apply(nowMicros, setpointMicroamps, outputEnabled, polarity);
    }

    @Override
    public void safeDisable() {
        record(SpiCall.of("safeDisable"));
        RuntimeException failure = safeDisableFailure;
        if (failure != null) {
            throw failure;
        }
        stage.safeDisable();
    }

    @Override
    public SelfTestResult selfTest() {
        record(SpiCall.of("selfTest"));
        RuntimeException failure = selfTestFailure;
        if (failure != null) {
            throw failure;
        }
        return selfTestReturnsNull ? null : stage.selfTest();
    }

    @Override
    public void close() {
        record(SpiCall.of("close"));
        stage.close();
    }
}
