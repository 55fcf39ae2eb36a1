package org.galvani.opcua;

import java.util.Objects;

/**
 * A user of the gateway: a name, a role and the salted hash of the password.
 *
 * @param name the user name the client logs in with; the kernel records it as the requester
 * @param role what the user may do
 * @param password the salted password hash
 */
public record GatewayUser(String name, Role role, PasswordHash password) {

    public GatewayUser {
        if (name == null || name.isBlank() || name.length() > 64 || !name.strip().equals(name)) {
            throw new IllegalArgumentException("user name must be 1 to 64 characters without surrounding blanks, was '"
                    + name + "'");
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(password, "password");
    }
}
