package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.galvani.kernel.Reason;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class RefusalStatusTest {

    @Test
    @Verifies("SRS-OPC-020")
    void everyRefusalMapsByItsKind() {
        for (Reason reason : Reason.values()) {
            long expected = switch (reason.kind()) {
                case REFUSED_STATE -> StatusCodes.Bad_InvalidState;
                case REFUSED_RANGE -> StatusCodes.Bad_OutOfRange;
                case REFUSED_ARGUMENT -> StatusCodes.Bad_InvalidArgument;
                case REFUSED_BUSY -> StatusCodes.Bad_ResourceUnavailable;
                case CAUSE, FAULT -> StatusCodes.Bad_InternalError;
            };
            assertEquals(expected, RefusalStatus.of(reason), reason.name());
        }
    }

    @Test
    @Verifies("SRS-OPC-020")
    void theBriefsExamples() {
        assertEquals(StatusCodes.Bad_InvalidState, RefusalStatus.of(Reason.INVALID_STATE));
        assertEquals(StatusCodes.Bad_InvalidState, RefusalStatus.of(Reason.CONTACT_NOT_CONFIRMED));
        assertEquals(StatusCodes.Bad_InvalidState, RefusalStatus.of(Reason.TREATMENT_ALREADY_COMPLETED));
        assertEquals(StatusCodes.Bad_OutOfRange, RefusalStatus.of(Reason.TARGET_ABOVE_DEVICE_MAX));
        assertEquals(StatusCodes.Bad_OutOfRange, RefusalStatus.of(Reason.DOSE_ABOVE_CAP));
        assertEquals(StatusCodes.Bad_InvalidArgument, RefusalStatus.of(Reason.INVALID_PRESCRIPTION));
        assertEquals(StatusCodes.Bad_InvalidArgument, RefusalStatus.of(Reason.UNKNOWN_DRUG));
        assertEquals(StatusCodes.Bad_ResourceUnavailable, RefusalStatus.of(Reason.REQUEST_QUEUE_FULL));
    }
}
