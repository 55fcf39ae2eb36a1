package org.galvani.app.scenario;

/** A scenario file that cannot be used; the message names the file, line and column and what is wrong. */
public final class ScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }
}
