package org.galvani.app.run;

/** A console line that is not a command: the message names the word that is wrong. */
public final class OperatorCommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public OperatorCommandException(String message) {
        super(message);
    }
}
