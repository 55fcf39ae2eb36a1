package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.galvani.app.CliRun;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.testing.Profiles;
import org.galvani.kernel.testing.TestStage;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control loop's real-time scheduling: the thread is found by name, chrt's failure and a policy that
 * did not take are errors that say why, and (where the process may) a real loop runs SCHED_FIFO.
 */
class RealtimeSchedulingTest {

    @TempDir
    Path dir;

    @Test
    @Verifies("SRS-APP-071")
    void aPriorityOutsideOneToNinetyNineIsRefusedBeforeAnythingIsTouched() {
        RealtimeScheduling scheduling = new RealtimeScheduling(dir.resolve("no-such-dir"), "chrt");
        for (int priority : new int[] {0, -1, 100}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scheduling.apply(priority));
            assertEquals("the real-time priority must be from 1 to 99, was " + priority, e.getMessage());
        }
    }

    @Test
    @Verifies("SRS-APP-071")
    void withoutProcThereIsNoRealTimeScheduling() {
        Path tasks = dir.resolve("proc/self/task");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RealtimeScheduling(tasks, "chrt").apply(10));
        assertEquals("real-time scheduling needs Linux: " + tasks + " does not exist", e.getMessage());
    }

    @Test
    @Verifies("SRS-APP-071")
    void noControlLoopThreadIsAnError() throws IOException {
        Path tasks = tasks();
        thread(tasks, 7, "main", 0, 0);
        thread(tasks, 8, "galvani-event-d", 0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RealtimeScheduling(tasks, "chrt").apply(10));
        assertEquals("no thread named galvani-control in " + tasks + ": the runtime's control loop is not running",
                e.getMessage());
    }

    @Test
    @Verifies("SRS-APP-071")
    void chrtsRefusalIsReportedWithWhatItSaidAndWhatIsNeeded() throws IOException {
        Path tasks = tasks();
        thread(tasks, 42, "galvani-control", 0, 0);
        Path chrt = script("echo \"chrt: failed to set pid 42's policy: Operation not permitted\" >&2; exit 1");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RealtimeScheduling(tasks, chrt.toString()).apply(10));
        assertEquals(chrt + " --fifo --pid 10 42 failed (exit 1: chrt: failed to set pid 42's policy: Operation not"
                + " permitted); real-time scheduling needs CAP_SYS_NICE (root, setcap cap_sys_nice+ep on java, or"
                + " systemd's AmbientCapabilities=CAP_SYS_NICE)", e.getMessage());
    }

    @Test
    @Verifies("SRS-APP-071")
    void aChrtThatSucceedsWithoutEffectIsCaughtByReadingThePolicyBack() throws IOException {
        Path tasks = tasks();
        thread(tasks, 42, "galvani-control", 0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RealtimeScheduling(tasks, script("exit 0").toString()).apply(10));
        assertEquals("the control loop (thread 42) runs with policy 0 at real-time priority 0, not SCHED_FIFO (1) at 10",
                e.getMessage());
    }

    @Test
    @Verifies("SRS-APP-071")
    void everyControlLoopThreadIsSetAndChecked() throws IOException {
        Path tasks = tasks();
        thread(tasks, 42, "galvani-control", 1, 10);
        thread(tasks, 43, "galvani-opcua-1", 0, 0);
        Path calls = dir.resolve("calls");
        Path chrt = script("echo \"$@\" >> " + calls);

        assertEquals(List.of(42L), new RealtimeScheduling(tasks, chrt.toString()).apply(10));
        assertEquals(List.of("--fifo --pid 10 42"), Files.readAllLines(calls));
    }

    @Test
    @Verifies("SRS-APP-071")
    void aRealControlLoopRunsSchedFifoWhereTheProcessMaySetIt() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "not Linux");
        try (KernelRuntime runtime = KernelRuntime.builder()
                .channel("ch0", Profiles.quickDrugDelivery("rt", 60_000_000L).build(), new TestStage())
                .build()) {
            runtime.start();
            List<Long> threads;
            try {
                threads = RealtimeScheduling.applyToControlLoop(5);
            } catch (IllegalStateException e) {
                Assumptions.assumeFalse(e.getMessage().contains("Operation not permitted"),
                        "this process may not use real-time scheduling: " + e.getMessage());
                throw e;
            }
            assertEquals(1, threads.size(), "one runtime, one loop: " + threads);
            String stat = Files.readString(Path.of("/proc/self/task/" + threads.get(0) + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertEquals("1", fields[38], "SCHED_FIFO: " + stat);
            assertEquals("5", fields[37], "priority 5: " + stat);
        }
    }

    @Test
    @Verifies("SRS-APP-071")
    void runSaysItsLoopRunsInRealTimeOrDoesNotRun() {
        CliRun run = CliRun.of("run", "--profile", "bench-test", "--data-dir", dir.toString(), "--no-console", "--no-opcua",
                "--realtime-priority", "5", "--treatment-id", "RT-1", "--drug", "dexamethasone-sodium-phosphate",
                "--current-ma", "1", "--area-cm2", "10", "--dose-mamin", "0.01", "--ramp-s", "0.5", "--start",
                "--exit-when-done");
        if (run.exitCode() == 0) {
            assertTrue(run.out().matches("(?s).*Control loop: real-time SCHED_FIFO priority 5 \\(Linux thread \\d+\\)\n.*"),
                    run.out());
            assertTrue(run.out().indexOf("Control loop: real-time") < run.out().indexOf("Device running:"), run.out());
        } else {
            assertEquals(1, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("CAP_SYS_NICE") || run.err().contains("needs Linux"), run.err());
            assertTrue(!run.out().contains("Device running:"), "the device did not run: " + run.out());
        }
    }

    @Test
    @Verifies("SRS-APP-071")
    void aPriorityOutOfRangeIsAUsageErrorAndNothingRuns() {
        CliRun run = CliRun.of("run", "--no-console", "--no-opcua", "--data-dir", dir.toString(), "--realtime-priority", "100");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--realtime-priority must be from 1 to 99 (0: normal priority), was 100"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    private Path tasks() throws IOException {
        return Files.createDirectories(dir.resolve("task"));
    }

    /** A thread directory as Linux shows it: comm, and stat with the policy and real-time priority. */
    private static void thread(Path tasks, long tid, String name, int policy, int rtPriority) throws IOException {
        Path thread = Files.createDirectories(tasks.resolve(Long.toString(tid)));
        Files.writeString(thread.resolve("comm"), name + "\n");
        List<String> fields = new ArrayList<>();
        for (int i = 3; i <= 52; i++) {
            fields.add(i == 40 ? Integer.toString(rtPriority) : i == 41 ? Integer.toString(policy) : i == 3 ? "S" : "0");
        }
        Files.writeString(thread.resolve("stat"), tid + " (" + name + ") " + String.join(" ", fields) + "\n");
    }

    private Path script(String body) throws IOException {
        Path script = dir.resolve("chrt-" + System.nanoTime());
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
