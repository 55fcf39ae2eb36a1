package org.galvani.opcua;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.galvani.trace.Implements;

/**
 * The gateway's users. Built from the configuration file (names, roles, stored hashes) and, for a quick
 * start, from the {@code GALVANI_<ROLE>_PASSWORD} environment variables, each of which creates a user
 * named after its role. Immutable.
 */
@Implements("SRS-OPC-011")
public final class UserDirectory {

    private final Map<String, GatewayUser> users;
    private final boolean anonymousAllowed;

    private UserDirectory(Map<String, GatewayUser> users, boolean anonymousAllowed) {
        this.users = Map.copyOf(users);
        this.anonymousAllowed = anonymousAllowed;
    }

    /** No users, anonymous refused. */
    public static UserDirectory empty() {
        return new UserDirectory(Map.of(), false);
    }

    /** This directory plus {@code user}; a name used twice is an error. */
    public UserDirectory with(GatewayUser user) {
        if (users.containsKey(user.name())) {
            throw new IllegalArgumentException("user '" + user.name() + "' is configured twice");
        }
        Map<String, GatewayUser> more = new LinkedHashMap<>(users);
        more.put(user.name(), user);
        return new UserDirectory(more, anonymousAllowed);
    }

    /** This directory plus a user with a password to hash now. */
    public UserDirectory with(String name, Role role, String password) {
        return with(new GatewayUser(name, role, PasswordHash.of(password)));
    }

    /**
     * This directory plus one user per {@code GALVANI_<ROLE>_PASSWORD} variable set (non-empty) in
     * {@code environment}, named after the role.
     */
    public UserDirectory withEnvironment(Map<String, String> environment) {
        UserDirectory result = this;
        for (Role role : Role.values()) {
            String variable = "GALVANI_" + role.name() + "_PASSWORD";
            String password = environment.get(variable);
            if (password != null && !password.isEmpty()) {
                result = result.with(role.configName(), role, password);
            }
        }
        return result;
    }

    /** This directory with anonymous sessions allowed (they get the observer role: read-only). */
    public UserDirectory allowingAnonymous(boolean allowed) {
        return new UserDirectory(users, allowed);
    }

    /** Whether anonymous sessions are allowed (read-only). */
    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }

    /** The user whose name and password match, if any. */
    public Optional<GatewayUser> authenticate(String name, String password) {
        GatewayUser user = name == null ? null : users.get(name);
        if (user == null) {
            // Spend the same time as for a known user, so that timing does not tell which names exist.
            DECOY.matches(password == null || password.isEmpty() ? "-" : password);
            return Optional.empty();
        }
        return user.password().matches(password) ? Optional.of(user) : Optional.empty();
    }

    /** The configured users. */
    public Collection<GatewayUser> users() {
        return users.values();
    }

    private static final PasswordHash DECOY = PasswordHash.of("decoy-password-never-matches");
}
