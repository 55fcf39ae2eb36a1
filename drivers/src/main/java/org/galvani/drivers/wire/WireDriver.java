package org.galvani.drivers.wire;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.DriverException;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wire} driver: an output stage behind the protocol of {@code drivers/WIRE-PROTOCOL.md}.
 *
 * <p><b>Per control period</b> {@link #sample} sends MEASURE{now} and waits, at most the response
 * timeout, for the MEASUREMENT that echoes {@code now}; {@link #apply} sends one SETPOINT and never
 * waits. A reply that came is stamped {@code now}; without one the previous reading is returned with its
 * old time stamp (the kernel's watchdog sees it age), and after {@code missedRepliesForLinkFault}
 * consecutive misses with {@link StatusFlags#LINK_FAULT}. A reply to an older request is discarded and
 * counted. A SETPOINT that could not be written is reported, never retried.
 *
 * <p><b>Faults</b>: CRC errors, malformed frames, sequence gaps and duplicates, and the device's report of
 * a corrupt frame are {@link StatusFlags#DATA_FAULT}; timeouts and disconnects {@link StatusFlags#LINK_FAULT};
 * the device's firmware-watchdog latch {@link StatusFlags#FIRMWARE_WATCHDOG}; its hardware fault
 * {@link StatusFlags#HARDWARE_FAULT}; a failed self-test {@link StatusFlags#SELF_TEST_FAILED}. A fault
 * detected between readings is added to the next reading, whenever it was detected.
 *
 * <p><b>Disabling</b>: {@link #safeDisable()} (any thread) writes a disabling SETPOINT at once, serialised
 * with the loop's writes, and from then on every {@link #apply} sends the output disabled until one apply
 * that itself commands it disabled has been seen: so a kernel that has not yet noticed the reason cannot
 * switch the output back on, and the output resumes only after the kernel has commanded it off. Losing
 * the link has the same effect. After a reconnection the device is still latched (it tripped its firmware
 * watchdog when the link went) and stays disabled until CLEAR_FAULT, which this driver sends only in
 * {@link #open()} and on {@link #requestRearm()}, and then only while the output is commanded disabled.
 *
 * <p><b>Threads</b>: {@code sample}, {@code apply}, {@code selfTest} and {@code open} on one thread (the
 * control loop); {@code safeDisable}, {@code requestRearm}, {@code close} and the counters from any. One
 * daemon thread ({@code galvani-wire-reconnect}) reconnects in the background and is stopped in close().
 */
@Implements({"SRS-DRV-025", "SRS-DRV-026", "SRS-DRV-027", "SRS-DRV-028", "SRS-DRV-029", "SRS-DRV-030",
        "SRS-DRV-031", "SRS-DRV-032", "SRS-DRV-037", "SRS-DRV-038"})
public final class WireDriver implements OutputStageDriver {

    private static final Logger LOG = LoggerFactory.getLogger(WireDriver.class);

    /** The fault classes this driver raises (the conformance kit checks each claim). */
    public static final int DETECTABLE_FAULTS = StatusFlags.LINK_FAULT | StatusFlags.DATA_FAULT
            | StatusFlags.FIRMWARE_WATCHDOG | StatusFlags.HARDWARE_FAULT | StatusFlags.SELF_TEST_FAILED;
    /** The shortest control period: a MEASURE round trip plus a SETPOINT must fit. */
    public static final int MIN_CONTROL_PERIOD_MICROS = 500;

    private static final long SAFE_DISABLE_LOCK_MILLIS = 1;

    private final WireDriverConfig config;
    private final LinkConnector connector;
    private final DriverCapabilities capabilities;

    // Writing: the encoder, the link and the last command, guarded by writeLock (loop and safeDisable).
    private final ReentrantLock writeLock = new ReentrantLock();
    private final FrameEncoder encoder = new FrameEncoder();
    private volatile ByteLink link;
    private long lastHostMicros;
    private Polarity lastPolarity;
    private boolean lastSentEnabled;
    /** Bumped by safeDisable and by a lost link; apply keeps the output off until it has honoured it. */
    private final AtomicLong disableGeneration = new AtomicLong();
    private long honouredGeneration;

    // Reading: loop thread only.
    private final FrameDecoder decoder = new FrameDecoder();
    private final byte[] rx = new byte[256];
    private int rxStart;
    private int rxEnd;
    private int expectedSequence = -1;
    private final Measurement lastReading = new Measurement();
    private int pendingFlags;
    private int consecutiveMisses;
    private int replyCode;
    private volatile Reconnector reconnector;

    /** Faults noticed on other threads (a failed write in safeDisable), for the next reading. */
    private final AtomicInteger foreignFlags = new AtomicInteger();
    private volatile boolean rearmRequested;

    private volatile long missedReplies;
    private volatile long lateReplies;
    private volatile long corruptFrames;
    private volatile long sequenceErrors;
    private volatile long reconnects;
    private volatile long rearms;

    /** A driver that connects through {@code connector}; see {@link #tcp} for the usual one. */
    public WireDriver(WireDriverConfig config, LinkConnector connector) {
        this.config = config;
        this.connector = connector;
        this.capabilities = new DriverCapabilities("wire", 1, config.maxCurrentMicroamps(),
                config.complianceMillivolts(), 1, MIN_CONTROL_PERIOD_MICROS, DETECTABLE_FAULTS);
    }

    /** A driver for a device at {@code config.host():config.port()} over TCP. */
    public static WireDriver tcp(WireDriverConfig config) {
        return new WireDriver(config, () -> TcpByteLink.connect(config.host(), config.port(),
                config.connectTimeoutMillis(), config.writeTimeoutMicros()));
    }

    @Override
    @Implements("SRS-DRV-044")
    public DriverCapabilities capabilities() {
        return capabilities;
    }

    /** Connects, re-arms the device with CLEAR_FAULT and waits for its acknowledgement; output stays disabled. */
    @Override
    public void open() throws DriverException {
        if (link != null) {
            throw new DriverException("wire driver: already open (" + link.describe() + ")");
        }
        ByteLink opened;
        try {
            opened = connector.connect();
        } catch (IOException | RuntimeException e) {
            throw new DriverException("wire driver: cannot connect to " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        adopt(opened);
        long timeoutMicros = Math.max(config.responseTimeoutMicros(),
                TimeUnit.MILLISECONDS.toMicros(config.connectTimeoutMillis()));
        if (!clearFault(timeoutMicros)) {
            ByteLink failed = link;
            dropLink();
            throw new DriverException("wire driver: " + (failed == null ? "the link" : failed.describe())
                    + " did not acknowledge CLEAR_FAULT within " + timeoutMicros + " us");
        }
        pendingFlags = 0;
        foreignFlags.set(0);
        if (config.reconnectIntervalMillis() > 0 && reconnector == null) {
            reconnector = new Reconnector(connector, config.reconnectIntervalMillis(), "galvani-wire-reconnect");
        }
        LOG.info("wire driver: open on {}, device re-armed (status 0x{})", link.describe(),
                Integer.toHexString(replyCode));
    }

    @Override
    public void sample(long nowMicros, Measurement into) {
        adoptReconnectedLink();
        if (link != null && rearmRequested) {
            rearm();
        }
        boolean fresh = false;
        if (link != null && writeMeasure(nowMicros)) {
            fresh = awaitReply(WireProtocol.MEASUREMENT, nowMicros, config.responseTimeoutMicros());
        }
        if (fresh) {
            consecutiveMisses = 0;
        } else {
            missedReplies++;
            consecutiveMisses++;
            if (link == null || consecutiveMisses >= config.missedRepliesForLinkFault()) {
                pendingFlags |= StatusFlags.LINK_FAULT;
            }
        }
        into.copyFrom(lastReading).addFlags(pendingFlags | foreignFlags.getAndSet(0));
        pendingFlags = 0;
    }

    @Override
    public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
        writeLock.lock();
        try {
            long generation = disableGeneration.get();
            boolean held = generation != honouredGeneration;
            if (held && !outputEnabled) {
                honouredGeneration = generation;
            }
            boolean enable = outputEnabled && !held;
            lastHostMicros = nowMicros;
            lastPolarity = polarity;
            lastSentEnabled = enable;
            if (link != null) {
                writeLocked(encoder.setpoint(nowMicros, enable ? setpointMicroamps : 0, enable, polarity));
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void safeDisable() {
        disableGeneration.incrementAndGet();
        boolean locked = false;
        try {
            locked = writeLock.tryLock(SAFE_DISABLE_LOCK_MILLIS, TimeUnit.MILLISECONDS);
            if (locked) {
                lastSentEnabled = false;
                if (link != null) {
                    writeLocked(encoder.setpoint(lastHostMicros, 0, false, lastPolarity));
                }
            } else {
                // The writer is stuck in a write; the next apply sends disabled, and the device's watchdog
                // disables it anyway if the link is dead.
                LOG.warn("wire driver: safeDisable could not write at once; the next SETPOINT is disabled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("wire driver: safeDisable failed", e);
        } finally {
            if (locked) {
                writeLock.unlock();
            }
        }
    }

    /** A SELF_TEST round trip within the response timeout; a timeout or a failing device result fails. */
    @Override
    public SelfTestResult selfTest() {
        adoptReconnectedLink();
        if (link == null) {
            return failSelfTest("wire: not connected to the device");
        }
        int sequence = sendRequest(WireProtocol.SELF_TEST);
        if (sequence < 0) {
            return failSelfTest("wire: could not send SELF_TEST to the device");
        }
        if (!awaitReply(WireProtocol.SELF_TEST_RESULT, sequence, config.responseTimeoutMicros())) {
            return failSelfTest("wire: no SELF_TEST_RESULT within " + config.responseTimeoutMicros() + " us");
        }
        if (replyCode != WireProtocol.SELF_TEST_PASSED) {
            return failSelfTest("wire: the device failed its self-test (code " + replyCode + ")");
        }
        return SelfTestResult.passed("wire: device self-test passed over " + link.describe());
    }

    /**
     * Asks for the device to be re-armed (CLEAR_FAULT) after a firmware-watchdog trip. The loop sends it
     * with its next sample, and only if the output is commanded disabled at that moment; otherwise the
     * request is refused and logged. Callable from any thread.
     */
    public void requestRearm() {
        rearmRequested = true;
    }

    @Override
    public void close() {
        Reconnector r = reconnector;
        reconnector = null;
        if (r != null) {
            r.close();
        }
        safeDisable();
        dropLink();
    }

    // --- Counters (any thread) ---

    /** Samples that got no reply in time. */
    public long missedReplies() {
        return missedReplies;
    }

    /** Replies that answered an older request and were discarded. */
    public long lateReplies() {
        return lateReplies;
    }

    /** Frames dropped by the decoder: CRC errors, bad lengths, unknown types, garbage, truncation. */
    public long corruptFrames() {
        return corruptFrames;
    }

    /** Sequence gaps and duplicates in the device's frames. */
    public long sequenceErrors() {
        return sequenceErrors;
    }

    /** Links adopted after the first one broke. */
    public long reconnects() {
        return reconnects;
    }

    /** CLEAR_FAULTs the device acknowledged after open(). */
    public long rearms() {
        return rearms;
    }

    /** Whether a link is up as far as the driver knows. */
    public boolean connected() {
        ByteLink l = link;
        return l != null && l.isOpen();
    }

    // --- Internals ---

    private SelfTestResult failSelfTest(String detail) {
        pendingFlags |= StatusFlags.SELF_TEST_FAILED;
        LOG.warn("{}", detail);
        return SelfTestResult.failed(detail);
    }

    private void rearm() {
        rearmRequested = false;
        boolean disabled;
        writeLock.lock();
        try {
            disabled = !lastSentEnabled;
        } finally {
            writeLock.unlock();
        }
        if (!disabled) {
            LOG.warn("wire driver: re-arm refused: the output is commanded enabled");
            return;
        }
        if (clearFault(config.responseTimeoutMicros())) {
            rearms++;
            LOG.info("wire driver: device re-armed (status 0x{})", Integer.toHexString(replyCode));
        } else {
            LOG.warn("wire driver: the device did not acknowledge CLEAR_FAULT");
        }
    }

    private boolean clearFault(long timeoutMicros) {
        int sequence = sendRequest(WireProtocol.CLEAR_FAULT);
        return sequence >= 0 && awaitReply(WireProtocol.CLEAR_FAULT_ACK, sequence, timeoutMicros);
    }

    /** Sends MEASURE{nowMicros}; false if it could not be written. */
    private boolean writeMeasure(long nowMicros) {
        writeLock.lock();
        try {
            return link != null && writeLocked(encoder.measure(nowMicros));
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends a request without payload; returns its sequence number, or -1 if it could not be written. */
    private int sendRequest(int type) {
        writeLock.lock();
        try {
            if (link == null) {
                return -1;
            }
            int sequence = encoder.nextSequence();
            return writeLocked(encoder.request(type)) ? sequence : -1;
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes the encoder's frame; a failure drops the link (never a retry). Holds writeLock. */
    private boolean writeLocked(int length) {
        ByteLink l = link;
        if (l == null) {
            return false;
        }
        try {
            l.write(encoder.buffer(), 0, length);
            return true;
        } catch (IOException e) {
            LOG.warn("wire driver: write to {} failed: {}", l.describe(), e.getMessage());
            loseLinkLocked();
            return false;
        }
    }

    /**
     * Reads until the reply of {@code type} answering {@code key} (the host time of a MEASURE, the
     * sequence number of another request) arrives, or the timeout passes. Everything else that arrives
     * is checked and counted on the way. Loop thread only.
     */
    private boolean awaitReply(int type, long key, long timeoutMicros) {
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(timeoutMicros);
        while (true) {
            if (drain(type, key)) {
                return true;
            }
            ByteLink l = link;
            if (l == null) {
                return false;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                if (decoder.abandon() == DecodeEvent.TRUNCATED) {
                    dataError();
                }
                return false;
            }
            try {
                int n = l.read(rx, 0, rx.length, Math.max(1, TimeUnit.NANOSECONDS.toMicros(remaining)));
                rxStart = 0;
                rxEnd = n;
            } catch (IOException e) {
                LOG.warn("wire driver: link {} lost: {}", l.describe(), e.getMessage());
                loseLink();
                return false;
            }
        }
    }

    /**
     * Feeds the unread received bytes to the decoder and handles every frame; stops right after the
     * awaited reply, leaving later bytes for the next call. Returns whether the reply was found.
     */
    private boolean drain(int type, long key) {
        while (true) {
            DecodeEvent event;
            while ((event = decoder.poll()) != DecodeEvent.NEED_MORE) {
                if (event == DecodeEvent.FRAME) {
                    if (handleFrame(type, key)) {
                        return true;
                    }
                } else {
                    dataError();
                }
            }
            if (rxStart >= rxEnd) {
                return false;
            }
            rxStart += decoder.offer(rx, rxStart, rxEnd - rxStart);
        }
    }

    /** One good frame from the device; true if it is the awaited reply. */
    private boolean handleFrame(int type, long key) {
        int sequence = decoder.sequence();
        if (expectedSequence >= 0 && sequence != expectedSequence) {
            sequenceErrors++;
            pendingFlags |= StatusFlags.DATA_FAULT;
            if (sequence == ((expectedSequence - 1) & 0xFF)) {
                return false; // a duplicate: already handled once
            }
        }
        expectedSequence = (sequence + 1) & 0xFF;
        int received = decoder.type();
        switch (received) {
            case WireProtocol.MEASUREMENT:
                if (type == WireProtocol.MEASUREMENT && decoder.i64(WireProtocol.MEASUREMENT_TIME) == key) {
                    lastReading.set(key, Math.abs(decoder.i32(WireProtocol.MEASUREMENT_MICROAMPS)),
                            Math.abs(decoder.i32(WireProtocol.MEASUREMENT_MILLIVOLTS)),
                            impedance(decoder.i32(WireProtocol.MEASUREMENT_OHMS)),
                            flagsOf(decoder.u16(WireProtocol.MEASUREMENT_STATUS)));
                    return true;
                }
                lateReplies++;
                return false;
            case WireProtocol.SELF_TEST_RESULT:
                return answer(type, key, received, WireProtocol.SELF_TEST_CODE, false);
            case WireProtocol.CLEAR_FAULT_ACK:
                return answer(type, key, received, WireProtocol.CLEAR_FAULT_STATUS, true);
            case WireProtocol.STATUS:
                return answer(type, key, received, WireProtocol.STATUS_STATUS, true);
            case WireProtocol.HEARTBEAT_ACK:
                return answer(type, key, received, -1, false);
            default:
                // A host-to-device message coming back: the link or the device is confused.
                dataError();
                return false;
        }
    }

    private boolean answer(int awaited, long key, int received, int codeOffset, boolean sixteenBits) {
        if (received != awaited || decoder.u8(WireProtocol.REPLY_ANSWERS) != key) {
            lateReplies++;
            return false;
        }
        if (codeOffset >= 0) {
            replyCode = sixteenBits ? decoder.u16(codeOffset) : decoder.u8(codeOffset);
        }
        return true;
    }

    private static int impedance(int ohms) {
        return ohms < 0 ? Measurement.IMPEDANCE_UNKNOWN : ohms;
    }

    /** The device's status bits as kernel status flags. */
    static int flagsOf(int status) {
        int flags = (status & WireProtocol.DEVICE_OUTPUT_ENABLED) != 0 ? StatusFlags.OUTPUT_ENABLED
                : StatusFlags.OUTPUT_SAFE;
        if ((status & WireProtocol.DEVICE_WATCHDOG_TRIPPED) != 0) {
            flags |= StatusFlags.FIRMWARE_WATCHDOG;
        }
        if ((status & WireProtocol.DEVICE_HARDWARE_FAULT) != 0) {
            flags |= StatusFlags.HARDWARE_FAULT;
        }
        if ((status & (WireProtocol.DEVICE_LINK_ERROR | ~WireProtocol.DEVICE_KNOWN_BITS)) != 0) {
            flags |= StatusFlags.DATA_FAULT;
        }
        return flags;
    }

    private void dataError() {
        corruptFrames++;
        pendingFlags |= StatusFlags.DATA_FAULT;
    }

    private void adoptReconnectedLink() {
        Reconnector r = reconnector;
        if (link != null || r == null) {
            return;
        }
        ByteLink fresh = r.take();
        if (fresh != null) {
            adopt(fresh);
            reconnects++;
            LOG.warn("wire driver: link to {} re-established; the output stays disabled until the kernel"
                    + " commands it disabled and the device is re-armed", fresh.describe());
        }
    }

    /** A new link: new numbering on both sides, nothing half-received carried over. */
    private void adopt(ByteLink fresh) {
        writeLock.lock();
        try {
            link = fresh;
            encoder.resetSequence();
        } finally {
            writeLock.unlock();
        }
        decoder.reset();
        rxStart = 0;
        rxEnd = 0;
        expectedSequence = -1;
    }

    private void loseLink() {
        writeLock.lock();
        try {
            loseLinkLocked();
        } finally {
            writeLock.unlock();
        }
    }

    /** The link broke: close it, hold the output disabled, report LINK_FAULT, start reconnecting. */
    private void loseLinkLocked() {
        ByteLink l = link;
        if (l == null) {
            return;
        }
        link = null;
        l.close();
        disableGeneration.incrementAndGet();
        lastSentEnabled = false;
        foreignFlags.accumulateAndGet(StatusFlags.LINK_FAULT, (a, b) -> a | b);
        Reconnector r = reconnector;
        if (r != null) {
            r.request();
        }
    }

    private void dropLink() {
        writeLock.lock();
        try {
            ByteLink l = link;
            link = null;
            if (l != null) {
                l.close();
            }
        } finally {
            writeLock.unlock();
        }
    }
}
