package org.galvani.kernel;

import org.galvani.kernel.policy.CurrentCeiling;
import org.galvani.kernel.policy.DoseBudget;
import org.galvani.trace.Implements;

/**
 * Validation of a prescription on ARM, against the device profile. Returns the first reason to refuse,
 * in a fixed order (malformed values first, then limits), or {@link Reason#NONE}.
 */
final class PrescriptionCheck {

    private PrescriptionCheck() {
    }

    /**
     * @param rx                the prescription (may be null: refused)
     * @param priorMicroampMillis the prior dose as the request stated it (negative is malformed)
     * @param priorCharge       the prior dose the kernel will count (µA·µs): the ledger's, or the kernel's
     *                          own record of this treatment if larger
     * @param completed         whether the ledger or the kernel's own record holds that this treatment ID
     *                          already completed
     */
    @Implements({"SRS-KRN-002", "SRS-KRN-003", "SRS-KRN-004", "SRS-KRN-005", "SRS-KRN-006", "SRS-KRN-007",
        "SRS-KRN-041"})
    static Reason check(Prescription rx, long priorMicroampMillis, long priorCharge, boolean completed,
                        DeviceProfile profile) {
        Reason malformed = malformed(rx, priorMicroampMillis);
        if (malformed != Reason.NONE) {
            return malformed;
        }
        // A completed treatment is over, whatever its new numbers say: checked before any limit.
        if (completed) {
            return Reason.TREATMENT_ALREADY_COMPLETED;
        }
        if (!profile.allows(rx.endCriterion())) {
            return Reason.END_CRITERION_NOT_ALLOWED;
        }
        if (rx.targetMicroamps() > profile.maxCurrentMicroamps()) {
            return Reason.TARGET_ABOVE_DEVICE_MAX;
        }
        if (!CurrentCeiling.densityWithinCeiling(rx.targetMicroamps(), profile.densityCeilingMicroampsPerCm2(),
                rx.electrodeAreaMm2())) {
            return Reason.DENSITY_ABOVE_CEILING;
        }
        IonCharge charge = profile.drugs().chargeOf(rx.drug());
        if (charge == null) {
            return Reason.UNKNOWN_DRUG;
        }
        if (!charge.fits(rx.activeElectrode())) {
            return Reason.POLARITY_MISMATCH;
        }
        if (rx.rampMillis() < profile.minRampMillis()) {
            return Reason.RAMP_TOO_SHORT;
        }
        if (rx.endCriterion() == EndCriterion.TIME
                && (rx.durationMillis() < profile.minDurationMillis() || rx.durationMillis() > profile.maxDurationMillis())) {
            return Reason.DURATION_OUT_OF_RANGE;
        }
        long capCharge = DoseBudget.fromMicroampMillis(profile.hardCapMicroampMillis());
        if (rx.endCriterion() == EndCriterion.DOSE) {
            long prescribedCharge = DoseBudget.fromMicroampMillis(rx.doseMicroampMillis());
            if (prescribedCharge > capCharge) {
                return Reason.DOSE_ABOVE_CAP;
            }
            if (priorCharge >= prescribedCharge) {
                return Reason.DOSE_ALREADY_DELIVERED;
            }
        } else {
            // Time-based: the most the session can deliver at its target, plus what was already given.
            long plannedCharge = (long) rx.targetMicroamps() * rx.durationMillis() * DoseBudget.MICROS_PER_MILLI;
            if (priorCharge >= capCharge) {
                return Reason.DOSE_ALREADY_DELIVERED;
            }
            if (plannedCharge > capCharge - priorCharge) {
                return Reason.DOSE_ABOVE_CAP;
            }
        }
        return Reason.NONE;
    }

    private static Reason malformed(Prescription rx, long priorMicroampMillis) {
        if (rx == null || rx.treatmentId() == null || rx.treatmentId().isBlank() || rx.drug() == null
                || rx.activeElectrode() == null || rx.endCriterion() == null) {
            return Reason.INVALID_PRESCRIPTION;
        }
        if (rx.targetMicroamps() <= 0 || rx.electrodeAreaMm2() <= 0
                || rx.electrodeAreaMm2() > DeviceProfile.MAX_ELECTRODE_AREA || rx.rampMillis() <= 0
                || priorMicroampMillis < 0) {
            return Reason.INVALID_PRESCRIPTION;
        }
        if (rx.endCriterion() == EndCriterion.DOSE && rx.doseMicroampMillis() <= 0) {
            return Reason.INVALID_PRESCRIPTION;
        }
        if (rx.endCriterion() == EndCriterion.TIME && rx.durationMillis() <= 0) {
            return Reason.INVALID_PRESCRIPTION;
        }
        return Reason.NONE;
    }
}
