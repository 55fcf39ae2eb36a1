package org.galvani.app.scenario;

import java.util.Map;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.kernel.Polarity;

/**
 * A whole demo run as read from a scenario file (format: {@code docs/SCENARIOS.md}). Values the file
 * leaves out are null (or empty) and fall back to the profile's defaults. Clinical units, converted to
 * the kernel's at the edge.
 *
 * @param source             where it was read from, for messages (a path or {@code scenarios/NAME.yaml})
 * @param description        one line on what the scenario shows, or null
 * @param profile            the device profile's ID, or null for the default
 * @param treatmentId        the treatment ID, or null
 * @param drug               the drug code, or null
 * @param activeElectrode    the active electrode, or null
 * @param currentMilliamps   target current (mA), or null
 * @param areaCm2            active electrode area (cm²), or null
 * @param doseMilliampMinutes prescribed dose (mA·min), or null
 * @param durationMinutes    prescribed output time (min), or null
 * @param rampSeconds        ramp duration (s), or null
 * @param simulator          the sim driver's settings as text (validated by its provider)
 * @param resumeAfterSeconds how long after re-attachment the operator resumes (s), or null
 * @param acknowledgeFaults  whether the operator acknowledges a fault, or null
 * @param faults             the injected faults
 */
public record Scenario(String source, String description, String profile, String treatmentId, String drug,
                       Polarity activeElectrode, Double currentMilliamps, Double areaCm2, Double doseMilliampMinutes,
                       Double durationMinutes, Double rampSeconds, Map<String, String> simulator,
                       Double resumeAfterSeconds, Boolean acknowledgeFaults, FaultScript faults) {

    public Scenario {
        simulator = Map.copyOf(simulator);
    }
}
