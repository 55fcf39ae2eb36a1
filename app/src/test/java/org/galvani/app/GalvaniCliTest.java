package org.galvani.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class GalvaniCliTest {

    @Test
    @Verifies("SRS-APP-002")
    void withoutACommandItSaysOneIsNeeded() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("a command is required, for example: galvani demo"), run.err());
    }

    @Test
    @Verifies("SRS-APP-002")
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of("teleport");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("teleport"), run.err());
    }

    @Test
    @Verifies("SRS-APP-002")
    void helpListsTheDemo() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("demo"), run.out());
    }

    @Test
    void versionNamesTheProgram() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("galvani "), run.out());
    }
}
