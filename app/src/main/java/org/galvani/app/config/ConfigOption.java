package org.galvani.app.config;

import java.nio.file.Path;
import org.galvani.kernel.spi.DriverRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option of the commands that only read the configuration (for its
 * {@code ledger.dataDir}): the file's defaults when no file is given; a bad file is a usage error naming
 * file, line and column.
 */
public final class ConfigOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration (galvani.yaml) whose ledger.dataDir to use (see docs/CONFIGURATION.md).")
    private Path file;

    /** The configuration the command runs with. */
    public GalvaniConfig load() {
        return load(file, spec.commandLine());
    }

    /**
     * {@code file} read with the installed drivers, or the embedded defaults when it is null; a bad file is
     * a usage error of {@code command} naming file, line and column. For commands whose own {@code --config}
     * says more than this mixin's description.
     */
    public static GalvaniConfig load(Path file, CommandLine command) {
        if (file == null) {
            return GalvaniConfig.defaults();
        }
        try {
            return ConfigFile.load(file, DriverRegistry.load(ConfigOption.class.getClassLoader()));
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(command, e.getMessage());
        }
    }
}
