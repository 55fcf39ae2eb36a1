package org.galvani.drivers.kitcheck;

import java.util.function.Function;
import org.galvani.drivers.sim.SimConformanceTarget;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.tck.ClockPolicy;
import org.galvani.drivers.tck.ConformanceTarget;
import org.galvani.drivers.tck.NominalLoad;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.OutputStageDriver;

/**
 * The sim target with a {@link ForwardingStage} between the kit and the sim: the kit checks the wrapper,
 * the observation still comes from the sim's model. It can also stop measurements and trip the stage's
 * overcurrent protection (the output goes off; only the driver can report why).
 */
final class DecoratedSimTarget implements ConformanceTarget {

    private final SimConformanceTarget sim = new SimConformanceTarget();
    private final Function<SimulatedOutputStage, ForwardingStage> wrap;
    private SimulatedOutputStage stage;
    private ForwardingStage driver;

    DecoratedSimTarget(Function<SimulatedOutputStage, ForwardingStage> wrap) {
        this.wrap = wrap;
    }

    @Override
    public OutputStageDriver createDriver() {
        stage = (SimulatedOutputStage) sim.createDriver();
        driver = wrap.apply(stage);
        return driver;
    }

    @Override
    public NominalLoad nominalLoad() {
        return sim.nominalLoad();
    }

    @Override
    public int controlPeriodMicros() {
        return sim.controlPeriodMicros();
    }

    @Override
    public ClockPolicy clockPolicy() {
        return sim.clockPolicy();
    }

    @Override
    public int observedMicroamps(long nowMicros) {
        return sim.observedMicroamps(nowMicros);
    }

    @Override
    public int inducibleFaults() {
        return sim.inducibleFaults() | StatusFlags.HARDWARE_OVERCURRENT;
    }

    @Override
    public void induce(int faultFlag, long nowMicros) {
        if (faultFlag == StatusFlags.HARDWARE_OVERCURRENT) {
            stage.safeDisable();
        } else {
            sim.induce(faultFlag, nowMicros);
        }
    }

    @Override
    public boolean canStopMeasurements() {
        return true;
    }

    @Override
    public void stopMeasurements() {
        driver.stopMeasurements();
    }
}
