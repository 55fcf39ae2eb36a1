package org.galvani.opcua;

import org.eclipse.milo.opcua.stack.core.StatusCodes;

/** A status code's symbolic name (Good, Bad_OutOfRange), for logs and the audit trail. */
final class StatusNames {

    private StatusNames() {
    }

    static String of(long status) {
        if (status == StatusCodes.Good) {
            return "Good";
        }
        return StatusCodes.lookup(status).map(names -> names[0]).orElse(String.format("0x%08X", status));
    }
}
