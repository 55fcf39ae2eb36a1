package org.galvani.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.galvani.app.config.ConfigOption;
import org.galvani.app.ledger.DataDirOption;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code galvani report TREATMENT_ID [--out FILE]}: the session report of one treatment in the ledger. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Writes the session report of one treatment from the dose ledger: one self-contained HTML"
                + " page with the prescription, the timeline of events and plots of setpoint, measured current,"
                + " impedance and cumulative dose, detach and fault intervals shaded (see docs/SESSION-REPORT.md).",
            "Exit code 0 when written, 1 when there is no ledger, no such treatment or the file cannot be written,"
                + " 2 for bad options."},
        footer = {"", "Example: galvani report DEMO-1a2b3c4d --out report.html   (galvani sessions lists the IDs)"})
@Implements("SRS-APP-046")
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TREATMENT_ID", description = "The treatment, as galvani sessions lists it.")
    private String treatmentId;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the page (default: reports/<TREATMENT_ID>.html in the data directory).")
    private String out;

    @Mixin
    private DataDirOption dataDir;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws IOException {
        if (treatmentId.isBlank()) {
            throw usage("TREATMENT_ID must not be blank");
        }
        Path dir = dataDir.resolve(config.load());
        Path file = out == null ? SessionReportFile.defaultFor(dir, treatmentId) : outFile();
        if (!Files.isRegularFile(dir.resolve(SqliteLedger.FILE_NAME))) {
            spec.commandLine().getErr().println("galvani report: no ledger in " + dir + " ("
                    + SqliteLedger.FILE_NAME + " does not exist): no treatments have been recorded there");
            return 1;
        }
        Clock clock = Clock.systemUTC();
        Optional<Path> written;
        try (SqliteLedger ledger = SqliteLedger.openForReading(dir, clock)) {
            written = SessionReportFile.write(ledger, treatmentId, file, clock.instant());
        }
        if (written.isEmpty()) {
            spec.commandLine().getErr().println("galvani report: the ledger in " + dir + " has no treatment '"
                    + treatmentId + "'; galvani sessions --data-dir " + dir + " lists the treatments it has");
            return 1;
        }
        spec.commandLine().getOut().println("Session report of " + treatmentId + ": " + file.toAbsolutePath());
        return 0;
    }

    private Path outFile() {
        if (out.isBlank()) {
            throw usage("--out must name a file, was blank");
        }
        Path file;
        try {
            file = Path.of(out);
        } catch (InvalidPathException e) {
            throw usage("--out '" + out + "' is not a valid path: " + e.getReason());
        }
        if (Files.isDirectory(file)) {
            throw usage("--out '" + out + "' is a directory; name the file to write, for example " + file.resolve(
                    "report.html"));
        }
        return file;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
