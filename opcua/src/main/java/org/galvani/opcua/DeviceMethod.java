package org.galvani.opcua;

import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.galvani.kernel.RequestKind;

/** The methods on a device object, one per kernel request a user may make (address-space contract). */
enum DeviceMethod {
    ARM("Arm", RequestKind.ARM),
    START("Start", RequestKind.START),
    PAUSE("Pause", RequestKind.PAUSE),
    RESUME("Resume", RequestKind.RESUME),
    STOP("Stop", RequestKind.STOP),
    ACKNOWLEDGE_FAULT("AcknowledgeFault", RequestKind.ACKNOWLEDGE);

    /** Every method answers the kernel's decision as text: "accepted" or "refused: <reason>". */
    static final Argument[] OUTPUTS = {new Argument("Outcome", NodeIds.String, -1, null,
            LocalizedText.english("\"accepted\", or \"refused: \" and the kernel's or the gateway's reason"))};

    private final String browseName;
    private final RequestKind kind;

    DeviceMethod(String browseName, RequestKind kind) {
        this.browseName = browseName;
        this.kind = kind;
    }

    String browseName() {
        return browseName;
    }

    RequestKind kind() {
        return kind;
    }

    /** The declared input arguments. */
    Argument[] inputs() {
        if (this != ARM) {
            return new Argument[0];
        }
        return new Argument[] {
            new Argument(ArmArguments.NAMES[0], NodeIds.String, -1, null,
                    LocalizedText.english("drug code from the device profile's drug table")),
            new Argument(ArmArguments.NAMES[1], NodeIds.Double, -1, null, LocalizedText.english("target current (mA)")),
            new Argument(ArmArguments.NAMES[2], NodeIds.Double, -1, null, LocalizedText.english("prescribed dose (mA·min)")),
            new Argument(ArmArguments.NAMES[3], NodeIds.Double, -1, null,
                    LocalizedText.english("active electrode area (cm²)"))
        };
    }
}
