package org.galvani.opcua;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.IonCharge;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Units;
import org.galvani.trace.Implements;

/**
 * Reads the Arm method's arguments into a prescription, converting mA, mA·min and cm² to the kernel's
 * units. It only checks what a conversion needs (type, count, finite, representable); every limit is the
 * kernel's to check, so a negative or absurd value reaches the kernel and is refused there with its reason.
 */
@Implements("SRS-OPC-005")
final class ArmArguments {

    static final String[] NAMES = {"drug", "targetCurrent_mA", "dose_mAmin", "electrodeArea_cm2"};
    /** Longer drug codes are not in any drug table; refusing them here keeps huge strings out of logs. */
    static final int MAX_DRUG_LENGTH = 64;

    private ArmArguments() {
    }

    /**
     * The prescription for {@code inputs}, with the active electrode that fits the drug's charge (the
     * standard drug table; the kernel checks it against the profile's own) and the gateway's ramp.
     */
    static Prescription prescription(Variant[] inputs, String treatmentId, int rampMillis) throws MethodRefusal {
        if (inputs == null || inputs.length < NAMES.length) {
            throw new MethodRefusal(StatusCodes.Bad_ArgumentsMissing, "Arm takes 4 arguments (drug, targetCurrent_mA,"
                    + " dose_mAmin, electrodeArea_cm2), got " + (inputs == null ? 0 : inputs.length));
        }
        if (inputs.length > NAMES.length) {
            throw new MethodRefusal(StatusCodes.Bad_TooManyArguments, "Arm takes 4 arguments, got " + inputs.length);
        }
        String drug = drug(inputs[0]);
        double target = number(inputs, 1);
        double dose = number(inputs, 2);
        double area = number(inputs, 3);
        try {
            IonCharge charge = DrugTable.standard().chargeOf(drug);
            return Prescription.builder(treatmentId)
                    .drug(drug)
                    .activeElectrode(charge == IonCharge.NEGATIVE ? Polarity.CATHODE : Polarity.ANODE)
                    .targetMicroamps(Units.microamps(target))
                    .doseMicroampMillis(Units.microampMillis(dose))
                    .electrodeAreaMm2(Units.squareMillimetres(area))
                    .rampMillis(rampMillis)
                    .build();
        } catch (IllegalArgumentException e) {
            // A value too large to convert to the kernel's integer units.
            throw new MethodRefusal(StatusCodes.Bad_OutOfRange, "Arm: " + e.getMessage());
        }
    }

    private static String drug(Variant input) throws MethodRefusal {
        Object value = input == null ? null : input.getValue();
        if (!(value instanceof String drug)) {
            throw new MethodRefusal(StatusCodes.Bad_TypeMismatch, "Arm argument 1 (drug) must be a String, was "
                    + typeOf(value));
        }
        if (drug.isBlank() || drug.length() > MAX_DRUG_LENGTH) {
            throw new MethodRefusal(StatusCodes.Bad_InvalidArgument, "Arm argument 1 (drug) must be 1 to "
                    + MAX_DRUG_LENGTH + " characters, was " + drug.length());
        }
        return drug;
    }

    private static double number(Variant[] inputs, int index) throws MethodRefusal {
        Object value = inputs[index] == null ? null : inputs[index].getValue();
        String where = "Arm argument " + (index + 1) + " (" + NAMES[index] + ")";
        if (!(value instanceof Double number)) {
            throw new MethodRefusal(StatusCodes.Bad_TypeMismatch, where + " must be a Double, was " + typeOf(value));
        }
        if (number.isNaN() || number.isInfinite()) {
            throw new MethodRefusal(StatusCodes.Bad_InvalidArgument, where + " must be a finite number, was " + number);
        }
        return number;
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
