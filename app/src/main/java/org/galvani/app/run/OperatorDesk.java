package org.galvani.app.run;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.opcua.RequestGate;
import org.galvani.trace.Implements;

/**
 * Where every request source hands its requests (the console its commands, the OPC UA gateway its calls):
 * each goes to the channel, which asks the kernel, and the answer is the kernel's decision and reason. The
 * desk decides nothing itself; it turns the operator's units into the kernel's, waits (bounded) for the
 * decision, and remembers the treatment the kernel accepted last, whatever its source: its ramp and
 * duration are not in the kernel's snapshot, and the progress bar and the shutdown need them.
 */
@Implements({"SRS-APP-050", "SRS-APP-051", "SRS-APP-070"})
public final class OperatorDesk {

    /** How long a request may wait for the kernel's decision (the loop decides within a tick or two). */
    static final long DECISION_TIMEOUT_MILLIS = 5_000;

    private final Channel channel;
    private final DeviceProfile profile;
    private final Runnable quit;
    private volatile Prescription armed;

    /** {@code quit} is what a quit command does: ask the device to shut down (it must not block). */
    public OperatorDesk(Channel channel, DeviceProfile profile, Runnable quit) {
        this.channel = channel;
        this.profile = profile;
        this.quit = quit;
    }

    /** Carries out {@code command} for {@code origin} and returns the one-line answer. */
    public String execute(OperatorCommand command, String origin) {
        switch (command.kind()) {
            case ARM:
                return armAnswer(command.order(), origin);
            case START:
                return decided("start", submit(RequestKind.START, null, origin));
            case PAUSE:
                return decided("pause", submit(RequestKind.PAUSE, null, origin));
            case RESUME:
                return decided("resume", submit(RequestKind.RESUME, null, origin));
            case STOP:
                return decided("stop", submit(RequestKind.STOP, null, origin));
            case ACK:
                return decided("ack", submit(RequestKind.ACKNOWLEDGE, null, origin));
            case STATUS:
                return "status: " + ProgressLine.of(channel.snapshot());
            case QUIT:
                quit.run();
                return "quit: ending any treatment with a ramp-down and shutting down";
            case HELP:
            default:
                return OperatorCommandParser.help();
        }
    }

    private String armAnswer(TreatmentOrder order, String origin) {
        try {
            return describe("arm " + order.treatmentId(), arm(order, origin));
        } catch (IllegalArgumentException e) {
            // A number the kernel's units cannot hold (Units says which): nothing is asked of the kernel.
            return "arm: not sent: " + e.getMessage();
        }
    }

    /**
     * Asks the kernel to arm {@code order}; returns its decision, or null when none came in time. Throws
     * {@link IllegalArgumentException} (nothing asked) when a number does not fit the kernel's units.
     */
    public RequestOutcome arm(TreatmentOrder order, String origin) {
        return await(submit(RequestKind.ARM, order.prescription(profile), origin));
    }

    /**
     * Hands one request of {@code origin} to the channel and returns the pending decision, without
     * waiting: the entry for sources that wait themselves (the gateway). {@code prescription} is an Arm's,
     * null otherwise. An accepted Arm becomes {@link #armed()}.
     */
    public CompletableFuture<RequestOutcome> submit(RequestKind kind, Prescription prescription, String origin) {
        CompletableFuture<RequestOutcome> pending = RequestGate.toChannel(channel, kind, prescription, origin);
        if (kind != RequestKind.ARM) {
            return pending;
        }
        return pending.thenApply(outcome -> {
            if (outcome.accepted()) {
                armed = prescription;
            }
            return outcome;
        });
    }

    /** The channel the desk serves. */
    public Channel channel() {
        return channel;
    }

    /** The prescription the kernel accepted last from any source, or null. */
    public Prescription armed() {
        return armed;
    }

    /** The kernel's decision on a request, or null when none came within {@link #DECISION_TIMEOUT_MILLIS}. */
    static RequestOutcome await(CompletableFuture<RequestOutcome> pending) {
        try {
            return pending.get(DECISION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String decided(String what, CompletableFuture<RequestOutcome> pending) {
        return describe(what, await(pending));
    }

    /** The kernel's decision in one line, e.g. "start: refused: electrode contact is not confirmed (CONTACT_NOT_CONFIRMED; in state ARMED)". */
    static String describe(String what, RequestOutcome outcome) {
        if (outcome == null) {
            return what + ": no decision within " + DECISION_TIMEOUT_MILLIS + " ms (is the control loop running?)";
        }
        if (outcome.accepted()) {
            return String.format(Locale.ROOT, "%s: accepted (decided in state %s)", what, outcome.stateAtDecision());
        }
        return String.format(Locale.ROOT, "%s: refused: %s (%s; in state %s)", what, outcome.reason().text(),
                outcome.reason(), outcome.stateAtDecision());
    }
}
