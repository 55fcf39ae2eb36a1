package org.galvani.app.session;

import java.time.Instant;
import java.util.List;

/**
 * A method call on the OPC UA gateway that the gateway itself refused (a role that may not call it, a
 * malformed argument, no decision in time), recorded under the treatment it concerned. The kernel never saw
 * it, so it is not among the treatment's events. Every string is the client's or the gateway's text:
 * untrusted.
 *
 * @param time      when the gateway answered (wall clock)
 * @param user      the session's user name ("anonymous" or "(no session)" when not logged in)
 * @param deviceId  the channel called
 * @param method    the method's browse name (Arm, Start, ...)
 * @param arguments the input arguments as the client sent them, as text (control characters escaped)
 * @param status    the OPC UA status answered, by name (Bad_UserAccessDenied, ...)
 * @param reason    the reason the client was given
 */
public record GatewayRefusal(Instant time, String user, String deviceId, String method, List<String> arguments,
                             String status, String reason) {

    public GatewayRefusal {
        arguments = List.copyOf(arguments);
    }
}
