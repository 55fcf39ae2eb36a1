package org.galvani.app.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.galvani.kernel.spi.DriverSettings;

/**
 * The device's configuration: which driver runs the output stage, and each driver's settings (format
 * and an example: {@code docs/CONFIGURATION.md}). Immutable; already checked when it exists.
 *
 * @param source         where it came from, for messages (a file name, or the embedded defaults)
 * @param driver         the chosen driver's name
 * @param driverSettings settings by driver name (drivers not named here run on their defaults)
 * @param ledgerDataDir  the dose ledger's data directory ({@code ledger: {dataDir: DIR}}), or null when the
 *                       configuration names none (commands then use {@code --data-dir} or ./galvani-data)
 * @param opcua          the OPC UA gateway's settings ({@code opcua:}; its defaults when the file has none)
 */
public record GalvaniConfig(String source, String driver, Map<String, Map<String, String>> driverSettings,
                            String ledgerDataDir, OpcUaSettings opcua) {

    /** The driver when no configuration names one: the in-process simulator. */
    public static final String DEFAULT_DRIVER = "sim";

    public GalvaniConfig {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        driverSettings.forEach((name, values) -> copy.put(name, Map.copyOf(values)));
        driverSettings = Map.copyOf(copy);
        opcua = opcua == null ? OpcUaSettings.defaults() : opcua;
    }

    /** A configuration with the OPC UA gateway's defaults. */
    public GalvaniConfig(String source, String driver, Map<String, Map<String, String>> driverSettings,
                         String ledgerDataDir) {
        this(source, driver, driverSettings, ledgerDataDir, null);
    }

    /** A configuration that names no ledger data directory. */
    public GalvaniConfig(String source, String driver, Map<String, Map<String, String>> driverSettings) {
        this(source, driver, driverSettings, null);
    }

    /** The embedded defaults: the {@code sim} driver with its own defaults. */
    public static GalvaniConfig defaults() {
        return new GalvaniConfig("embedded defaults", DEFAULT_DRIVER, Map.of());
    }

    /** The same configuration with another driver chosen (for a command-line option). */
    public GalvaniConfig withDriver(String name) {
        return new GalvaniConfig(source, name, driverSettings, ledgerDataDir, opcua);
    }

    /** The settings of driver {@code name} (empty when the configuration has none), named after this source. */
    public DriverSettings settingsFor(String name) {
        return DriverSettings.of(source, name, driverSettings.getOrDefault(name, Map.of()));
    }
}
