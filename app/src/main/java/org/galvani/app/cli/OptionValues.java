package org.galvani.app.cli;

import java.util.Locale;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Implements;
import picocli.CommandLine;

/**
 * Checks of option values shared by the commands: a value that fails is a usage error (exit code 2) that
 * names the option and the value.
 */
@Implements("SRS-APP-002")
public final class OptionValues {

    private OptionValues() {
    }

    /** {@code value}, if it is a finite number above zero. */
    public static double positive(CommandLine command, String option, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw usage(command, option + " must be a positive number, was " + value);
        }
        return value;
    }

    /** {@code value}, if it is a finite number, zero or above. */
    public static double atLeastZero(CommandLine command, String option, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw usage(command, option + " must be zero or a positive number, was " + value);
        }
        return value;
    }

    /** The polarity {@code value} names: anode or cathode, in any case. */
    public static Polarity polarity(CommandLine command, String option, String value) {
        try {
            return Polarity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage(command, option + " must be anode or cathode, was '" + value + "'");
        }
    }

    /** A usage error of {@code command} with this message. */
    public static CommandLine.ParameterException usage(CommandLine command, String message) {
        return new CommandLine.ParameterException(command, message);
    }
}
