package org.galvani.app.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar running as a child process, its standard output and error going to files that the
 * test reads while it runs (no pipe to fill up and block the child).
 */
final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java [jvmOptions] -jar galvani.jar args}, writing into {@code dir/name.out} and {@code .err}. */
    static JarProcess start(Path dir, String name, List<String> jvmOptions, String... args) throws IOException {
        return start(dir, name, jvmOptions, null, args);
    }

    /**
     * As {@link #start(Path, String, List, String...)}, with exactly the {@code GALVANI_*} environment
     * variables in {@code galvaniEnvironment}: the ones this JVM inherited are not passed on.
     */
    static JarProcess startWithGalvaniEnvironment(Path dir, String name, Map<String, String> galvaniEnvironment,
                                                  String... args) throws IOException {
        return start(dir, name, List.of(), galvaniEnvironment, args);
    }

    private static JarProcess start(Path dir, String name, List<String> jvmOptions, Map<String, String> galvaniEnvironment,
                                    String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(System.getProperty("galvani.jar"));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        if (galvaniEnvironment != null) {
            builder.environment().keySet().removeIf(variable -> variable.startsWith("GALVANI_"));
            builder.environment().putAll(galvaniEnvironment);
        }
        Process process = builder.start();
        return new JarProcess(process, out, err);
    }

    Process process() {
        return process;
    }

    /** What it printed on standard output so far. */
    String out() {
        return read(out);
    }

    /** What it printed on standard error so far. */
    String err() {
        return read(err);
    }

    /**
     * Polls its output until {@code condition} holds, the process has exited (and its last output was
     * read) or {@code timeoutMillis} passed; returns whether it holds.
     */
    boolean awaitOut(Predicate<String> condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            boolean exited = !process.isAlive();
            if (condition.test(out())) {
                return true;
            }
            if (exited || System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
    }

    /** The first match of {@code pattern} in its output once there is one (bounded), else null. */
    Matcher awaitMatch(Pattern pattern, long timeoutMillis) throws InterruptedException {
        Matcher matcher = pattern.matcher("");
        return awaitOut(text -> matcher.reset(text).find(), timeoutMillis) ? matcher : null;
    }

    /** Waits (bounded) for it to exit; returns the exit code, or -1 if it is still running. */
    int awaitExit(long timeoutMillis) throws InterruptedException {
        return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** What it printed, for failure messages. */
    String describe() {
        return "--- stdout ---\n" + out() + "\n--- stderr ---\n" + err();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
