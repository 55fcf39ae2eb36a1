package org.galvani.app.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.galvani.app.CliRun;
import org.galvani.opcua.PasswordHash;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** {@code galvani hash-password}: the printed line is a hash of the password, never the password. */
class HashPasswordCommandTest {

    private static CliRun withStdin(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    @Verifies("SRS-APP-061")
    void printsASaltedHashOfTheFirstLineOfStandardInput() {
        CliRun first = withStdin("s3cret pass\nignored\n", "hash-password", "--stdin");
        CliRun second = withStdin("s3cret pass\r\n", "hash-password", "--stdin");
        assertEquals(0, first.exitCode(), first.err());
        String line = first.out().strip();
        assertEquals(1, first.out().lines().count(), "one line to paste");
        assertFalse(first.out().contains("s3cret"), "never the password");
        PasswordHash hash = PasswordHash.parse(line);
        assertTrue(hash.matches("s3cret pass"));
        assertFalse(hash.matches("s3cret pass\r"));
        assertFalse(hash.matches("ignored"));
        assertTrue(PasswordHash.parse(second.out().strip()).matches("s3cret pass"), "a line ending CR LF");
        assertFalse(line.equals(second.out().strip()), "salted: the same password hashes differently");
    }

    @Test
    @Verifies("SRS-APP-061")
    void anEmptyPasswordIsRefusedAndNothingIsPrinted() {
        for (String input : new String[] {"", "\n"}) {
            CliRun run = withStdin(input, "hash-password", "--stdin");
            assertEquals(1, run.exitCode());
            assertEquals("", run.out());
            assertEquals("galvani hash-password: the password is empty; nothing was printed\n", run.err());
        }
    }

    @Test
    @Verifies("SRS-APP-061")
    void withoutAConsoleItSaysToUseStdin() {
        // Tests run without a terminal, so System.console() is null here.
        CliRun run = CliRun.of("hash-password");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("galvani hash-password: no console to read the password from without echo; pipe it in with"
                + " --stdin\n", run.err());
    }
}
