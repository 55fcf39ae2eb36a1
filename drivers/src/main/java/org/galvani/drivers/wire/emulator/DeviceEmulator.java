package org.galvani.drivers.wire.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.wire.ByteLink;
import org.galvani.drivers.wire.TcpByteLink;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated iontophoresis board that speaks the wire protocol on a TCP port: the firmware side of
 * {@link org.galvani.drivers.wire.WireDriver}, around the same plant model as the {@code sim} driver.
 *
 * <p>It serves one host connection at a time (others wait in the backlog until it ends), answers MEASURE,
 * applies SETPOINT, runs SELF_TEST, and has a firmware watchdog: an enabled output without a SETPOINT for
 * {@link EmulatorConfig#watchdogMillis()} of its own wall clock, or whose host disconnects, is disabled and
 * FIRMWARE_WATCHDOG latched until CLEAR_FAULT. It counts the charge that really flowed
 * ({@link #trueChargeMicroampMicros()}) and logs it when it stops. {@link #faults()} injects link and
 * device faults while it runs.
 *
 * <p>Two daemon threads, both stopped by {@link #close()}: {@code galvani-emulator-link} (accepts and serves
 * the host) and {@code galvani-emulator-firmware} (the 1 kHz firmware loop: the watchdog, and in
 * {@link ClockMode#DEVICE} the plant).
 */
@Implements({"SRS-DRV-033", "SRS-DRV-034", "SRS-DRV-035", "SRS-DRV-036", "SRS-DRV-045"})
public final class DeviceEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEmulator.class);
    private static final long FIRMWARE_PERIOD_NANOS = 1_000_000;
    /** How long a reply write may take before the emulator drops the host (µs). */
    private static final long WRITE_TIMEOUT_MICROS = 100_000;
    /**
     * How long the link thread polls for the host's next frame before it sleeps (µs): like a firmware
     * main loop polling its UART while the host is talking, so that a reply does not wait for a thread
     * wake-up (hundreds of µs on a VM); an idle host costs nothing.
     */
    private static final long SESSION_SPIN_MICROS = 2_000;

    private final EmulatorConfig config;
    private final ServerSocketChannel server;
    private final AnalogFrontEnd frontEnd;
    private final LinkFaults faults;
    private final Thread linkThread;
    private final Thread firmwareThread;
    private volatile boolean running = true;
    private volatile ByteLink current;
    private volatile int sessions;
    private volatile HostSessionListener listener = HostSessionListener.none();
    private boolean closed;

    private DeviceEmulator(EmulatorConfig config, ServerSocketChannel server) {
        this.config = config;
        this.server = server;
        this.faults = new LinkFaults(this::dropHost);
        this.frontEnd = new AnalogFrontEnd(new SimulatedOutputStage(config.plant()), config.clock(),
                TimeUnit.MILLISECONDS.toNanos(config.watchdogMillis()), faults, System.nanoTime());
        this.linkThread = new Thread(this::serveHosts, "galvani-emulator-link");
        this.firmwareThread = new Thread(this::firmwareLoop, "galvani-emulator-firmware");
        linkThread.setDaemon(true);
        firmwareThread.setDaemon(true);
    }

    /** Binds {@code config.host():config.port()} and starts serving; throws naming the address if it cannot bind. */
    public static DeviceEmulator start(EmulatorConfig config) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(config.host(), config.port()), 1);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IOException("emulator: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        DeviceEmulator emulator = new DeviceEmulator(config, server);
        emulator.firmwareThread.start();
        emulator.linkThread.start();
        LOG.info("emulator: listening on {} ({} clock, watchdog {} ms)", emulator.endpoint(),
                config.clock().name().toLowerCase(Locale.ROOT), config.watchdogMillis());
        return emulator;
    }

    /** The port it listens on (the ephemeral one if the configuration said 0). */
    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("emulator: the listening socket is closed", e);
        }
    }

    /** host:port, as a driver would be configured with. */
    public String endpoint() {
        return config.host() + ":" + port();
    }

    public EmulatorConfig config() {
        return config;
    }

    /**
     * Tells {@code newListener} about every host connection from now on (replacing the previous listener),
     * the disconnect with the true charge so far, after the output was cut.
     */
    @Implements("SRS-DRV-045")
    public void listen(HostSessionListener newListener) {
        if (newListener == null) {
            throw new IllegalArgumentException("emulator: the host session listener is missing");
        }
        this.listener = newListener;
    }

    /** Fault injection on this running emulator. */
    public LinkFaults faults() {
        return faults;
    }

    /** The charge that really flowed into the load (µA·µs), whatever anyone measured. */
    public long trueChargeMicroampMicros() {
        return frontEnd.trueChargeMicroampMicros();
    }

    /** The current flowing now (µA). */
    public int flowingMicroamps() {
        return frontEnd.flowingMicroamps();
    }

    /** Whether the output stage is enabled now. */
    public boolean outputEnabled() {
        return frontEnd.outputEnabled();
    }

    /** Whether FIRMWARE_WATCHDOG is latched. */
    public boolean watchdogLatched() {
        return frontEnd.watchdogLatched();
    }

    /** How often the firmware watchdog has tripped since start. */
    public int watchdogTrips() {
        return frontEnd.watchdogTrips();
    }

    /** The last SETPOINT received, as sent by the host. */
    public DeviceCommand lastCommand() {
        return frontEnd.lastCommand();
    }

    /** Corrupt, unknown or out-of-sequence frames received from hosts. */
    public long linkErrors() {
        return frontEnd.linkErrors();
    }

    /** Host connections accepted so far. */
    public int sessions() {
        return sessions;
    }

    /** Whether a host is connected now. */
    public boolean hostConnected() {
        ByteLink link = current;
        return link != null && link.isOpen();
    }

    /** The line the emulator reports its true charge with at exit (also logged by {@link #close()}). */
    public String chargeReport() {
        long charge = trueChargeMicroampMicros();
        return String.format(Locale.ROOT, "emulator: true charge delivered %d uA*us (%.4f mA*min) in %d host"
                + " session(s), %d watchdog trip(s)", charge, charge / 60e9, sessions, watchdogTrips());
    }

    /** Stops both threads (bounded waits), disables the output, closes the socket and logs the true charge. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("emulator: closing the listening socket: {}", e.getMessage());
        }
        dropHost();
        join(linkThread);
        join(firmwareThread);
        frontEnd.hostDisconnected();
        LOG.info("{}", chargeReport());
    }

    private void dropHost() {
        ByteLink link = current;
        if (link != null) {
            link.close();
        }
    }

    private void serveHosts() {
        while (running) {
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("emulator: accept failed: {}", e.getMessage());
                LockSupport.parkNanos(10_000_000L);
                continue;
            }
            int session = 0;
            try {
                ByteLink link = TcpByteLink.accepted(accepted, WRITE_TIMEOUT_MICROS).spinMicros(SESSION_SPIN_MICROS);
                current = link;
                session = ++sessions;
                LOG.info("emulator: host connected from {}", link.describe());
                int number = session;
                tell(l -> l.connected(number, link.describe()));
                new HostSession(link, frontEnd, faults).serve(() -> running);
            } catch (IOException e) {
                LOG.warn("emulator: cannot serve a host: {}", e.getMessage());
                try {
                    accepted.close();
                } catch (IOException ignored) {
                    // Already broken.
                }
            } finally {
                current = null;
            }
            if (session > 0) {
                // The session's end has cut the output (HostSession.serve): the charge is final for it.
                long charge = trueChargeMicroampMicros();
                int ended = session;
                tell(l -> l.disconnected(ended, charge));
            }
        }
    }

    /** A listener that throws must not stop the emulator from serving the next host. */
    private void tell(java.util.function.Consumer<HostSessionListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("emulator: host session listener failed: {}", e.toString());
        }
    }

    private void firmwareLoop() {
        long next = System.nanoTime();
        while (running) {
            frontEnd.firmwareTick(System.nanoTime());
            next += FIRMWARE_PERIOD_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime(); // late: skip the missed periods, do not catch up in a burst
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("emulator: thread {} did not stop within 2 s", thread.getName());
        }
    }
}
