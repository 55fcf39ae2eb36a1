package org.galvani.drivers.kitcheck;

import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;

/**
 * A healthy driver around a sim stage that forwards every call, and whose measurements can be stopped:
 * from then on it repeats the last reading with its old time, as the SPI asks. The broken drivers of
 * {@link BrokenStages} override one behaviour each.
 */
class ForwardingStage implements OutputStageDriver {

    protected final SimulatedOutputStage inner;
    private final Measurement last = new Measurement();
    private volatile boolean stopped;
    private boolean sampled;

    ForwardingStage(SimulatedOutputStage inner) {
        this.inner = inner;
    }

    /** The stage stops measuring (a frozen ADC); the driver keeps being called. */
    final void stopMeasurements() {
        stopped = true;
    }

    @Override
    public DriverCapabilities capabilities() {
        return inner.capabilities();
    }

    @Override
    public void open() {
        inner.open();
    }

    @Override
    public void sample(long nowMicros, Measurement into) {
        if (stopped && sampled) {
            into.copyFrom(last);
            stale(nowMicros, into);
            return;
        }
        inner.sample(nowMicros, into);
        last.copyFrom(into);
        sampled = true;
    }

    /** What the driver does to a stale reading: nothing, it keeps its old time. */
    protected void stale(long nowMicros, Measurement reading) {
    }

    @Override
    public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
        inner.apply(nowMicros, setpointMicroamps, outputEnabled, polarity);
    }

    @Override
    public void safeDisable() {
        inner.safeDisable();
    }

    @Override
    public SelfTestResult selfTest() {
        return inner.selfTest();
    }

    @Override
    public void close() {
        inner.close();
    }
}
