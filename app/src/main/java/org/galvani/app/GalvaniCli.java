package org.galvani.app;

import java.io.PrintWriter;
import org.galvani.app.demo.DemoCommand;
import org.galvani.app.ledger.SessionsCommand;
import org.galvani.app.opcua.HashPasswordCommand;
import org.galvani.app.opcua.TrustCommand;
import org.galvani.app.report.ReportCommand;
import org.galvani.app.run.RunCommand;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code galvani} command line. Subcommands do the work; this class only wires them and maps the
 * outcome to an exit code: 0 success, 1 the command ran but did not succeed (for example a treatment
 * ended in a fault), 2 bad usage (unknown or invalid options, a refused prescription).
 */
@Command(name = "galvani",
        mixinStandardHelpOptions = true,
        versionProvider = GalvaniVersion.class,
        description = "Galvani: a safety-kernel framework for iontophoresis devices.",
        subcommands = {DemoCommand.class, RunCommand.class, EmulatorCommand.class, ReportCommand.class,
            SessionsCommand.class, TraceCommand.class, TrustCommand.class, HashPasswordCommand.class,
            CommandLine.HelpCommand.class})
@Implements("SRS-APP-002")
public final class GalvaniCli implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GalvaniCli.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Entry point of the jar. */
    public static void main(String[] args) {
        // The session report draws its charts with AWT; a device has no display to open.
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and main). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new GalvaniCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(GalvaniCli::failed);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A command that fails while running (a device that cannot be reached, a stage that fails its
     * self-test) says what went wrong in one line and exits with 1; the stack trace goes to the log.
     */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        LOG.debug("galvani {} failed", commandLine.getCommandName(), e);
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        commandLine.getErr().println("galvani " + commandLine.getCommandName() + ": " + message);
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, for example: galvani demo");
    }
}
