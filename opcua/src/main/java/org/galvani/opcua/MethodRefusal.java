package org.galvani.opcua;

/**
 * A method call the gateway answers with a Bad status before or instead of the kernel: a role that may
 * not call it, a malformed argument, no decision in time. The message says what and where.
 */
final class MethodRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final long statusCode;

    MethodRefusal(long statusCode, String message) {
        super(message, null, false, false);
        this.statusCode = statusCode;
    }

    long statusCode() {
        return statusCode;
    }
}
