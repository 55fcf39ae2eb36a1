package org.galvani.drivers.wire;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.galvani.trace.Implements;

/**
 * A {@link ByteLink} over a TCP connection, standing in for a UART: TCP_NODELAY (a frame goes out at once,
 * as on a serial line) and a non-blocking channel, so that reads can wait for a reply with microsecond
 * deadlines rather than the millisecond ones of {@code SO_TIMEOUT}. A read spins for the first
 * {@link #SPIN_MICROS} (a reply on loopback takes tens of µs) and then parks in short steps until its
 * deadline (sleeping in a selector when the deadline is further off). Waking a sleeping thread can take
 * hundreds of µs on a virtual machine, which is why a reader that expects bytes soon spins. Reading into the caller's array and writing from a cached wrapper allocate nothing in the
 * steady state.
 */
@Implements("SRS-DRV-023")
public final class TcpByteLink implements ByteLink {

    /** How long a read busy-waits before it starts parking (µs). */
    static final long SPIN_MICROS = 200;
    private volatile long spinMicros = SPIN_MICROS;

    /** How long a read busy-waits before it sleeps (µs; default {@link #SPIN_MICROS}); see the class comment. */
    public TcpByteLink spinMicros(long micros) {
        this.spinMicros = micros;
        return this;
    }
    private static final long PARK_NANOS = 50_000;
    /** Longer waits sleep in a selector: woken by the data, without polling. */
    private static final long SELECT_THRESHOLD_NANOS = 2_000_000;

    private final SocketChannel channel;
    private final String peer;
    private final long writeTimeoutNanos;
    private byte[] readArray;
    private ByteBuffer readWrapper;
    private ByteBuffer writeBuffer;
    private byte[] writeArray;
    private Selector selector;

    private TcpByteLink(SocketChannel channel, String peer, long writeTimeoutMicros) throws IOException {
        this.channel = channel;
        this.peer = peer;
        this.writeTimeoutNanos = TimeUnit.MICROSECONDS.toNanos(writeTimeoutMicros);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
    }

    /**
     * Connects to {@code host:port} within {@code connectTimeoutMillis}; writes must complete within
     * {@code writeTimeoutMicros}.
     */
    public static TcpByteLink connect(String host, int port, int connectTimeoutMillis, long writeTimeoutMicros)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            return new TcpByteLink(channel, "tcp " + host + ":" + port, writeTimeoutMicros);
        } catch (SocketTimeoutException e) {
            closeQuietly(channel);
            throw new SocketTimeoutException("tcp " + host + ":" + port + ": no connection within "
                    + connectTimeoutMillis + " ms");
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new IOException("tcp " + host + ":" + port + ": cannot connect: " + e.getMessage(), e);
        }
    }

    /** Wraps a connection a server accepted. */
    public static TcpByteLink accepted(SocketChannel channel, long writeTimeoutMicros) throws IOException {
        String peer;
        try {
            peer = "tcp " + channel.getRemoteAddress();
        } catch (IOException e) {
            peer = "tcp (peer unknown)";
        }
        return new TcpByteLink(channel, peer, writeTimeoutMicros);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer out = writeBuffer(bytes);
        out.limit(offset + length).position(offset);
        long deadline = System.nanoTime() + writeTimeoutNanos;
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                if (System.nanoTime() - deadline > 0) {
                    // Part of a frame may be out: the peer's decoder drops it as truncated or corrupt.
                    close();
                    throw new IOException(peer + ": write of " + length + " bytes timed out after "
                            + TimeUnit.NANOSECONDS.toMicros(writeTimeoutNanos) + " us; link closed");
                }
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
    }

    @Override
    public int read(byte[] into, int offset, int length, long timeoutMicros) throws IOException {
        ByteBuffer in = readBuffer(into);
        in.limit(offset + length).position(offset);
        long start = System.nanoTime();
        long spinUntil = start + TimeUnit.MICROSECONDS.toNanos(Math.min(spinMicros, timeoutMicros));
        long deadline = start + TimeUnit.MICROSECONDS.toNanos(timeoutMicros);
        while (true) {
            int n = channel.read(in);
            if (n < 0) {
                throw new EOFException(peer + ": closed by the peer");
            }
            if (n > 0) {
                return n;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return 0;
            }
            if (now - spinUntil < 0) {
                Thread.onSpinWait();
            } else if (deadline - now > SELECT_THRESHOLD_NANOS) {
                awaitReadable(TimeUnit.NANOSECONDS.toMillis(deadline - now) - 1);
            } else {
                LockSupport.parkNanos(Math.min(PARK_NANOS, deadline - now));
            }
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Whether TCP_NODELAY is set (it always is; for diagnostics). */
    public boolean tcpNoDelay() throws IOException {
        return channel.getOption(StandardSocketOptions.TCP_NODELAY);
    }

    @Override
    public String describe() {
        return peer;
    }

    @Override
    public void close() {
        closeQuietly(channel);
        Selector s;
        synchronized (this) {
            s = selector;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
        }
    }

    /** Waits until the channel is readable or {@code millis} passed (the reader's thread only). */
    private void awaitReadable(long millis) throws IOException {
        Selector s;
        synchronized (this) {
            if (selector == null) {
                selector = Selector.open();
                channel.register(selector, SelectionKey.OP_READ);
            }
            s = selector;
        }
        try {
            s.select(Math.max(1, millis));
            s.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new IOException(peer + ": closed", e);
        }
    }

    /** The reader's array wrapped once (a reader always passes the same array). */
    private ByteBuffer readBuffer(byte[] array) {
        if (array != readArray) {
            readArray = array;
            readWrapper = ByteBuffer.wrap(array);
        }
        return readWrapper;
    }

    /** The writer's array wrapped once (an encoder always writes from its own buffer). */
    private ByteBuffer writeBuffer(byte[] array) {
        if (array != writeArray) {
            writeArray = array;
            writeBuffer = ByteBuffer.wrap(array);
        }
        return writeBuffer;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a broken socket: nothing left to do.
        }
    }
}
