package org.galvani.app.demo;

import org.galvani.app.profile.DemoProfile;
import java.nio.file.Path;
import java.util.Map;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.kernel.Polarity;

/**
 * What the demo runs: the treatment (in clinical units, converted to the kernel's at the edge), the
 * simulated stage and the scripted events around it.
 *
 * @param profile          the device profile
 * @param treatmentId      the opaque treatment ID
 * @param drug             the drug code
 * @param activeElectrode  the active electrode's polarity
 * @param currentMilliamps the target current (mA)
 * @param areaCm2          the active electrode's area (cm²)
 * @param doseMilliampMinutes the prescribed dose (mA·min), for dose-based profiles
 * @param durationMinutes  the prescribed output time (min), for time-based profiles
 * @param rampSeconds      the ramp duration (s)
 * @param simulator        the sim driver's settings
 * @param settingsSource   where those settings come from, for the driver's messages
 * @param faults           the faults injected into the stage (a detach among them)
 * @param resumeAfterSeconds how long after re-attachment the operator resumes (s)
 * @param acknowledgeFaults whether the operator acknowledges a fault (the run then ends in IDLE)
 * @param speed            simulated seconds per wall-clock second; 0 runs as fast as possible
 * @param progress         whether to print the live progress line
 * @param scenario         the scenario file the run came from, or null
 * @param config           the device configuration: which driver runs the stage, and its settings
 * @param dataDir          the dose ledger's data directory, where the treatment is recorded
 * @param treatmentIdGenerated whether the treatment ID was generated for this run (no --treatment-id)
 */
public record DemoSettings(DemoProfile profile, String treatmentId, String drug, Polarity activeElectrode,
                           double currentMilliamps, double areaCm2, double doseMilliampMinutes, double durationMinutes,
                           double rampSeconds, Map<String, String> simulator, String settingsSource, FaultScript faults,
                           double resumeAfterSeconds, boolean acknowledgeFaults, double speed, boolean progress,
                           String scenario, GalvaniConfig config, Path dataDir, boolean treatmentIdGenerated) {

    public DemoSettings {
        simulator = Map.copyOf(simulator);
    }
}
