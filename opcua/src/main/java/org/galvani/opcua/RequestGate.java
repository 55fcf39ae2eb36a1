package org.galvani.opcua;

import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.trace.Implements;

/**
 * Where a method call that passed the gateway's own checks (role, arguments) becomes a kernel request.
 * By default it goes straight to the channel; an application that has other request sources (a console,
 * a front panel) passes its own gate, so that it sees every request whatever its source, and the kernel
 * still decides each one. A gate must hand the request to the channel and return the channel's decision;
 * it must not block.
 */
@Implements("SRS-OPC-035")
@FunctionalInterface
public interface RequestGate {

    /**
     * Submits one request to {@code channel} for {@code user}; {@code prescription} is the Arm's, null for
     * every other kind.
     */
    CompletableFuture<RequestOutcome> submit(Channel channel, RequestKind kind, Prescription prescription, String user);

    /** The default gate: each request straight to its channel. */
    static RequestGate direct() {
        return RequestGate::toChannel;
    }

    /** Hands one request to its channel: the one place a request kind becomes a channel call. */
    static CompletableFuture<RequestOutcome> toChannel(Channel channel, RequestKind kind, Prescription prescription,
                                                       String user) {
        switch (kind) {
            case ARM:
                return channel.arm(prescription, user);
            case START:
                return channel.start(user);
            case PAUSE:
                return channel.pause(user);
            case RESUME:
                return channel.resume(user);
            case STOP:
                return channel.stop(user);
            case ACKNOWLEDGE:
                return channel.acknowledge(user);
            default:
                throw new IllegalArgumentException(kind + " is not a request a user can make");
        }
    }
}
