package org.galvani.opcua;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.galvani.trace.Implements;

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
 * @param treatmentId the treatment the call concerns: for an Arm that reached the kernel, the treatment it
 *                  names (accepted, refused or not decided in time); otherwise the treatment on the channel
 *                  when the call arrived; null when there was none
 * @param decidedBy who answered: the kernel, or the gateway before or instead of it
 */
@Implements("SRS-OPC-034")
public record CallRecord(Instant time, String user, String deviceId, String method, List<String> arguments,
                         boolean accepted, String status, String reason, String treatmentId, DecidedBy decidedBy) {

    public CallRecord {
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(decidedBy, "decidedBy");
    }

    /** One line for logs and ledgers. */
    public String describe() {
        return user + " called " + deviceId + "." + method + arguments + " -> " + status
                + (accepted ? "" : ": " + reason) + " (decided by " + decidedBy.name().toLowerCase(Locale.ROOT)
                + (treatmentId == null ? "" : ", treatment " + treatmentId) + ")";
    }
}
