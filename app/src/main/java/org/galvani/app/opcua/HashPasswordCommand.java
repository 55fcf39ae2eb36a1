package org.galvani.app.opcua;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.galvani.opcua.PasswordHash;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code galvani hash-password}: prints the salted hash of a password for an {@code opcua.users} entry of
 * the configuration file, so that the file never holds the password itself. Reads it from the console
 * without echo, twice, or with {@code --stdin} the first line of standard input (for scripts).
 */
@Command(name = "hash-password",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Prints the salted hash (PBKDF2) of a password, to paste as passwordHash of a user in the"
                + " configuration's opcua.users (see docs/CONFIGURATION.md). The password is read from the console"
                + " without echo and asked twice, or with --stdin from the first line of standard input.",
            "Exit code 0 when the hash was printed, 1 for an empty password, two that differ, the end of input"
                + " (Ctrl-D) at a prompt or no console, 2 for bad options."})
@Implements("SRS-APP-061")
public final class HashPasswordCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--stdin", description = "Read the password from the first line of standard input (no echo"
            + " to switch off, no confirmation).")
    private boolean stdin;

    @Override
    public Integer call() throws IOException {
        String password = stdin ? fromStandardInput() : fromConsole();
        if (password == null) {
            return 1;
        }
        if (password.isEmpty()) {
            return fail("the password is empty; nothing was printed");
        }
        spec.commandLine().getOut().println(PasswordHash.of(password).encoded());
        return 0;
    }

    private static String fromStandardInput() throws IOException {
        // Not closed: standard input belongs to the process.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? "" : line;
    }

    /**
     * The password typed twice on the console without echo; null (after saying why) when there is no
     * console, the input ended at a prompt, or the two differ. An empty first entry is returned at once:
     * there is nothing to confirm, and {@link #call()} refuses it.
     */
    @Implements("SRS-APP-068")
    private String fromConsole() {
        Console console = System.console();
        if (console == null) {
            fail("no console to read the password from without echo; pipe it in with --stdin");
            return null;
        }
        char[] first = console.readPassword("Password: ");
        if (first == null) {
            return endOfInput();
        }
        if (first.length == 0) {
            return ""; // nothing to confirm: call() refuses it
        }
        char[] second = console.readPassword("Again: ");
        try {
            if (second == null) {
                return endOfInput();
            }
            if (!Arrays.equals(first, second)) {
                fail("the two passwords differ; nothing was printed");
                return null;
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** The input ended at a prompt (Ctrl-D): says so; null. */
    private String endOfInput() {
        fail("the input ended before a password was entered (Ctrl-D); nothing was printed");
        return null;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("galvani hash-password: " + message);
        return 1;
    }
}
