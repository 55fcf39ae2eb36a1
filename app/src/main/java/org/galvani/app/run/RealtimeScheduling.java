package org.galvani.app.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.galvani.trace.Implements;

/**
 * Puts the runtime's control-loop thread under Linux's real-time FIFO scheduling, so that the process's
 * other threads (the OPC UA gateway, the ledger, the garbage collector's workers) and other processes
 * cannot hold back its ticks for a scheduler time slice. Java cannot set a thread's policy, so
 * {@code chrt} (util-linux) sets it on the thread's Linux ID, found by its name in {@code /proc/self/task};
 * the policy is then read back from the thread's {@code stat}. Needs the CAP_SYS_NICE capability (root,
 * {@code setcap cap_sys_nice+ep} on the java binary, or a systemd unit with {@code AmbientCapabilities=CAP_SYS_NICE}).
 *
 * <p>Every failure throws {@link IllegalStateException} saying what and why: a device that was asked to
 * run its loop in real time must not silently run it at normal priority.
 */
@Implements("SRS-APP-071")
public final class RealtimeScheduling {

    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 99;
    /** Linux keeps the first 15 bytes of a thread's name: the runtime's loop is "galvani-control-loop". */
    static final String LOOP_THREAD = "galvani-control";
    private static final int SCHED_FIFO = 1;
    /** In /proc/[tid]/stat, counted from the field after the command's closing parenthesis (field 3). */
    private static final int RT_PRIORITY_FIELD = 40 - 3;
    private static final int POLICY_FIELD = 41 - 3;
    private static final long CHRT_TIMEOUT_SECONDS = 5;
    private static final long NAME_WAIT_MILLIS = 1_000;

    private final Path tasks;
    private final String chrt;

    /** {@code tasks}: the process's thread directory ({@code /proc/self/task}); {@code chrt}: the command. */
    RealtimeScheduling(Path tasks, String chrt) {
        this.tasks = tasks;
        this.chrt = chrt;
    }

    /**
     * Gives this process's control-loop threads SCHED_FIFO at {@code priority} (1 to 99) and returns their
     * Linux thread IDs. The runtime must have started.
     */
    public static List<Long> applyToControlLoop(int priority) {
        return new RealtimeScheduling(Path.of("/proc/self/task"), "chrt").apply(priority);
    }

    List<Long> apply(int priority) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("the real-time priority must be from " + MIN_PRIORITY + " to "
                    + MAX_PRIORITY + ", was " + priority);
        }
        if (!Files.isDirectory(tasks)) {
            throw new IllegalStateException("real-time scheduling needs Linux: " + tasks + " does not exist");
        }
        List<Long> loops = loopThreads();
        // A thread that has just started names itself to Linux a moment later.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NAME_WAIT_MILLIS);
        while (loops.isEmpty() && System.nanoTime() - deadline < 0) {
            pause();
            loops = loopThreads();
        }
        if (loops.isEmpty()) {
            throw new IllegalStateException("no thread named " + LOOP_THREAD + " in " + tasks
                    + ": the runtime's control loop is not running");
        }
        for (long tid : loops) {
            runChrt(priority, tid);
            verify(priority, tid);
        }
        return loops;
    }

    private List<Long> loopThreads() {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String name = read(thread.resolve("comm"));
                if (name != null && name.strip().equals(LOOP_THREAD)) {
                    found.add(Long.parseLong(thread.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not list the threads in " + tasks + ": " + e.getMessage(), e);
        }
        return found;
    }

    private void runChrt(int priority, long tid) {
        List<String> command = List.of(chrt, "--fifo", "--pid", Integer.toString(priority), Long.toString(tid));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + chrt + " (util-linux) to set the control loop's"
                    + " real-time priority: " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(CHRT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + CHRT_TIMEOUT_SECONDS + " s");
            }
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + (said.isEmpty() ? "" : ": " + said) + "); real-time scheduling needs CAP_SYS_NICE (root,"
                        + " setcap cap_sys_nice+ep on java, or systemd's AmbientCapabilities=CAP_SYS_NICE)");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the control loop's real-time priority", e);
        } catch (IOException e) {
            throw new IllegalStateException("could not read what " + chrt + " said: " + e.getMessage(), e);
        }
    }

    /** Reads the policy back: chrt's exit code alone does not prove the thread runs as asked. */
    private void verify(int priority, long tid) {
        Path stat = tasks.resolve(Long.toString(tid)).resolve("stat");
        String text = read(stat);
        if (text == null || text.lastIndexOf(')') < 0) {
            throw new IllegalStateException("could not read " + stat + " to check the control loop's policy");
        }
        String[] fields = text.substring(text.lastIndexOf(')') + 2).strip().split(" ");
        if (fields.length <= POLICY_FIELD) {
            throw new IllegalStateException(stat + " has " + fields.length + " fields after the name, expected more than "
                    + POLICY_FIELD);
        }
        int policy = Integer.parseInt(fields[POLICY_FIELD]);
        int rtPriority = Integer.parseInt(fields[RT_PRIORITY_FIELD]);
        if (policy != SCHED_FIFO || rtPriority != priority) {
            throw new IllegalStateException("the control loop (thread " + tid + ") runs with policy " + policy
                    + " at real-time priority " + rtPriority + ", not SCHED_FIFO (1) at " + priority);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for the control loop's thread", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // a thread that ended meanwhile
        }
    }
}
