package org.galvani.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.opcua.PasswordHash;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code galvani hash-password} from the packaged jar on a real pseudo-terminal (util-linux {@code script}),
 * as an administrator types at it: asked twice, nothing typed is echoed, and the printed hash verifies the
 * password. Each entry is typed only once its prompt is on the terminal, as a person would: the terminal
 * echoes until the program switches echo off, so typing ahead would show the password whatever the program
 * does. Skipped with a message when {@code script} is missing, unless {@code GALVANI_REQUIRE_PTY=true} (CI):
 * then that is a failure.
 */
class HashPasswordTerminalIT {

    private static final String PASSWORD = "pty pass (7) !";
    private static final long TIMEOUT_MILLIS = 30_000;
    private static final Pattern HASH = Pattern.compile("pbkdf2-sha256\\$\\S+");
    private static final List<String> PROMPTS = List.of("Password: ", "Again: ");
    /** Ctrl-D: the terminal's end of input. */
    private static final String CTRL_D = "\u0004";

    @TempDir
    Path scratch;

    private Path script;

    @BeforeEach
    void requireScript() {
        Optional<Path> found = onPath("script");
        if (found.isEmpty()) {
            String why = "util-linux 'script' (a pseudo-terminal for the console test of hash-password) is not on"
                    + " the PATH " + System.getenv("PATH");
            if ("true".equalsIgnoreCase(System.getenv("GALVANI_REQUIRE_PTY"))) {
                fail(why + ", and GALVANI_REQUIRE_PTY=true requires it");
            }
            Assumptions.abort(why + ": hash-password's console test skipped (apt-get install bsdutils)");
        }
        script = found.get();
    }

    @Test
    @Verifies("SRS-APP-061")
    void theSameEntryTwiceWithoutEchoPrintsAHashThatVerifiesIt() throws Exception {
        try (JarProcess run = typed("same", PASSWORD + "\n", PASSWORD + "\n")) {
            Matcher hash = run.awaitMatch(HASH, TIMEOUT_MILLIS);
            assertEquals(0, run.awaitExit(TIMEOUT_MILLIS), run.describe());
            assertNotNull(hash, run.describe());
            assertTrue(PasswordHash.parse(hash.group()).matches(PASSWORD), "the hash verifies the password typed");
            String shown = run.out();
            assertFalse(shown.contains("pty pass"), "nothing typed is echoed: " + shown);
            assertEquals(List.of("Password: ", "Again: ", hash.group()), shown.lines().toList(),
                    "the two prompts, then only the hash");
        }
    }

    @Test
    @Verifies("SRS-APP-061")
    void twoDifferentEntriesExitOneAndPrintNoHash() throws Exception {
        try (JarProcess run = typed("differ", PASSWORD + "\n", PASSWORD + "?\n")) {
            assertEquals(1, run.awaitExit(TIMEOUT_MILLIS), run.describe());
            String shown = run.out();
            assertTrue(shown.contains("galvani hash-password: the two passwords differ; nothing was printed"), shown);
            assertFalse(shown.contains("pbkdf2") || shown.contains("pty pass"), "no hash, no echo: " + shown);
        }
    }

    @Test
    @Verifies({"SRS-APP-061", "SRS-APP-068"})
    void anEmptyEntryExitsOneAtOnce() throws Exception {
        try (JarProcess run = typed("empty", "\n")) {
            assertEquals(1, run.awaitExit(TIMEOUT_MILLIS), run.describe());
            String shown = run.out();
            assertTrue(shown.contains("galvani hash-password: the password is empty; nothing was printed"), shown);
            assertFalse(shown.contains("Again: "), "nothing to confirm: " + shown);
            assertFalse(shown.contains("pbkdf2"), shown);
        }
    }

    @Test
    @Verifies("SRS-APP-068")
    void theEndOfInputAtEitherPromptSaysSoAndExitsOne() throws Exception {
        String ended = "galvani hash-password: the input ended before a password was entered (Ctrl-D); nothing was"
                + " printed";
        try (JarProcess atFirst = typed("eof-first", CTRL_D)) {
            assertEquals(1, atFirst.awaitExit(TIMEOUT_MILLIS), atFirst.describe());
            assertTrue(atFirst.out().contains(ended), atFirst.describe());
            assertFalse(atFirst.out().contains("Again: "), atFirst.describe());
        }
        try (JarProcess atSecond = typed("eof-second", PASSWORD + "\n", CTRL_D)) {
            assertEquals(1, atSecond.awaitExit(TIMEOUT_MILLIS), atSecond.describe());
            String shown = atSecond.out();
            assertTrue(shown.contains(ended), shown);
            assertFalse(shown.contains("differ") || shown.contains("pbkdf2") || shown.contains("pty pass"), shown);
        }
    }

    /**
     * {@code galvani hash-password} on a terminal, {@code entries} typed in turn, each once its prompt
     * ("Password: ", then "Again: ") is on the terminal (bounded waits).
     */
    private JarProcess typed(String name, String... entries) throws Exception {
        JarProcess run = JarProcess.startOnTerminal(script, scratch, name, "hash-password");
        for (int i = 0; i < entries.length; i++) {
            String prompt = PROMPTS.get(i);
            if (!run.awaitOut(shown -> shown.contains(prompt), TIMEOUT_MILLIS)) {
                run.close();
                fail("no prompt '" + prompt + "': " + run.describe());
            }
            run.type(entries[i]);
        }
        return run;
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
