package org.galvani.drivers.sim;

import org.galvani.drivers.tck.ClockPolicy;
import org.galvani.drivers.tck.ConformanceTarget;
import org.galvani.drivers.tck.NominalLoad;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.OutputStageDriver;

/** The {@code sim} stage as a conformance target: patch defaults, simulated time, 1 kHz. */
public final class SimConformanceTarget implements ConformanceTarget {

    private final Measurement scratch = new Measurement();
    private SimulatedOutputStage stage;

    @Override
    public OutputStageDriver createDriver() {
        stage = new SimulatedOutputStage(SimulatorConfig.patchDefaults());
        return stage;
    }

    @Override
    public NominalLoad nominalLoad() {
        // 300 ohm series plus 6 kOhm skin at the start; the skin falls by well under 1 % in the kit's runs.
        return new NominalLoad("sim patch load, 6.3 kOhm", 6_300, 1);
    }

    @Override
    public int controlPeriodMicros() {
        return 1_000;
    }

    @Override
    public ClockPolicy clockPolicy() {
        return ClockPolicy.SIMULATED;
    }

    @Override
    public int observedMicroamps(long nowMicros) {
        // The sim's model moves on when it is called; sampling at a time already sampled changes nothing.
        stage.sample(nowMicros, scratch);
        return stage.flowingMicroamps();
    }

    @Override
    public int inducibleFaults() {
        return StatusFlags.HARDWARE_FAULT;
    }

    @Override
    public void induce(int faultFlag, long nowMicros) {
        if (faultFlag != StatusFlags.HARDWARE_FAULT) {
            throw new IllegalArgumentException("the sim can induce only HARDWARE_FAULT, not 0x"
                    + Integer.toHexString(faultFlag));
        }
        // The sim's one detectable fault: its H-bridge switched under load (the kit delivers ANODE).
        stage.apply(nowMicros, stage.flowingMicroamps(), true, Polarity.CATHODE);
    }
}
