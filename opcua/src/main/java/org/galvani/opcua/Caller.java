package org.galvani.opcua;

import java.util.Optional;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;

/**
 * Who is calling, as the gateway's handlers see it: the session's user and role, resolved on every call
 * from the identity the gateway's own validator attached at login (never from anything the client says).
 *
 * @param name the user name; "anonymous" for an anonymous session, "(no session)" without one
 * @param role the role, or null when the caller may do nothing (no session, unknown identity)
 */
record Caller(String name, Role role) {

    static final Caller NONE = new Caller("(no session)", null);

    static Caller of(Optional<Session> session) {
        if (session.isEmpty()) {
            return NONE;
        }
        Identity identity = session.get().getIdentity();
        if (identity == null) {
            return NONE;
        }
        if (identity.getUserData() instanceof GatewayUser user) {
            return new Caller(user.name(), user.role());
        }
        if (identity.getUserTokenType() == UserTokenType.Anonymous) {
            // Only allowed when configured, and then read-only.
            return new Caller("anonymous", Role.OBSERVER);
        }
        return NONE;
    }
}
