package org.galvani.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as the launcher runs it: {@code java -jar app/target/galvani.jar ...}. */
class DemoJarIT {

    @TempDir
    Path scratch;

    private record Outcome(int code, String out, String err) {
    }

    private Outcome run(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("galvani.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        command.addAll(List.of(args));
        // Demo runs record into the dose ledger: in the scratch directory, not the working directory (the
        // option goes after the command's name, which follows java -jar JAR).
        command.addAll(4, List.of("--data-dir", scratch.resolve("galvani-data").toString()));
        Path out = scratch.resolve("out.txt");
        Path err = scratch.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the jar did not finish within 120 s");
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    @Verifies("SRS-APP-001")
    void theDemoCompletesFromThePackagedJar() throws Exception {
        Outcome outcome = run("demo", "--speed", "0");
        assertEquals(0, outcome.code(), outcome.err());
        assertTrue(outcome.out().contains("Result:     COMPLETE"), outcome.out());
        assertTrue(outcome.err().isEmpty(), "nothing logged at the default level: " + outcome.err());
    }

    @Test
    @Verifies("SRS-APP-002")
    void aBadOptionExitsWithTwo() throws Exception {
        Outcome outcome = run("demo", "--current-ma", "fast");
        assertEquals(2, outcome.code());
        assertTrue(outcome.err().contains("Invalid value for option '--current-ma'"), outcome.err());
    }
}
