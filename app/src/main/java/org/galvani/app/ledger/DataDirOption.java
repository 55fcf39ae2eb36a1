package org.galvani.app.ledger;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --data-dir DIR} option of every command that uses the dose ledger. Precedence: the option,
 * then the configuration's {@code ledger.dataDir}, then {@code ./galvani-data}.
 */
@Implements("SRS-APP-037")
public final class DataDirOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The dose ledger's data directory (default: the configuration's ledger.dataDir, else"
                    + " galvani-data in the working directory).")
    private String dataDir;

    /** The data directory for {@code config}; a value that is no path, or names a file, is a usage error. */
    public Path resolve(GalvaniConfig config) {
        String chosen = dataDir != null ? dataDir
                : config.ledgerDataDir() != null ? config.ledgerDataDir() : SqliteLedger.DEFAULT_DATA_DIR.toString();
        String from = dataDir != null ? "--data-dir" : config.ledgerDataDir() != null
                ? "ledger.dataDir of " + config.source() : "the default data directory";
        if (chosen.isBlank()) {
            throw usage(from + " must name a directory, was blank");
        }
        Path path;
        try {
            path = Path.of(chosen);
        } catch (InvalidPathException e) {
            throw usage(from + " '" + chosen + "' is not a valid path: " + e.getReason());
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw usage(from + " '" + chosen + "' is a file, not a directory");
        }
        return path;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
