package org.galvani.kernel.spi;

/** A driver could not open or configure its output stage. */
public class DriverException extends Exception {

    private static final long serialVersionUID = 1L;

    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
