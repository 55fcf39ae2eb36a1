package org.galvani.app.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local operator console: one command a line from standard input, each answered on standard output
 * (the kernel's decision and reason, or what is wrong with the line, naming the word). The end of the
 * input ends the console, not the device: a device started from a script keeps running until it is
 * told to quit, is interrupted, or (with --exit-when-done) its treatment ends.
 */
@Implements({"SRS-APP-050", "SRS-APP-051"})
public final class ConsoleRequestSource implements RequestSource {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRequestSource.class);

    private final BufferedReader in;
    private final PrintWriter out;
    private final OperatorCommandParser parser = new OperatorCommandParser();
    private volatile boolean open = true;

    public ConsoleRequestSource(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public String name() {
        return "console";
    }

    /** Reads the console on a daemon thread: a blocked read must not keep the JVM alive. */
    @Override
    public void open(OperatorDesk desk) {
        Thread reader = new Thread(() -> serve(desk), "galvani-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** Answers one line after the other until the input ends or the console is closed. */
    void serve(OperatorDesk desk) {
        try {
            String line;
            while (open && (line = in.readLine()) != null) {
                String answer = answer(desk, line);
                if (answer != null && open) {
                    out.println(answer);
                    out.flush();
                }
            }
        } catch (IOException e) {
            LOG.warn("console: standard input failed: {}", e.getMessage());
        }
        LOG.debug("console: input ended");
    }

    /** The answer to one line, or null for a blank one. */
    String answer(OperatorDesk desk, String line) {
        Optional<OperatorCommand> command;
        try {
            command = parser.parse(line);
        } catch (OperatorCommandException e) {
            return "error: " + e.getMessage() + " (nothing was changed; 'help' lists the commands)";
        }
        return command.map(c -> desk.execute(c, name())).orElse(null);
    }

    @Override
    public void close() {
        open = false;
    }
}
