package org.galvani.drivers.wire;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconnects in the background after the link broke, so that the control loop never waits for a
 * connection: one daemon thread that, once {@link #request()}ed, tries every interval until it has a link,
 * which the loop then {@link #take()}s. It only connects; whether and how output may resume is the
 * driver's and the kernel's business.
 */
@Implements("SRS-DRV-032")
final class Reconnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

    private final LinkConnector connector;
    private final long intervalMillis;
    private final Object monitor = new Object();
    private final AtomicReference<ByteLink> ready = new AtomicReference<>();
    private final Thread thread;
    private boolean wanted;
    private boolean running = true;

    Reconnector(LinkConnector connector, long intervalMillis, String name) {
        this.connector = connector;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts trying (idempotent). */
    void request() {
        synchronized (monitor) {
            wanted = true;
            monitor.notifyAll();
        }
    }

    /** A newly connected link, once; null while there is none. */
    ByteLink take() {
        return ready.getAndSet(null);
    }

    @Override
    public void close() {
        synchronized (monitor) {
            running = false;
            monitor.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ByteLink unused = ready.getAndSet(null);
        if (unused != null) {
            unused.close();
        }
    }

    private void run() {
        while (awaitRequest()) {
            try {
                ByteLink link = connector.connect();
                synchronized (monitor) {
                    if (!running) {
                        link.close();
                        return;
                    }
                    wanted = false;
                }
                ByteLink stale = ready.getAndSet(link);
                if (stale != null) {
                    stale.close();
                }
                LOG.info("wire driver: reconnected to {}", link.describe());
            } catch (IOException | RuntimeException e) {
                LOG.debug("wire driver: reconnection failed: {}", e.getMessage());
                pause();
            }
        }
    }

    /** Waits (in bounded steps) until asked to connect; false when closed. */
    private boolean awaitRequest() {
        synchronized (monitor) {
            while (running && !wanted) {
                try {
                    monitor.wait(1_000);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return running;
        }
    }

    private void pause() {
        synchronized (monitor) {
            if (running) {
                try {
                    monitor.wait(intervalMillis);
                } catch (InterruptedException e) {
                    running = false;
                }
            }
        }
    }
}
