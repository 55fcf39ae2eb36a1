package org.galvani.drivers.wire.emulator;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;
import org.galvani.drivers.wire.ByteLink;
import org.galvani.drivers.wire.DecodeEvent;
import org.galvani.drivers.wire.FrameDecoder;
import org.galvani.drivers.wire.FrameEncoder;
import org.galvani.drivers.wire.WireProtocol;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host connection, served on the emulator's link thread: decodes the host's frames, checks their
 * sequence, hands commands to the {@link AnalogFrontEnd} and sends the replies, through the injected
 * {@link LinkFaults}. Ends when the host disconnects, the link breaks or the emulator stops.
 */
@Implements({"SRS-DRV-033", "SRS-DRV-036"})
final class HostSession {

    private static final Logger LOG = LoggerFactory.getLogger(HostSession.class);
    /** How long one read waits before the loop checks whether the emulator is stopping (µs). */
    private static final long POLL_MICROS = 20_000;

    private final ByteLink link;
    private final AnalogFrontEnd frontEnd;
    private final LinkFaults faults;
    private final FrameDecoder decoder = new FrameDecoder();
    private final FrameEncoder encoder = new FrameEncoder();
    private final byte[] rx = new byte[256];
    private final Measurement reading = new Measurement();
    private int expectedSequence = -1;

    HostSession(ByteLink link, AnalogFrontEnd frontEnd, LinkFaults faults) {
        this.link = link;
        this.frontEnd = frontEnd;
        this.faults = faults;
    }

    /** Serves until the link ends or {@code running} turns false. */
    void serve(java.util.function.BooleanSupplier running) {
        frontEnd.hostConnected(System.nanoTime());
        try {
            while (running.getAsBoolean() && link.isOpen()) {
                int n = link.read(rx, 0, rx.length, POLL_MICROS);
                int offered = 0;
                while (offered < n) {
                    offered += decoder.offer(rx, offered, n - offered);
                    DecodeEvent event;
                    while ((event = decoder.poll()) != DecodeEvent.NEED_MORE) {
                        if (event == DecodeEvent.FRAME) {
                            handle();
                        } else {
                            frontEnd.noteLinkError();
                        }
                    }
                }
            }
        } catch (EOFException e) {
            LOG.info("emulator: host {} disconnected", link.describe());
        } catch (IOException e) {
            LOG.info("emulator: link to host {} ended: {}", link.describe(), e.getMessage());
        } finally {
            link.close();
            frontEnd.hostDisconnected();
        }
    }

    private void handle() throws IOException {
        int sequence = decoder.sequence();
        if (expectedSequence >= 0 && sequence != expectedSequence) {
            frontEnd.noteLinkError();
            if (sequence == ((expectedSequence - 1) & 0xFF)) {
                return; // a duplicate is not acted on twice
            }
        }
        expectedSequence = (sequence + 1) & 0xFF;
        long now = System.nanoTime();
        switch (decoder.type()) {
            case WireProtocol.SETPOINT: {
                int flags = decoder.u8(WireProtocol.SETPOINT_FLAGS);
                Polarity polarity = (flags & WireProtocol.SETPOINT_NO_POLARITY) != 0 ? null
                        : (flags & WireProtocol.SETPOINT_CATHODE) != 0 ? Polarity.CATHODE : Polarity.ANODE;
                int microamps = Math.max(0, decoder.i32(WireProtocol.SETPOINT_MICROAMPS));
                frontEnd.setpoint(decoder.i64(WireProtocol.SETPOINT_TIME), microamps,
                        (flags & WireProtocol.SETPOINT_ENABLE) != 0, polarity, now);
                break;
            }
            case WireProtocol.MEASURE: {
                long hostMicros = decoder.i64(WireProtocol.MEASURE_TIME);
                int status = frontEnd.measure(hostMicros, now, reading);
                prepareReply();
                send(encoder.measurement(hostMicros, reading.currentMicroamps(), reading.electrodeMillivolts(),
                        reading.impedanceOhms(), status));
                break;
            }
            case WireProtocol.STATUS_REQUEST:
                prepareReply();
                send(encoder.status(sequence, frontEnd.status(), frontEnd.watchdogTrips()));
                break;
            case WireProtocol.SELF_TEST:
                prepareReply();
                send(encoder.selfTestResult(sequence, frontEnd.selfTest()));
                break;
            case WireProtocol.HEARTBEAT:
                prepareReply();
                send(encoder.heartbeatAck(sequence));
                break;
            case WireProtocol.CLEAR_FAULT: {
                int status = frontEnd.clearFault(now);
                prepareReply();
                send(encoder.clearFaultAck(sequence, status));
                break;
            }
            default:
                // A device-to-host message from the host: not ours to act on.
                frontEnd.noteLinkError();
        }
    }

    private void prepareReply() {
        if (faults.takeSkip()) {
            encoder.skipSequence();
        }
    }

    private void send(int length) throws IOException {
        byte[] frame = encoder.buffer();
        if (faults.takeDrop()) {
            return;
        }
        if (faults.takeCorrupt()) {
            frame[length - 1] ^= 0x5A;
        }
        long delayMicros = faults.takeDelayMicros();
        if (delayMicros > 0) {
            long until = System.nanoTime() + delayMicros * 1_000;
            for (long left = delayMicros * 1_000; left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
        link.write(frame, 0, length);
        if (faults.takeDuplicate()) {
            link.write(frame, 0, length);
        }
    }
}
