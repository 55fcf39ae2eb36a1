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
import java.util.stream.Collectors;

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
        return launch(dir, name, javaCommand(jvmOptions, args), null);
    }

    /**
     * As {@link #start(Path, String, List, String...)}, with exactly the {@code GALVANI_*} environment
     * variables in {@code galvaniEnvironment}: the ones this JVM inherited are not passed on.
     */
    static JarProcess startWithGalvaniEnvironment(Path dir, String name, Map<String, String> galvaniEnvironment,
                                                  String... args) throws IOException {
        return launch(dir, name, javaCommand(List.of(), args), galvaniEnvironment);
    }

    /**
     * Starts {@code java -jar galvani.jar args} on a pseudo-terminal made by util-linux {@code script}: the
     * jar's standard input, output and error are that terminal (so it has a console), what the test writes
     * to {@link #type(String)} is typed on it, and everything the terminal shows goes to {@code dir/name.out}
     * ({@code .err} gets only {@code script}'s own complaints).
     */
    static JarProcess startOnTerminal(Path script, Path dir, String name, String... args) throws IOException {
        String shellCommand = javaCommand(List.of(), args).stream().map(JarProcess::shellQuoted)
                .collect(Collectors.joining(" "));
        // -q: no start and end banners; -e: the jar's exit code; -c: run it instead of a shell; no typescript file.
        return launch(dir, name, List.of(script.toString(), "-qec", shellCommand, "/dev/null"), null);
    }

    private static List<String> javaCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(System.getProperty("galvani.jar"));
        command.addAll(List.of(args));
        return command;
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static JarProcess launch(Path dir, String name, List<String> command, Map<String, String> galvaniEnvironment)
            throws IOException {
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

    /** Writes {@code text} to its standard input at once (on a terminal: types it). */
    void type(String text) throws IOException {
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
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
