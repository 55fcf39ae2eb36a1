package org.galvani.opcua;

import java.util.function.Function;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Reason;
import org.galvani.kernel.Units;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.trace.Implements;

/**
 * The read-only variables of a device object, each computed from the kernel's published snapshot and
 * converted from the kernel's integer units at this edge. Part of the address-space contract in the
 * README: names, types and units do not change.
 */
@Implements("SRS-OPC-003")
enum DeviceVariable {
    STATE("State", NodeIds.String, null, s -> s.state().name()),
    SETPOINT("Setpoint", NodeIds.Double, EngineeringUnits.MILLIAMPERE, s -> Units.milliamps(s.setpointMicroamps())),
    OUTPUT_CURRENT("OutputCurrent", NodeIds.Double, EngineeringUnits.MILLIAMPERE,
            s -> Units.milliamps(s.measuredMicroamps())),
    /** NaN while the impedance is unknown (no current flows). */
    IMPEDANCE("Impedance", NodeIds.Double, EngineeringUnits.KILOOHM,
            s -> s.impedanceOhms() < 0 ? Double.NaN : Units.kiloohms(s.impedanceOhms())),
    DELIVERED_DOSE("DeliveredDose", NodeIds.Double, EngineeringUnits.MILLIAMPERE_MINUTE,
            s -> Units.milliampMinutes(s.deliveredDoseMicroampMillis())),
    PRESCRIBED_DOSE("PrescribedDose", NodeIds.Double, EngineeringUnits.MILLIAMPERE_MINUTE,
            s -> Units.milliampMinutes(s.prescribedDoseMicroampMillis())),
    CONTACT_OK("ContactOk", NodeIds.Boolean, null, KernelSnapshot::contactOk),
    /** The latched fault's text, or empty when there is none. */
    FAULT("Fault", NodeIds.String, null, s -> s.faultReason() == Reason.NONE ? "" : s.faultReason().text()),
    TREATMENT_ID("TreatmentId", NodeIds.String, null, s -> s.treatmentId() == null ? "" : s.treatmentId()),
    /** DI's DeviceHealthEnumeration: 0 NORMAL, 1 FAILURE, 2 CHECK_FUNCTION. */
    DEVICE_HEALTH("DeviceHealth", NodeIds.Int32, null, DeviceVariable::health);

    private final String browseName;
    private final NodeId dataType;
    private final EUInformation unit;
    private final Function<KernelSnapshot, Object> value;

    DeviceVariable(String browseName, NodeId dataType, EUInformation unit, Function<KernelSnapshot, Object> value) {
        this.browseName = browseName;
        this.dataType = dataType;
        this.unit = unit;
        this.value = value;
    }

    String browseName() {
        return browseName;
    }

    NodeId dataType() {
        return dataType;
    }

    /** The engineering unit, or null for a variable without one (text, flags). */
    EUInformation unit() {
        return unit;
    }

    /** The value in the snapshot, converted to the variable's type and unit. */
    Object valueIn(KernelSnapshot snapshot) {
        return value.apply(snapshot);
    }

    private static Object health(KernelSnapshot s) {
        if (s.halted() || s.state() == KernelState.FAULT) {
            return 1;
        }
        return s.state() == KernelState.CONTACT_LOST ? 2 : 0;
    }
}
