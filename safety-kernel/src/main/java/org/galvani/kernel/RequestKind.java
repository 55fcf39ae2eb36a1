package org.galvani.kernel;

/** The requests a user interface (or the runtime itself) may make of the kernel. */
public enum RequestKind {
    ARM,
    START,
    PAUSE,
    RESUME,
    STOP,
    ACKNOWLEDGE,
    /** The runtime ends the treatment safely (for example when events cannot be recorded). */
    SYSTEM_STOP
}
