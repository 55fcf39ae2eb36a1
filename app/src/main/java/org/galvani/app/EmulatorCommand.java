package org.galvani.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.galvani.drivers.wire.emulator.ClockMode;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.drivers.wire.emulator.HostSessionListener;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code galvani emulator}: runs the wire-protocol device emulator (an emulated output stage on the
 * {@code sim} plant) on a TCP port, for a {@code wire} driver to connect to, until Ctrl-C or the given
 * duration; at exit it prints the charge that really flowed.
 */
@Command(name = "emulator",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the wire-protocol device emulator: an emulated iontophoresis board on the simulator's plant,"
                + " with a 50 ms firmware watchdog, serving one 'wire' driver connection at a time.",
            "Prints the endpoint it listens on, a line per host connection and per disconnect (with the true"
                + " charge so far, once the output is cut); stops on Ctrl-C (or after --duration-s) and prints the true"
                + " charge delivered. Exit code 0 after a clean stop, 1 if it cannot listen, 2 for bad options."},
        footer = {"", "Example: galvani emulator --port 7450 --clock device"})
@Implements({"SRS-APP-010", "SRS-APP-002"})
public final class EmulatorCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7450",
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--clock", paramLabel = "MODE", defaultValue = "host",
            description = "host: the plant follows the host time in the frames (deterministic simulated time);"
                    + " device: a free-running 1 kHz firmware loop on the emulator's own clock (default: ${DEFAULT-VALUE}).")
    private String clock;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the patient's load: 0 is the simulator's patch default; other values draw"
                    + " series and skin resistances reproducibly (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--watchdog-ms", paramLabel = "MS", defaultValue = "50",
            description = "Firmware watchdog timeout, 1..60000 ms (default: ${DEFAULT-VALUE}).")
    private int watchdogMillis;

    @Option(names = "--duration-s", paramLabel = "S", defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    private double durationSeconds;

    @Override
    public Integer call() {
        EmulatorConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        DeviceEmulator emulator;
        try {
            emulator = DeviceEmulator.start(config);
        } catch (IOException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "Emulator listening on %s (%s clock, watchdog %d ms, seed %d); Ctrl-C stops it%n",
                emulator.endpoint(), clock.toLowerCase(Locale.ROOT), watchdogMillis, seed);
        out.flush();
        emulator.listen(new SessionLines(out));
        AtomicBoolean reported = new AtomicBoolean();
        Runnable finish = () -> {
            if (reported.compareAndSet(false, true)) {
                emulator.close();
                out.println(emulator.chargeReport());
                out.flush();
            }
        };
        Thread hook = new Thread(finish, "galvani-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CountDownLatch never = new CountDownLatch(1);
            if (durationSeconds > 0) {
                never.await(Math.round(durationSeconds * 1_000), TimeUnit.MILLISECONDS);
            } else {
                never.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return 0; // the JVM is shutting down: the hook reports
        }
        finish.run();
        return 0;
    }

    /**
     * One line per host connection and one per disconnect with the true charge so far, printed after the
     * board cut its output: what a crash test reads to learn what really flowed, from outside the host.
     */
    @Implements("SRS-APP-056")
    static final class SessionLines implements HostSessionListener {
        private final PrintWriter out;

        SessionLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void connected(int session, String peer) {
            out.printf(Locale.ROOT, "emulator: host %d connected from %s%n", session, peer);
            out.flush();
        }

        @Override
        public void disconnected(int session, long trueChargeMicroampMicros) {
            out.printf(Locale.ROOT, "emulator: host %d disconnected; true charge so far: %d uA*us (%d uA*ms)%n", session,
                    trueChargeMicroampMicros, trueChargeMicroampMicros / 1_000);
            out.flush();
        }
    }

    private EmulatorConfig config() {
        if (host == null || host.isBlank()) {
            throw usage("--host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw usage("--port must be from 0 to 65535, was " + port);
        }
        ClockMode mode;
        try {
            mode = ClockMode.valueOf(clock.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--clock must be host or device, was '" + clock + "'");
        }
        if (watchdogMillis < 1 || watchdogMillis > 60_000) {
            throw usage("--watchdog-ms must be from 1 to 60000, was " + watchdogMillis);
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
            throw usage("--duration-s must be zero or a positive number, was " + durationSeconds);
        }
        return new EmulatorConfig(host.trim(), port, mode, watchdogMillis, EmulatorConfig.plantForSeed(seed));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
