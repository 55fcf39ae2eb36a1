package org.galvani.app.demo;

import org.galvani.kernel.Polarity;

/**
 * What the demo runs: the treatment (in clinical units, converted to the kernel's at the edge) and the
 * scripted events around it.
 *
 * @param profile          the device profile and its simulated load
 * @param treatmentId      the opaque treatment ID
 * @param drug             the drug code
 * @param activeElectrode  the active electrode's polarity
 * @param currentMilliamps the target current (mA)
 * @param areaCm2          the active electrode's area (cm²)
 * @param doseMilliampMinutes the prescribed dose (mA·min), for dose-based profiles
 * @param durationMinutes  the prescribed output time (min), for time-based profiles
 * @param rampSeconds      the ramp duration (s)
 * @param detachAtSeconds  when the electrodes come off (s of simulated time), or negative for never
 * @param detachForSeconds how long they stay off (s)
 * @param resumeAfterSeconds how long after re-attachment the operator resumes (s)
 * @param speed            simulated seconds per wall-clock second; 0 runs as fast as possible
 * @param progress         whether to print the live progress line
 */
public record DemoSettings(DemoProfile profile, String treatmentId, String drug, Polarity activeElectrode,
                           double currentMilliamps, double areaCm2, double doseMilliampMinutes, double durationMinutes,
                           double rampSeconds, double detachAtSeconds, double detachForSeconds,
                           double resumeAfterSeconds, double speed, boolean progress) {

    /** Whether the scenario includes a detach. */
    public boolean detaches() {
        return detachAtSeconds >= 0;
    }
}
