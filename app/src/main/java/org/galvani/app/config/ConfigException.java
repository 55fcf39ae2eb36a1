package org.galvani.app.config;

/** A configuration file that cannot be used; the message names the file, line and column and what is wrong. */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
