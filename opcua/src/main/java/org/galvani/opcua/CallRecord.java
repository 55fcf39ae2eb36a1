package org.galvani.opcua;

import java.time.Instant;
import java.util.List;

/**
 * One method call on the gateway, accepted or refused, for the audit trail.
 *
 * @param time      when the gateway answered
 * @param user      the session's user name ("anonymous" or "(no session)" when not logged in)
 * @param deviceId  the device object called, or the node ID text when it is not a device
 * @param method    the method's browse name
 * @param arguments the input arguments as the client sent them, as text
 * @param accepted  whether the kernel accepted the request
 * @param status    the OPC UA status code answered, by name (Good, Bad_OutOfRange, ...)
 * @param reason    why it was refused, as the client sees it ("accepted" when it was not)
 */
public record CallRecord(Instant time, String user, String deviceId, String method, List<String> arguments,
                         boolean accepted, String status, String reason) {

    public CallRecord {
        arguments = List.copyOf(arguments);
    }

    /** One line for logs and ledgers. */
    public String describe() {
        return user + " called " + deviceId + "." + method + arguments + " -> " + status
                + (accepted ? "" : ": " + reason);
    }
}
