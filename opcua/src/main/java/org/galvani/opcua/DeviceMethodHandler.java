package org.galvani.opcua;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.server.AccessContext;
import org.eclipse.milo.opcua.sdk.server.methods.MethodInvocationHandler;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DiagnosticInfo;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device method: checks the caller's role itself (Milo 1.1.2 does not reliably), reads the
 * arguments, turns the call into a kernel request with the user as requester (through the gateway's
 * {@link RequestGate}), and answers the kernel's
 * decision: Good, or the Bad status of {@link RefusalStatus} with the reason as the Outcome argument.
 * Every call, accepted or refused, is recorded and raises an audit event.
 *
 * <p>Milo 1.1.x calls methods synchronously. The wait for the kernel's decision (one control period,
 * normally) is bounded, and it runs on the gateway's own service executor, never Milo's shared pool.
 */
@Implements({"SRS-OPC-004", "SRS-OPC-012", "SRS-OPC-021", "SRS-OPC-022", "SRS-OPC-034"})
final class DeviceMethodHandler implements MethodInvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceMethodHandler.class);
    private static final AtomicLong TREATMENTS = new AtomicLong();

    private final DeviceMethod method;
    private final Channel channel;
    private final GatewaySettings settings;
    private final DeviceEvents events;

    DeviceMethodHandler(DeviceMethod method, Channel channel, GatewaySettings settings, DeviceEvents events) {
        this.method = method;
        this.channel = channel;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public CallMethodResult invoke(AccessContext context, CallMethodRequest request) {
        Caller caller = Caller.of(context.getSession());
        Variant[] inputs = request.getInputArguments() == null ? new Variant[0] : request.getInputArguments();
        // Read before the kernel decides: an accepted Stop of an armed treatment leaves the channel without one.
        String onChannel = channel.snapshot().treatmentId();
        String named = method.kind() == RequestKind.ARM ? newTreatmentId() : null;
        boolean reachedKernel = false;
        long status;
        String reason;
        DecidedBy decidedBy;
        try {
            CompletableFuture<RequestOutcome> decision = decide(caller, inputs, named);
            reachedKernel = true;
            RequestOutcome outcome = await(decision);
            status = outcome.accepted() ? StatusCodes.Good : RefusalStatus.of(outcome.reason());
            reason = outcome.accepted() ? "accepted" : outcome.reason().text();
            decidedBy = DecidedBy.KERNEL;
        } catch (MethodRefusal refusal) {
            status = refusal.statusCode();
            reason = refusal.getMessage();
            decidedBy = DecidedBy.GATEWAY;
            // The kernel reports its own refusals as events; the gateway's are raised here.
            events.refusedByGateway(channel.id(), caller.name(), method.browseName(), reason);
        }
        boolean accepted = status == StatusCodes.Good;
        String outcomeText = accepted ? "accepted" : "refused: " + reason;
        // An Arm that reached the kernel concerns the treatment it names (the ledger files the kernel's
        // decision there too, and a late decision may still arm it); any other call the channel's treatment.
        String treatmentId = reachedKernel && named != null ? named : onChannel;
        record(caller, inputs, accepted, status, reason, treatmentId, decidedBy);
        events.auditCall(channel.id(), request.getMethodId(), caller.name(), inputs, accepted, status);
        return new CallMethodResult(new StatusCode(status), new StatusCode[0], new DiagnosticInfo[0],
                new Variant[] {new Variant(outcomeText)});
    }

    /** Checks the caller's role and the argument count, then hands the request to the kernel. */
    private CompletableFuture<RequestOutcome> decide(Caller caller, Variant[] inputs, String treatmentId)
            throws MethodRefusal {
        RequestKind kind = method.kind();
        if (caller.role() == null || !caller.role().mayRequest(kind)) {
            throw new MethodRefusal(StatusCodes.Bad_UserAccessDenied, "user '" + caller.name() + "' ("
                    + (caller.role() == null ? "not logged in" : caller.role().configName())
                    + ") may not call " + method.browseName());
        }
        if (kind != RequestKind.ARM && inputs.length > 0) {
            throw new MethodRefusal(StatusCodes.Bad_TooManyArguments, method.browseName() + " takes no arguments, got "
                    + inputs.length);
        }
        return submit(kind, caller.name(), inputs, treatmentId);
    }

    private String newTreatmentId() {
        return "opcua-" + channel.id() + "-" + System.currentTimeMillis() + "-" + TREATMENTS.incrementAndGet();
    }

    private CompletableFuture<RequestOutcome> submit(RequestKind kind, String user, Variant[] inputs,
                                                     String treatmentId) throws MethodRefusal {
        if (kind == RequestKind.SYSTEM_STOP) {
            throw new MethodRefusal(StatusCodes.Bad_NotSupported, kind + " is not a user request");
        }
        Prescription prescription = kind == RequestKind.ARM
                ? ArmArguments.prescription(inputs, treatmentId, settings.rampMillis()) : null;
        try {
            return settings.gate().submit(channel, kind, prescription, user);
        } catch (RuntimeException e) {
            LOG.error("channel {}: the request gate failed on {}", channel.id(), method, e);
            throw new MethodRefusal(StatusCodes.Bad_InternalError, "the request could not be submitted");
        }
    }

    private RequestOutcome await(CompletableFuture<RequestOutcome> decision) throws MethodRefusal {
        try {
            return decision.get(settings.decisionTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MethodRefusal(StatusCodes.Bad_Timeout, "the kernel did not decide within "
                    + settings.decisionTimeoutMillis() + " ms; the request may still be decided (see the events)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MethodRefusal(StatusCodes.Bad_Shutdown, "the gateway is shutting down");
        } catch (ExecutionException e) {
            LOG.error("channel {}: request {} failed", channel.id(), method, e.getCause());
            throw new MethodRefusal(StatusCodes.Bad_InternalError, "the request failed inside the runtime");
        }
    }

    private void record(Caller caller, Variant[] inputs, boolean accepted, long status, String reason,
                        String treatmentId, DecidedBy decidedBy) {
        List<String> arguments = new ArrayList<>(inputs.length);
        for (Variant input : inputs) {
            arguments.add(AuditText.of(input));
        }
        CallRecord call = new CallRecord(Instant.now(), caller.name(), channel.id(), method.browseName(), arguments,
                accepted, StatusNames.of(status), reason, treatmentId, decidedBy);
        LOG.info("OPC UA call: {}", call.describe());
        try {
            settings.audit().record(call);
        } catch (RuntimeException e) {
            LOG.error("the call audit sink failed on: {}", call.describe(), e);
        }
    }
}
