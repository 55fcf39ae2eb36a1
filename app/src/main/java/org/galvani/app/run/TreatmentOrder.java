package org.galvani.app.run;

import java.util.Locale;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.IonCharge;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Units;
import org.galvani.trace.Implements;

/**
 * A treatment as an operator orders it, in the operator's units (mA, cm², mA·min, min, s). It becomes a
 * kernel {@link Prescription} in integer units here, at the edge; the kernel then checks it against the
 * profile and may refuse it.
 *
 * @param treatmentId         the opaque treatment ID, under which the ledger keeps its dose
 * @param drug                the drug code
 * @param currentMilliamps    the target current
 * @param areaCm2             the active electrode's area
 * @param doseMilliampMinutes the dose that ends the treatment, or 0 for a time-based one
 * @param durationMinutes     the output time that ends the treatment, or 0 for a dose-based one
 * @param rampSeconds         the ramp up and down
 * @param activeElectrode     the active electrode, or null for the one that delivers the drug's ion
 */
@Implements("SRS-APP-051")
public record TreatmentOrder(String treatmentId, String drug, double currentMilliamps, double areaCm2,
                             double doseMilliampMinutes, double durationMinutes, double rampSeconds,
                             Polarity activeElectrode) {

    /** The ramp when the operator names none (s). */
    public static final double DEFAULT_RAMP_SECONDS = 30.0;

    /** The kernel's prescription; the electrode defaults to the one that drives the drug's ion into the skin. */
    public Prescription prescription(DeviceProfile profile) {
        Polarity electrode = activeElectrode;
        if (electrode == null) {
            IonCharge charge = profile.drugs().chargeOf(drug);
            electrode = charge == IonCharge.NEGATIVE ? Polarity.CATHODE : Polarity.ANODE;
        }
        Prescription.Builder rx = Prescription.builder(treatmentId)
                .drug(drug)
                .activeElectrode(electrode)
                .targetMicroamps(Units.microamps(currentMilliamps))
                .electrodeAreaMm2(Units.squareMillimetres(areaCm2))
                .rampMillis(Units.millisFromSeconds(rampSeconds));
        if (durationMinutes > 0) {
            rx.durationMillis(Units.millisFromMinutes(durationMinutes));
        } else {
            rx.doseMicroampMillis(Units.microampMillis(doseMilliampMinutes));
        }
        return rx.build();
    }

    /** One line for the operator: what was ordered. */
    public String describe() {
        String end = durationMinutes > 0 ? String.format(Locale.ROOT, "%.2f min", durationMinutes)
                : String.format(Locale.ROOT, "%.4f mA·min", doseMilliampMinutes);
        return String.format(Locale.ROOT, "%s: %s, %.3f mA over %.1f cm², %s, ramps of %.1f s%s", treatmentId, drug,
                currentMilliamps, areaCm2, end, rampSeconds,
                activeElectrode == null ? "" : ", " + activeElectrode.name().toLowerCase(Locale.ROOT));
    }
}
