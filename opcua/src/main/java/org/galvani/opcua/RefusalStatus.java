package org.galvani.opcua;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.galvani.kernel.Reason;
import org.galvani.trace.Implements;

/**
 * The one place where a kernel refusal becomes an OPC UA status code: by the kind of refusal, so that a
 * reason added to the kernel later is mapped without touching this class.
 */
@Implements("SRS-OPC-020")
public final class RefusalStatus {

    private RefusalStatus() {
    }

    /** The Bad status for a refusal; {@code Bad_InternalError} for a reason that is not a refusal. */
    public static long of(Reason reason) {
        switch (reason.kind()) {
            case REFUSED_STATE:
                return StatusCodes.Bad_InvalidState;
            case REFUSED_RANGE:
                return StatusCodes.Bad_OutOfRange;
            case REFUSED_ARGUMENT:
                return StatusCodes.Bad_InvalidArgument;
            case REFUSED_BUSY:
                return StatusCodes.Bad_ResourceUnavailable;
            default:
                return StatusCodes.Bad_InternalError;
        }
    }
}
