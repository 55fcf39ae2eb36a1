package org.galvani.verification.bundle;

/** The evidence bundle cannot be made: a missing or unreadable input, an invalid checklist, a broken link. */
public final class BundleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BundleException(String message) {
        super(message);
    }

    BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
