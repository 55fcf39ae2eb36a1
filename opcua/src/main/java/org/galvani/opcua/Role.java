package org.galvani.opcua;

import java.util.Locale;
import org.galvani.kernel.RequestKind;
import org.galvani.trace.Implements;

/**
 * What an OPC UA user may do. Each role includes the one before it: an observer browses, reads and
 * subscribes; a clinician also runs treatments; service staff also acknowledge faults.
 */
@Implements("SRS-OPC-010")
public enum Role {
    OBSERVER,
    CLINICIAN,
    SERVICE;

    /** Whether this role may send {@code kind} to the kernel (the kernel may still refuse it). */
    public boolean mayRequest(RequestKind kind) {
        switch (kind) {
            case ARM:
            case START:
            case PAUSE:
            case RESUME:
            case STOP:
                return this == CLINICIAN || this == SERVICE;
            case ACKNOWLEDGE:
                return this == SERVICE;
            default:
                // SYSTEM_STOP is the runtime's own; no user may send it.
                return false;
        }
    }

    /** The role named {@code name} (any case); throws naming the known roles otherwise. */
    public static Role named(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'; roles are observer, clinician, service");
    }

    /** The role's name as configuration files spell it. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
