package org.galvani.app.report;

import org.galvani.kernel.KernelState;

/**
 * A stretch of one run spent in a state the report shades (CONTACT_LOST: electrodes detached; FAULT: output
 * disabled, latched).
 *
 * @param state        CONTACT_LOST or FAULT
 * @param run          the run it belongs to
 * @param startMicros  when the state was first recorded, on the run's own clock
 * @param endMicros    when another state was first recorded, or the run's last record
 * @param startMinutes its start on the report's time axis
 * @param endMinutes   its end on the report's time axis
 * @param untilRunEnd  whether the run's records end in this state (the interval did not close)
 */
record StateInterval(KernelState state, int run, long startMicros, long endMicros, double startMinutes,
                     double endMinutes, boolean untilRunEnd) {
}
