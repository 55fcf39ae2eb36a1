package org.galvani.opcua;

import java.util.Optional;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.AbstractUsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.DefaultUsernameIdentity;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks user name and password against the gateway's users (salted hashes) and attaches the user to
 * the session, where every handler reads the role. A failed login is logged with the name tried and the
 * client's address.
 */
@Implements("SRS-OPC-011")
final class GatewayIdentityValidator extends AbstractUsernameIdentityValidator {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayIdentityValidator.class);

    private final UserDirectory users;

    GatewayIdentityValidator(UserDirectory users) {
        this.users = users;
    }

    @Override
    protected Identity.UsernameIdentity authenticateUsernamePassword(Session session, String username,
                                                                    String password) {
        Optional<GatewayUser> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            LOG.warn("OPC UA login refused for user '{}' from {}", AuditText.printable(username),
                    session.getClientAddress());
            return null;
        }
        DefaultUsernameIdentity identity = new DefaultUsernameIdentity(user.get().name());
        identity.setUserData(user.get());
        LOG.info("OPC UA login: user '{}' ({}) from {}", user.get().name(), user.get().role().configName(),
                session.getClientAddress());
        return identity;
    }
}
