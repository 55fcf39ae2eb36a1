package org.galvani.opcua;

import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;

/**
 * The {@code sim} driver with a hand a test can pull out: while detached, the measurement shows an open
 * circuit (no current, an impedance far above any contact window), as a peeled-off patch would.
 */
final class DetachableStage implements OutputStageDriver {

    /** An open circuit, as the measurement shows it. */
    static final int OPEN_CIRCUIT_OHMS = 50_000_000;

    private final SimulatedOutputStage stage = new SimulatedOutputStage(SimulatorConfig.patchDefaults());
    private volatile boolean detached;

    void detach() {
        detached = true;
    }

    void attach() {
        detached = false;
    }

    @Override
    public DriverCapabilities capabilities() {
        return stage.capabilities();
    }

    @Override
    public void open() {
        stage.open();
    }

    @Override
    public void sample(long nowMicros, Measurement into) {
        stage.sample(nowMicros, into);
        if (detached) {
            into.set(into.sampledAtMicros(), 0, into.electrodeMillivolts(), OPEN_CIRCUIT_OHMS, into.statusFlags());
        }
    }

    @Override
    public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
        stage.apply(nowMicros, setpointMicroamps, outputEnabled, polarity);
    }

    @Override
    public void safeDisable() {
        stage.safeDisable();
    }

    @Override
    public SelfTestResult selfTest() {
        return stage.selfTest();
    }

    @Override
    public void close() {
        stage.close();
    }
}
