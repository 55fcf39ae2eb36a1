package org.galvani.app.run;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.opcua.OpcUaGateway;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running device: the configured driver under the runtime in real time (1 kHz), the dose
 * ledger, request sources (the OPC UA gateway and the console, both through one {@link OperatorDesk}) and
 * the progress bar, until a quit, an interrupt (SIGINT or
 * SIGTERM) or, with --exit-when-done, the end of the start-up treatment. However it ends, a running
 * treatment is stopped with a ramp-down and the output reaches zero (bounded wait) before the driver
 * and the ledger are closed.
 *
 * <p>Threads: the caller's thread runs the start-up treatment, the progress bar and the shutdown; each
 * request source serves on its own daemon thread; the runtime has its control loop and dispatcher.
 */
@Implements({"SRS-APP-050", "SRS-APP-052", "SRS-APP-054"})
public final class DeviceMode {

    /** Exit codes (documented in {@code galvani run --help}). */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_REFUSED = 2;

    static final String CHANNEL = "ch0";
    static final String STARTUP_ORIGIN = "startup";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceMode.class);
    private static final long POLL_MILLIS = 50;
    private static final long START_RETRY_MILLIS = 200;
    /** Added to the ramp when waiting for a ramp-down to reach zero at shutdown. */
    static final long SHUTDOWN_MARGIN_MILLIS = 5_000;
    /** The ramp assumed for a treatment whose order is unknown here. */
    private static final long UNKNOWN_RAMP_MILLIS = 120_000;

    private final RunSettings settings;
    private final PrintWriter out;
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String shutdownCause;
    private volatile boolean interrupted;
    /** The OPC UA gateway while the device runs with one. */
    private volatile OpcUaGateway runningGateway;
    /** Where every source's requests go, once the device runs. */
    private volatile OperatorDesk desk;

    DeviceMode(RunSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the device until it is told to stop, with the operator console on {@code console} (null: none); returns the exit code. */
    int run(BufferedReader console) {
        Thread hook = new Thread(this::interruptedBySignal, "galvani-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runDevice(console);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                LOG.debug("the JVM is shutting down; the hook ends it");
            }
        }
    }

    /** Asks the device to shut down (a quit command, a signal); returns at once. */
    void requestShutdown(String cause) {
        if (shutdownCause == null) {
            shutdownCause = cause;
        }
        shutdown.countDown();
    }

    private int runDevice(BufferedReader console) {
        int code;
        try (RunLedger ledger = RunLedger.open(settings.dataDir())) {
            String driverName = settings.config().driver();
            OutputStageDriver driver = DriverRegistry.load(DeviceMode.class.getClassLoader())
                    .create(settings.config().settingsFor(driverName));
            KernelRuntime runtime = KernelRuntime.builder()
                    .channel(CHANNEL, settings.profile().profile(), driver)
                    .ledger(ledger.doseLedger())
                    .stageHoldMillis(settings.stageHoldMillis())
                    .sink(new StateLines(out, settings.progress() && settings.interactive()))
                    .build();
            Channel channel = runtime.channel(CHANNEL);
            OperatorDesk operatorDesk = new OperatorDesk(channel, settings.profile().profile(), () -> requestShutdown("quit"));
            desk = operatorDesk;
            GatewayRequestSource gateway = null;
            try {
                // Before the control loop: the gateway's first start makes its RSA key, which takes the CPU.
                gateway = openGateway(runtime, ledger, operatorDesk);
                runtime.start();
                realtime();
                out.printf(Locale.ROOT, "Device running: driver %s (%s), profile %s, stage hold %d ms, ledger %s;"
                        + " 'help' lists the console's commands, Ctrl-C stops%n", driverName, settings.config().source(),
                        settings.profile().id(), settings.stageHoldMillis(), ledger.describe());
                out.flush();
                code = serve(channel, operatorDesk, console, ledger);
            } finally {
                // No more network requests while the treatment is ended and the device closed.
                if (gateway != null) {
                    gateway.close();
                }
                stopAndClose(runtime);
            }
        }
        out.println("Device stopped: output disabled, driver and ledger closed");
        out.flush();
        return code;
    }

    /** Opens the OPC UA gateway as a request source through the desk; null with --no-opcua. */
    @Implements({"SRS-APP-064", "SRS-APP-070"})
    private GatewayRequestSource openGateway(KernelRuntime runtime, RunLedger ledger, OperatorDesk operatorDesk) {
        if (settings.opcua() == null) {
            return null;
        }
        GatewayRequestSource source = new GatewayRequestSource(settings.opcua(), runtime, settings.dataDir(),
                ledger.gatewayAudit(), System.getenv(), out);
        try {
            source.open(operatorDesk);
        } catch (Exception e) {
            source.close();
            throw new IllegalStateException("the OPC UA gateway could not start at " + settings.opcua().host() + ":"
                    + settings.opcua().port() + ": " + e.getMessage()
                    + " (--opcua-port, --opcua-host; --no-opcua runs without it)", e);
        }
        runningGateway = source.gateway();
        return source;
    }

    /** With --realtime-priority: the control loop under SCHED_FIFO, or the device does not run. */
    @Implements("SRS-APP-071")
    private void realtime() {
        if (settings.realtimePriority() == 0) {
            return;
        }
        List<Long> threads = RealtimeScheduling.applyToControlLoop(settings.realtimePriority());
        out.printf(Locale.ROOT, "Control loop: real-time SCHED_FIFO priority %d (Linux thread %s)%n",
                settings.realtimePriority(), threads.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        out.flush();
    }

    /** For tests: the OPC UA gateway while the device runs with one, else null. */
    OpcUaGateway gateway() {
        return runningGateway;
    }

    private int serve(Channel channel, OperatorDesk desk, BufferedReader console, RunLedger ledger) {
        ConsoleRequestSource source = new ConsoleRequestSource(console, out);
        boolean startedHere = false;
        try {
            if (settings.startup() != null) {
                int refused = armStartup(desk);
                if (refused != EXIT_OK) {
                    return refused;
                }
                if (settings.start()) {
                    if (!startStartup(channel)) {
                        return interrupted ? EXIT_OK : EXIT_FAILED;
                    }
                    startedHere = true;
                }
            }
            if (console != null) {
                source.open(desk);
            }
            return watch(channel, desk, startedHere, ledger);
        } finally {
            source.close();
        }
    }

    /** Arms the start-up treatment; returns EXIT_OK, or the exit code of a refusal after saying why. */
    private int armStartup(OperatorDesk desk) {
        TreatmentOrder order = settings.startup();
        RequestOutcome armed = desk.arm(order, STARTUP_ORIGIN);
        out.println(OperatorDesk.describe("arm " + order.describe(), armed));
        out.flush();
        if (armed == null) {
            return EXIT_FAILED;
        }
        return armed.accepted() ? EXIT_OK : EXIT_REFUSED;
    }

    /**
     * Starts the armed start-up treatment once contact is confirmed, retrying refusals every
     * {@value #START_RETRY_MILLIS} ms up to the start timeout. Returns whether it started.
     */
    private boolean startStartup(Channel channel) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.startTimeoutMillis());
        Reason lastRefusal = null;
        while (System.nanoTime() - deadline < 0 && shutdown.getCount() > 0) {
            KernelSnapshot s = channel.snapshot();
            if (s.state() != KernelState.ARMED) {
                out.println("start: not sent: the treatment is no longer armed (" + s.state() + ", " + s.lastReason().text() + ")");
                return false;
            }
            if (s.contactOk()) {
                RequestOutcome outcome = OperatorDesk.await(desk.submit(RequestKind.START, null, STARTUP_ORIGIN));
                if (outcome != null && outcome.accepted()) {
                    out.println(OperatorDesk.describe("start", outcome));
                    out.flush();
                    return true;
                }
                if (outcome != null && outcome.reason() != lastRefusal) {
                    lastRefusal = outcome.reason();
                    out.println(OperatorDesk.describe("start", outcome) + "; retrying");
                    out.flush();
                }
            }
            pause(START_RETRY_MILLIS);
        }
        if (shutdown.getCount() == 0) {
            return false;
        }
        out.printf(Locale.ROOT, "start: not accepted within %.1f s%s%n", settings.startTimeoutMillis() / 1e3,
                lastRefusal == null ? " (electrode contact was never confirmed)" : " (last refusal: " + lastRefusal.text() + ")");
        out.flush();
        return false;
    }

    /**
     * The progress bar and the ledger's samples, until a shutdown is asked for or (--exit-when-done) the
     * treatment has ended.
     */
    private int watch(Channel channel, OperatorDesk desk, boolean startedHere, RunLedger ledger) {
        ProgressPrinter progress = new ProgressPrinter(out, settings.progress(), settings.interactive(),
                settings.progressEveryMillis());
        try {
            while (!awaitShutdown(POLL_MILLIS)) {
                KernelSnapshot s = channel.snapshot();
                ledger.sample(s);
                progress.show(s, durationMillis(desk, s), System.nanoTime() / 1_000_000);
                if (settings.exitWhenDone() && startedHere && ended(s)) {
                    progress.end();
                    out.printf(Locale.ROOT, "Treatment %s ended: %s (%s)%n", s.treatmentId(), s.halted() ? "HALTED" : s.state(),
                            s.lastReason().text());
                    return s.state() == KernelState.COMPLETE && !s.halted() ? EXIT_OK : EXIT_FAILED;
                }
            }
            progress.end();
            return EXIT_OK;
        } finally {
            progress.end();
        }
    }

    /** The running time-based treatment's duration, whichever source armed it; 0 when unknown or dose-based. */
    private static long durationMillis(OperatorDesk desk, KernelSnapshot s) {
        Prescription armed = desk.armed();
        return armed != null && armed.treatmentId().equals(s.treatmentId()) ? armed.durationMillis() : 0;
    }

    private static boolean ended(KernelSnapshot s) {
        return s.halted() || s.state() == KernelState.COMPLETE || s.state() == KernelState.IDLE
                || s.state() == KernelState.FAULT;
    }

    /**
     * Ends any treatment with a stop request and waits (bounded by its ramp plus a margin) until the
     * output is at zero; then closes the runtime, which disables the output and closes the driver.
     */
    private void stopAndClose(KernelRuntime runtime) {
        try {
            Channel channel = runtime.channel(CHANNEL);
            KernelSnapshot s = channel.snapshot();
            String cause = shutdownCause == null ? "shutting down" : shutdownCause;
            if (needsStop(s.state())) {
                out.printf(Locale.ROOT, "%s: stopping treatment %s (%s) with a ramp-down%n", cause, s.treatmentId(), s.state());
                out.println(OperatorDesk.describe("stop", OperatorDesk.await(channel.stop("shutdown"))));
                out.flush();
            }
            if (s.setpointMicroamps() > 0 || needsStop(s.state()) || s.state() == KernelState.RAMP_DOWN) {
                awaitZero(channel);
            }
        } finally {
            runtime.close();
        }
    }

    private void awaitZero(Channel channel) {
        long startNanos = System.nanoTime();
        long limitMillis = rampMillis() + SHUTDOWN_MARGIN_MILLIS;
        long deadline = startNanos + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        KernelSnapshot s = channel.snapshot();
        while (System.nanoTime() - deadline < 0 && !atZero(s)) {
            pause(10);
            s = channel.snapshot();
        }
        if (atZero(s)) {
            out.printf(Locale.ROOT, "Output at zero after %.1f s (%s, %s)%n", (System.nanoTime() - startNanos) / 1e9,
                    s.state(), s.lastReason().text());
        } else {
            out.printf(Locale.ROOT, "Output not at zero within %.1f s (%s, %d uA): disabling it%n", limitMillis / 1e3,
                    s.state(), s.setpointMicroamps());
        }
        out.flush();
    }

    /** The ramp of the treatment armed last, whichever source armed it; a long one when none is known. */
    private long rampMillis() {
        OperatorDesk current = desk;
        Prescription armed = current == null ? null : current.armed();
        if (armed != null) {
            return armed.rampMillis();
        }
        return settings.startup() == null ? UNKNOWN_RAMP_MILLIS : Math.round(settings.startup().rampSeconds() * 1_000);
    }

    private static boolean atZero(KernelSnapshot s) {
        return s.halted() || (s.setpointMicroamps() == 0 && s.state() != KernelState.RAMP_DOWN && !needsStop(s.state()))
                || s.state() == KernelState.FAULT;
    }

    private static boolean needsStop(KernelState state) {
        return state == KernelState.ARMED || state == KernelState.RAMP_UP || state == KernelState.DELIVERING
                || state == KernelState.PAUSED || state == KernelState.CONTACT_LOST;
    }

    /** The shutdown hook: SIGINT or SIGTERM. Ends the device as a quit does, then exits 0. */
    private void interruptedBySignal() {
        if (finished.getCount() == 0) {
            return; // the device had already stopped: a normal exit
        }
        interrupted = true;
        requestShutdown("interrupted");
        try {
            finished.await(rampMillis() + 2 * SHUTDOWN_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        // The JVM would exit with 130 (143) after a signal; a clean, complete shutdown is a success.
        Runtime.getRuntime().halt(finished.getCount() == 0 ? EXIT_OK : EXIT_FAILED);
    }

    private boolean awaitShutdown(long millis) {
        try {
            return shutdown.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
