package org.galvani.app.session;

import java.time.Instant;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;

/**
 * One treatment as the ledger lists it. Dose values are the kernel's (µA·ms).
 *
 * @param treatmentId              the opaque treatment ID (no personal data)
 * @param channelId                the channel it ran on
 * @param profileName              the device profile it ran under
 * @param driverName               the output stage driver
 * @param prescription             the prescription as armed
 * @param startedAt                when it was first armed (wall clock)
 * @param endedAt                  when it reached an end state, or null if it never did (running or crashed)
 * @param lastState                the last state recorded
 * @param recordedDoseMicroampMillis the last dose checkpoint recorded
 * @param countedDoseMicroampMillis  the dose the ledger counts: the recorded dose, plus after a crash the
 *                                   most that could have flowed since the last checkpoint (never less)
 * @param recovered                whether the treatment was interrupted by a crash and recovered
 */
public record SessionSummary(String treatmentId, String channelId, String profileName, String driverName,
                             Prescription prescription, Instant startedAt, Instant endedAt, KernelState lastState,
                             long recordedDoseMicroampMillis, long countedDoseMicroampMillis, boolean recovered) {
}
