package org.galvani.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's logic, run hermetically: a copy of {@code ./galvani} in a scratch repository,
 * with stub {@code mvn} and {@code java} commands on the PATH that record their calls.
 */
class LauncherTest {

    @TempDir
    Path repo;

    private Path calls;

    @BeforeEach
    void scratchRepository() throws IOException {
        Path launcher = Path.of("..", "galvani").toAbsolutePath().normalize();
        Files.copy(launcher, repo.resolve("galvani"));
        repo.resolve("galvani").toFile().setExecutable(true);
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("app/src/main/java"));
        Files.writeString(repo.resolve("app/src/main/java/A.java"), "class A {}");
        calls = repo.resolve("calls.log");
        Path bin = Files.createDirectories(repo.resolve("bin"));
        stub(bin.resolve("mvn"), "echo \"mvn $*\" >> '" + calls + "'\n"
                + "mkdir -p app/target && echo jar > app/target/galvani.jar\n");
        stub(bin.resolve("java"), "echo \"java $*\" >> '" + calls + "'\nexit 7\n");
    }

    private static void stub(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        file.toFile().setExecutable(true);
    }

    private int launch(String... args) throws IOException, InterruptedException {
        return launchWith(java.util.Map.of(), args);
    }

    private int launchWith(java.util.Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = repo.resolve("galvani").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(repo.resolve("launcher.out").toFile());
        builder.environment().remove("GALVANI_JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", repo.resolve("bin") + ":/usr/bin:/bin");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
        return process.exitValue();
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    @Verifies("SRS-APP-003")
    void buildsWhenTheJarIsMissingThenRunsItWithTheArgumentsAndExitCode() throws Exception {
        int code = launch("demo", "--speed", "0");
        assertEquals(7, code, "the jar's exit code passes through");
        List<String> calls = calls();
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("mvn ") && calls.get(0).contains("-pl app -am package"), calls.get(0));
        assertTrue(calls.get(1).endsWith("app/target/galvani.jar demo --speed 0"), calls.get(1));
    }

    @Test
    @Verifies("SRS-APP-003")
    void doesNotBuildWhenTheJarIsNewerThanEverySource() throws Exception {
        launch("demo");
        Files.delete(calls);
        launch("demo");
        List<String> calls = calls();
        assertEquals(1, calls.size(), calls.toString());
        assertFalse(calls.get(0).startsWith("mvn"), calls.toString());
    }

    @Test
    @Verifies("SRS-APP-003")
    void rebuildsWhenASourceIsNewerThanTheJar() throws Exception {
        launch("demo");
        Files.delete(calls);
        Files.setLastModifiedTime(repo.resolve("app/target/galvani.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        launch("demo");
        assertTrue(calls().get(0).startsWith("mvn "), calls().toString());
    }

    @Test
    @Verifies("SRS-APP-072")
    void galvaniJavaOptsGoToTheJvmBeforeTheJarAndNothingElseDoesWithoutThem() throws Exception {
        launchWith(java.util.Map.of("GALVANI_JAVA_OPTS", "-XX:+UseZGC -Xmx256m"), "run", "--realtime-priority", "10");
        launch("demo");
        List<String> calls = calls();
        String withOptions = calls.get(calls.size() - 2);
        assertTrue(withOptions.matches("java -XX:\\+UseZGC -Xmx256m -jar \\S*app/target/galvani.jar run --realtime-priority 10"),
                withOptions);
        assertTrue(calls.get(calls.size() - 1).matches("java -jar \\S*app/target/galvani.jar demo"), calls.toString());
    }

    @Test
    @Verifies("SRS-APP-003")
    void aFailedBuildStopsWithAMessage() throws Exception {
        stub(repo.resolve("bin/mvn"), "echo 'COMPILATION ERROR in A.java'\nexit 1\n");
        int code = launch("demo");
        assertEquals(1, code);
        String out = Files.readString(repo.resolve("launcher.out"));
        assertTrue(out.contains("COMPILATION ERROR in A.java"), "the build's output is shown: " + out);
        assertTrue(out.contains("the build failed"), out);
    }
}
