package org.galvani.app.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.galvani.app.config.OpcUaSettings;
import org.galvani.app.opcua.GatewayStartup;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.opcua.CallAuditSink;
import org.galvani.opcua.OpcUaGateway;
import org.galvani.opcua.RequestGate;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC UA gateway as one of {@code galvani run}'s request sources: every call that passes the gateway's
 * own checks goes through the {@link OperatorDesk}, like the console's commands, so the progress bar and
 * the shutdown know a treatment armed over OPC UA. Each decision is also told on the console, e.g.
 * {@code opcua clara: arm opcua-ch0-...: accepted (decided in state IDLE)}, so that the operator at the
 * device sees what a clinic system asked for.
 *
 * <p>Open it before the runtime's control loop starts: the gateway's first start makes its RSA key,
 * which takes the CPU for a moment.
 */
@Implements({"SRS-APP-064", "SRS-APP-070"})
final class GatewayRequestSource implements RequestSource {

    static final String NAME = "opcua";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayRequestSource.class);

    private final OpcUaSettings settings;
    private final KernelRuntime runtime;
    private final Path dataDir;
    private final CallAuditSink audit;
    private final Map<String, String> environment;
    private final PrintWriter out;
    /** Tells decisions on the console off the threads that complete them (the loop must never wait on I/O). */
    private final ExecutorService teller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "galvani-opcua-console");
        t.setDaemon(true);
        return t;
    });
    private volatile OpcUaGateway gateway;

    GatewayRequestSource(OpcUaSettings settings, KernelRuntime runtime, Path dataDir, CallAuditSink audit,
                         Map<String, String> environment, PrintWriter out) {
        this.settings = settings;
        this.runtime = runtime;
        this.dataDir = dataDir;
        this.audit = audit;
        this.environment = environment;
        this.out = out;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void open(OperatorDesk desk) throws Exception {
        OpcUaGateway started = GatewayStartup.start(settings, runtime, dataDir, audit, environment, gate(desk));
        for (String line : GatewayStartup.describe(started, settings, GatewayStartup.users(settings, environment))) {
            out.println(line);
        }
        out.flush();
        gateway = started;
    }

    /** The desk's channel's requests through the desk, told on the console; any other channel's straight to it. */
    RequestGate gate(OperatorDesk desk) {
        return (channel, kind, prescription, user) -> {
            if (channel != desk.channel()) {
                return RequestGate.toChannel(channel, kind, prescription, user);
            }
            CompletableFuture<RequestOutcome> pending = desk.submit(kind, prescription, user);
            pending.whenCompleteAsync((outcome, failure) -> tell(channel, kind, prescription, user, outcome),
                    this::toTeller);
            return pending;
        };
    }

    /**
     * Hands a telling to the teller thread. After close it is dropped: an executor that refused would throw
     * on whichever thread completes the decision (the runtime's dispatcher), or make a submitted request
     * look unsubmitted.
     */
    private void toTeller(Runnable telling) {
        try {
            teller.execute(telling);
        } catch (RejectedExecutionException e) {
            LOG.debug("the gateway source is closed; a decision is not told on the console");
        }
    }

    private void tell(Channel channel, RequestKind kind, Prescription prescription, String user, RequestOutcome outcome) {
        if (outcome == null) {
            return; // the gateway answers and logs the failure itself
        }
        String what = kind.name().toLowerCase(Locale.ROOT)
                + (prescription == null ? "" : " " + prescription.treatmentId()) + " on " + channel.id();
        out.println(NAME + " " + user + ": " + OperatorDesk.describe(what, outcome));
        out.flush();
    }

    /** The gateway while it serves, else null. */
    OpcUaGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        OpcUaGateway serving = gateway;
        gateway = null;
        if (serving != null) {
            serving.close();
        }
        teller.shutdown();
    }
}
