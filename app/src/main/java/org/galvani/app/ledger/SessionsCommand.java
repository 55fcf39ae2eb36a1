package org.galvani.app.ledger;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.galvani.app.config.ConfigException;
import org.galvani.app.config.ConfigFile;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.Units;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code galvani sessions}: the treatments in the dose ledger, most recently started first. While another
 * process writes the ledger it is read as it stands (nothing is recovered); otherwise opening it recovers
 * treatments interrupted by a crash first, as any command that uses it does.
 */
@Command(name = "sessions",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Lists the treatments in the dose ledger: ID, when started, last state, the dose recorded"
                + " and the dose counted (after a crash: the last checkpoint plus the most that could have flowed"
                + " since), and whether it was recovered after a crash.",
            "Exit code 0 when the ledger was read, 1 when there is none or it cannot be read, 2 for bad options."})
@Implements("SRS-APP-034")
public final class SessionsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration (galvani.yaml) whose ledger.dataDir to use (see docs/CONFIGURATION.md).")
    private Path configFile;

    @Override
    public Integer call() {
        GalvaniConfig config = config();
        Path dir = dataDir.resolve(config);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(dir.resolve(SqliteLedger.FILE_NAME))) {
            spec.commandLine().getErr().println("galvani sessions: no ledger in " + dir + " ("
                    + SqliteLedger.FILE_NAME + " does not exist): no treatments have been recorded there");
            return 1;
        }
        List<SessionSummary> sessions;
        boolean readOnly;
        try (SqliteLedger ledger = SqliteLedger.openForReading(dir, Clock.systemUTC())) {
            sessions = ledger.sessions();
            readOnly = ledger.readOnly();
        }
        out.printf(Locale.ROOT, "%d treatment(s) in %s%s%n", sessions.size(), dir.resolve(SqliteLedger.FILE_NAME),
                readOnly ? " (in use by another process: shown as it stands)" : "");
        if (sessions.isEmpty()) {
            return 0;
        }
        int width = Math.max("treatment".length(), sessions.stream().mapToInt(s -> s.treatmentId().length()).max()
                .orElse(0));
        String row = "%-" + width + "s  %-19s  %-12s  %14s  %14s  %s%n";
        out.printf(Locale.ROOT, row, "treatment", "started (UTC)", "state", "recorded", "counted", "recovered");
        for (SessionSummary s : sessions) {
            out.printf(Locale.ROOT, row, s.treatmentId(), TIME.format(s.startedAt()), s.lastState(),
                    mAmin(s.recordedDoseMicroampMillis()), mAmin(s.countedDoseMicroampMillis()),
                    s.recovered() ? "yes (interrupted by a crash)" : "no");
        }
        out.println("Doses in mA·min. A recovered treatment counts its last checkpoint plus the most the stage could"
                + " have delivered since, so it can only be over-counted.");
        return 0;
    }

    private static String mAmin(long microampMillis) {
        return String.format(Locale.ROOT, "%.4f", Units.milliampMinutes(microampMillis));
    }

    private GalvaniConfig config() {
        if (configFile == null) {
            return GalvaniConfig.defaults();
        }
        try {
            return ConfigFile.load(configFile, DriverRegistry.load(SessionsCommand.class.getClassLoader()));
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
