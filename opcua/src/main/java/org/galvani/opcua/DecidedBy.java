package org.galvani.opcua;

/**
 * Who answered a method call. A call the kernel decided (accepted or refused) is in the kernel's own events
 * as well, with the user as origin; a call the gateway answered itself (a role that may not call it, a
 * malformed argument, no decision in time) is only in the call record.
 */
public enum DecidedBy {

    /** The gateway answered before or instead of the kernel (role, arguments, timeout, shutdown). */
    GATEWAY,

    /** The kernel (or its runtime) decided the request; the answer carries its decision. */
    KERNEL,

    /**
     * Not known: only for a record read back from a ledger written before it kept who decided. The gateway
     * never records it.
     */
    UNKNOWN
}
