package org.galvani.kernel.spi;

import java.util.Map;
import org.galvani.trace.Implements;

/**
 * Makes drivers of one kind, found by name through {@link java.util.ServiceLoader}: a driver jar lists
 * its provider in {@code META-INF/services/org.galvani.kernel.spi.DriverProvider}, and the application
 * picks one by the name in its configuration ({@code driver: sim}, {@code driver: wire}).
 *
 * <p>{@link #create} only builds and validates; it does no I/O. Connecting to the stage is
 * {@link OutputStageDriver#open()}, which the runtime calls and whose failure it reports.
 */
@Implements("SRS-KRN-035")
public interface DriverProvider {

    /** The name a configuration selects this driver by: lower case, letters, digits and '-'. */
    String name();

    /** One line for help texts: what stage this drives. */
    String description();

    /** Every setting this driver reads, with a one-line description that includes its default. */
    Map<String, String> settings();

    /**
     * A driver configured from {@code settings}. Throws {@link IllegalArgumentException} naming the
     * setting, its value and what is allowed when a setting is unknown or invalid (see
     * {@link DriverSettings}); nothing is opened or changed then.
     */
    OutputStageDriver create(DriverSettings settings);
}
