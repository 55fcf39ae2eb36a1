package org.galvani.kernel.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.HardwareLimits;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.Request;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.port.ChannelEventSink;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.port.TreatmentArming;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One output channel in the runtime: a kernel, its driver, and the three hand-overs between threads.
 *
 * <ul>
 *   <li>Requests: any thread calls {@link #arm}, {@link #start}, ... ; they go through a bounded
 *       lock-free queue into the kernel's next tick, and the returned future completes with the kernel's
 *       decision.</li>
 *   <li>Snapshots: any thread calls {@link #snapshot()}; it never blocks the loop.</li>
 *   <li>Events: the loop hands the kernel's events to a bounded queue; the dispatcher thread records
 *       them (ledger, sinks) and completes the request futures.</li>
 * </ul>
 *
 * <p>{@link #step(long)} runs on the control-loop thread only, {@link #dispatch()} on the dispatcher only.
 */
@Implements({"SRS-KRN-028", "SRS-KRN-030", "SRS-KRN-032", "SRS-KRN-033", "SRS-KRN-036", "SRS-KRN-037",
    "SRS-KRN-038", "SRS-KRN-039"})
public final class Channel {

    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);
    private static final long SYSTEM_REQUEST_ID = -1L;
    private static final Requester KERNEL = new Requester("kernel", null);
    private static final Requester RUNTIME = new Requester("runtime", RequestKind.SYSTEM_STOP);
    private static final Requester UNKNOWN = new Requester("unknown", null);

    private final String id;
    private final SafetyKernel kernel;
    private final OutputStageDriver driver;
    private final DoseLedger ledger;
    private final String profileName;
    private final int maxCurrentMicroamps;
    private final int checkpointIntervalMillis;
    private final int stageHoldMillis;
    private final List<ChannelEventSink> sinks = new CopyOnWriteArrayList<>();

    // Loop thread only.
    private final Measurement measurement = new Measurement();
    private final Request recordingFailedStop = Request.systemStop(SYSTEM_REQUEST_ID, Reason.RECORDING_FAILED);
    private int carriedFlags;
    private long ticks;
    private final long selfTestIntervalMicros;
    private long nextSelfTestMicros = Long.MIN_VALUE;
    private boolean cutOff;
    private boolean eventsDropped;

    // Between threads.
    private final BoundedQueue<Request> requests;
    private final BoundedQueue<KernelEvent> events;
    private final SnapshotPublisher snapshots;
    private final Map<Long, PendingRequest> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequestId = new AtomicLong(1);
    private final AtomicLong droppedEvents = new AtomicLong();
    private volatile boolean recordingFailed;
    private volatile Throwable haltCause;
    private volatile boolean haltLogged;
    private volatile Throwable disableFailure;
    private volatile String selfTestFailure;

    // Dispatcher thread only: the request the kernel accepted last, to name the origin of the events that
    // follow its acceptance (its future, and with it its pending entry, is completed on the acceptance);
    // and how many lost events have been reported in the log.
    private long acceptedRequestId;
    private Requester acceptedRequester = KERNEL;
    private long reportedDroppedEvents;

    Channel(String id, HardwareLimits hardware, DeviceProfile profile, OutputStageDriver driver, DoseLedger ledger,
            int requestCapacity, int eventCapacity, long selfTestIntervalMicros, int stageHoldMillis) {
        this.id = id;
        this.profileName = profile.name();
        this.maxCurrentMicroamps = hardware.maxCurrentMicroamps();
        this.checkpointIntervalMillis = profile.checkpointIntervalMillis();
        this.stageHoldMillis = stageHoldMillis;
        this.selfTestIntervalMicros = selfTestIntervalMicros;
        this.driver = driver;
        this.ledger = ledger;
        this.requests = new BoundedQueue<>(requestCapacity);
        this.events = new BoundedQueue<>(eventCapacity);
        this.snapshots = new SnapshotPublisher(id);
        this.kernel = SafetyKernel.create(hardware, profile, this::onKernelEvent);
    }

    /** The channel's ID. */
    public String id() {
        return id;
    }

    /** Adds a sink that receives every event of this channel on the dispatcher thread. */
    public void addSink(ChannelEventSink sink) {
        sinks.add(sink);
    }

    // ---------------------------------------------------------------------------------------------
    // The request API (any thread)

    /**
     * Asks the kernel to arm {@code prescription}. The dose already delivered for its treatment ID, and
     * whether it already completed, are read from the dose ledger here (on the caller's thread): the dose
     * counts towards the prescription and cap, and a completed treatment is refused by the kernel; then the
     * ledger records the prescription and its crash bound before the request is queued.
     */
    @Implements("SRS-KRN-041")
    public CompletableFuture<RequestOutcome> arm(Prescription prescription, String origin) {
        long requestId = nextRequestId.getAndIncrement();
        String treatmentId = prescription == null ? null : prescription.treatmentId();
        long prior = 0L;
        boolean completed = false;
        Reason refusal = Reason.NONE;
        try {
            if (treatmentId != null) {
                prior = ledger.deliveredMicroampMillis(treatmentId);
                completed = ledger.completed(treatmentId);
            }
        } catch (RuntimeException e) {
            LOG.error("channel {}: dose ledger unreadable, arm refused", id, e);
            refusal = Reason.LEDGER_UNAVAILABLE;
        }
        if (refusal == Reason.NONE && recordingFailed && !ledgerWritesAgain(treatmentId, prior)) {
            refusal = Reason.LEDGER_UNAVAILABLE;
        }
        if (refusal == Reason.NONE && !armingRecorded(requestId, prescription, origin)) {
            refusal = Reason.LEDGER_UNAVAILABLE;
        }
        return submit(Request.arm(requestId, prescription, prior, completed), origin, refusal);
    }

    /** The prescription reaches the ledger before the kernel sees it: no treatment starts unrecorded. */
    @Implements("SRS-KRN-038")
    private boolean armingRecorded(long requestId, Prescription prescription, String origin) {
        try {
            ledger.arming(new TreatmentArming(id, requestId, prescription, origin == null ? "unknown" : origin,
                    profileName, driver.capabilities().name(), maxCurrentMicroamps, checkpointIntervalMillis,
                    stageHoldMillis));
            return true;
        } catch (RuntimeException e) {
            LOG.error("channel {}: dose ledger could not record the prescription, arm refused", id, e);
            return false;
        }
    }

    /**
     * After a failed ledger write, a new treatment may start only once the ledger takes writes again.
     * The probe writes the total the ledger itself just returned, which changes nothing in it.
     */
    private boolean ledgerWritesAgain(String treatmentId, long prior) {
        if (treatmentId == null) {
            return false;
        }
        try {
            ledger.checkpoint(id, treatmentId, snapshot().timeMicros(), prior);
            recordingFailed = false;
            LOG.info("channel {}: dose ledger writable again", id);
            return true;
        } catch (RuntimeException e) {
            LOG.error("channel {}: dose ledger still not writable, arm refused", id, e);
            return false;
        }
    }

    public CompletableFuture<RequestOutcome> start(String origin) {
        return submit(Request.start(nextRequestId.getAndIncrement()), origin, Reason.NONE);
    }

    public CompletableFuture<RequestOutcome> pause(String origin) {
        return submit(Request.pause(nextRequestId.getAndIncrement()), origin, Reason.NONE);
    }

    public CompletableFuture<RequestOutcome> resume(String origin) {
        return submit(Request.resume(nextRequestId.getAndIncrement()), origin, Reason.NONE);
    }

    public CompletableFuture<RequestOutcome> stop(String origin) {
        return submit(Request.stop(nextRequestId.getAndIncrement()), origin, Reason.NONE);
    }

    public CompletableFuture<RequestOutcome> acknowledge(String origin) {
        return submit(Request.acknowledge(nextRequestId.getAndIncrement()), origin, Reason.NONE);
    }

    /** The latest published state; never blocks the control loop. */
    public KernelSnapshot snapshot() {
        return snapshots.read();
    }

    /** Events the loop could not hand over because the event queue was full. */
    public long droppedEvents() {
        return droppedEvents.get();
    }

    /** Whether the channel was halted by an internal error (output disabled for good). */
    public boolean halted() {
        return haltCause != null;
    }

    /**
     * Queues a request for the kernel. A request the runtime itself must refuse (halted channel, full
     * queue, unreadable ledger) is refused through the event queue too, so that every refusal reaches
     * the sinks and the audit trail like the kernel's own.
     */
    private CompletableFuture<RequestOutcome> submit(Request request, String origin, Reason runtimeRefusal) {
        PendingRequest waiting = new PendingRequest(request, origin == null ? "unknown" : origin);
        pending.put(request.id(), waiting);
        Reason refusal = runtimeRefusal;
        if (refusal == Reason.NONE && haltCause != null) {
            refusal = Reason.CHANNEL_HALTED;
        }
        if (refusal == Reason.NONE && !requests.offer(request)) {
            refusal = Reason.REQUEST_QUEUE_FULL;
        }
        if (refusal != Reason.NONE) {
            refuseOutsideKernel(waiting, refusal);
        }
        return waiting.outcome();
    }

    private void refuseOutsideKernel(PendingRequest waiting, Reason reason) {
        if (waiting == null) {
            return;
        }
        KernelSnapshot now = snapshot();
        long requestId = waiting.request().id();
        KernelEvent refusal = new KernelEvent(KernelEventType.REQUEST_REFUSED, now.timeMicros(), now.state(),
                now.state(), reason, requestId, now.deliveredDoseMicroampMillis(), now.treatmentId());
        if (!events.offer(refusal)) {
            droppedEvents.incrementAndGet();
            pending.remove(requestId);
            waiting.outcome().complete(new RequestOutcome(requestId, false, reason, now.state()));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The control loop (loop thread only)

    /**
     * One tick: sample, hand at most one request to the kernel, tick, apply, publish. Never throws: a
     * failing driver call disables the output and becomes a fault flag for the kernel; a failure of the
     * kernel itself halts the channel with the output disabled.
     */
    void step(long nowMicros) {
        if (haltCause != null) {
            return;
        }
        try {
            sample(nowMicros);
            Request request = needsSystemStop() ? recordingFailedStop : requests.poll();
            if (request != null && request.kind() == RequestKind.ARM && !selfTestPasses(nowMicros)) {
                refuseOutsideKernel(pending.get(request.id()), Reason.SELF_TEST_FAILED);
                request = null;
            } else if (nowMicros >= nextSelfTestMicros && !selfTestPasses(nowMicros)) {
                // A latent fault found during (or between) treatments latches a kernel fault in this tick.
                measurement.addFlags(StatusFlags.SELF_TEST_FAILED);
            }
            if (request != null) {
                kernel.submit(request);
            }
            kernel.tick(nowMicros, measurement);
            apply(nowMicros);
            cutOffOnFault();
            ticks++;
            snapshots.publish(ticks, kernel, false);
        } catch (RuntimeException | Error e) {
            halt(e);
        }
    }

    private void sample(long nowMicros) {
        try {
            driver.sample(nowMicros, measurement);
        } catch (RuntimeException e) {
            // The kernel latches a fault on the flag in this tick; disable now as well, as after a failed apply.
            disableOutput();
            carriedFlags |= StatusFlags.DRIVER_EXCEPTION;
        }
        if (carriedFlags != 0) {
            measurement.addFlags(carriedFlags);
            carriedFlags = 0;
        }
    }

    /**
     * Runs the driver's self-test between two ticks and schedules the next one. The first periodic test
     * falls on the first tick, so a stage that broke after the runtime was built is found at once. A
     * failure (or a self-test that throws) is kept for the dispatcher to log: the loop does no I/O.
     */
    @Implements("SRS-KRN-036")
    private boolean selfTestPasses(long nowMicros) {
        nextSelfTestMicros = nowMicros + selfTestIntervalMicros;
        String failure;
        try {
            SelfTestResult result = driver.selfTest();
            failure = result == null ? "no result" : result.passed() ? null : result.detail();
        } catch (RuntimeException e) {
            failure = "the self-test threw " + e;
        }
        if (failure != null) {
            selfTestFailure = failure;
        }
        return failure == null;
    }

    private void apply(long nowMicros) {
        try {
            driver.apply(nowMicros, kernel.setpointMicroamps(), kernel.outputEnabled(), kernel.polarity());
        } catch (RuntimeException e) {
            disableOutput();
            carriedFlags |= StatusFlags.DRIVER_EXCEPTION;
        }
    }

    /**
     * In the tick a fault is latched, the stage's own disable path (a relay, a firmware disable) cuts the
     * output as well as the disabling command: a stage whose command path failed, a runaway, ignores
     * the command but not its disconnect. Once per fault, so that a latched fault costs nothing per tick.
     */
    @Implements("SRS-KRN-037")
    private void cutOffOnFault() {
        boolean faulted = kernel.state() == KernelState.FAULT;
        if (faulted && !cutOff) {
            disableOutput();
        }
        cutOff = faulted;
    }

    /**
     * Disables the output. A driver whose safe disable breaks its promise not to throw must not take the
     * control loop, and with it every other channel, down: the failure is kept for the dispatcher to log,
     * and the caller has already latched a fault or halted the channel. Returns the failure, or null.
     */
    private Throwable disableOutput() {
        try {
            driver.safeDisable();
            return null;
        } catch (RuntimeException | Error e) {
            disableFailure = e;
            return e;
        }
    }

    /** After events were lost or the ledger failed, a running treatment must end: it would go unrecorded. */
    private boolean needsSystemStop() {
        if (!eventsDropped && !recordingFailed) {
            return false;
        }
        KernelState state = kernel.state();
        boolean stoppable = state == KernelState.ARMED || state == KernelState.RAMP_UP
                || state == KernelState.DELIVERING || state == KernelState.PAUSED || state == KernelState.CONTACT_LOST;
        if (!stoppable && events.size() == 0) {
            eventsDropped = false;
        }
        return stoppable;
    }

    private void halt(Throwable cause) {
        haltCause = cause;
        Throwable failure = disableOutput();
        if (failure != null && failure != cause) {
            cause.addSuppressed(failure);
        }
        snapshots.publish(ticks, kernel, true);
    }

    /** The kernel's event sink (loop thread): one allocation per event, none per ordinary tick. */
    private void onKernelEvent(KernelEventType type, long timeMicros, KernelState previous, KernelState current,
                               Reason reason, long requestId, long deliveredMicroampMillis) {
        KernelEvent event = new KernelEvent(type, timeMicros, previous, current, reason, requestId,
                deliveredMicroampMillis, kernel.treatmentId());
        if (!events.offer(event)) {
            eventsDropped = true;
            droppedEvents.incrementAndGet();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The dispatcher (dispatcher thread only)

    /**
     * On close, after the last event was dispatched: the dose counted since the last periodic checkpoint,
     * so that a clean stop records all of it (a fault, for one, keeps counting what the stage measures).
     */
    @Implements("SRS-KRN-040")
    void closingCheckpoint() {
        KernelSnapshot last = snapshot();
        if (last.treatmentId() == null) {
            return;
        }
        try {
            ledger.checkpoint(id, last.treatmentId(), last.timeMicros(), last.deliveredDoseMicroampMillis());
        } catch (RuntimeException e) {
            LOG.error("channel {}: the closing dose checkpoint of treatment {} could not be written; the ledger"
                    + " counts its last checkpoint", id, last.treatmentId(), e);
        }
    }

    /** Records pending events (ledger, sinks) and completes request futures. Returns how many. */
    int dispatch() {
        int count = 0;
        KernelEvent event;
        while ((event = events.poll()) != null) {
            count++;
            Requester requester = requesterOf(event);
            ChannelEvent recorded = new ChannelEvent(id, event, requester.origin(), requester.kind());
            writeLedger(recorded);
            for (ChannelEventSink sink : sinks) {
                try {
                    sink.record(recorded);
                } catch (RuntimeException e) {
                    LOG.warn("channel {}: event sink {} failed on {}", id, sink, event.describe(), e);
                }
            }
            completeRequest(event);
        }
        long dropped = droppedEvents.get();
        if (dropped > reportedDroppedEvents) {
            LOG.error("channel {}: {} event(s) could not be recorded (event queue full); any running treatment"
                    + " is ended with a ramp-down (RECORDING_FAILED)", id, dropped - reportedDroppedEvents);
            reportedDroppedEvents = dropped;
        }
        String failedSelfTest = selfTestFailure;
        if (failedSelfTest != null) {
            selfTestFailure = null;
            LOG.error("channel {}: driver self-test failed: {}", id, failedSelfTest);
        }
        Throwable failedDisable = disableFailure;
        if (failedDisable != null) {
            disableFailure = null;
            LOG.error("channel {}: driver safe disable threw; the output may still be enabled", id, failedDisable);
        }
        Throwable cause = haltCause;
        if (cause != null && !haltLogged) {
            haltLogged = true;
            LOG.error("channel {} halted with output disabled after an internal error; restart required", id, cause);
            failWaitingRequests();
        }
        return count;
    }

    /** Who asked for what an event answers: a request's origin and kind, the runtime, or the kernel itself. */
    private Requester requesterOf(KernelEvent event) {
        if (event.requestId() == 0L) {
            return KERNEL;
        }
        if (event.requestId() == SYSTEM_REQUEST_ID) {
            return RUNTIME;
        }
        PendingRequest waiting = pending.get(event.requestId());
        if (waiting != null) {
            return waiting.requester();
        }
        // Not the last event dispatched, necessarily: another thread's request refused by the runtime
        // may have been queued between an acceptance and the state change that follows it.
        return event.requestId() == acceptedRequestId ? acceptedRequester : UNKNOWN;
    }

    /**
     * Every event reaches the ledger (its checkpoints among them); a failure ends any running treatment.
     * Only a dose write that succeeds clears a failure: the other events may be written nowhere.
     */
    @Implements("SRS-KRN-038")
    private void writeLedger(ChannelEvent event) {
        try {
            ledger.record(event);
            if (event.carriesDose()) {
                recordingFailed = false;
            }
        } catch (RuntimeException e) {
            if (!recordingFailed) {
                LOG.error("channel {}: dose ledger write failed on {}; ending any treatment with a ramp-down", id,
                        event.describe(), e);
            }
            recordingFailed = true;
        }
    }

    private void completeRequest(KernelEvent event) {
        boolean decision = event.type() == KernelEventType.REQUEST_ACCEPTED
                || event.type() == KernelEventType.REQUEST_REFUSED;
        if (!decision) {
            return;
        }
        PendingRequest waiting = pending.remove(event.requestId());
        if (waiting != null && event.type() == KernelEventType.REQUEST_ACCEPTED) {
            acceptedRequestId = event.requestId();
            acceptedRequester = waiting.requester();
        }
        if (waiting != null) {
            waiting.outcome().complete(new RequestOutcome(event.requestId(),
                    event.type() == KernelEventType.REQUEST_ACCEPTED, event.reason(), event.current()));
        }
    }

    private void failWaitingRequests() {
        for (Long requestId : pending.keySet()) {
            PendingRequest waiting = pending.remove(requestId);
            if (waiting != null) {
                waiting.outcome().complete(new RequestOutcome(requestId, false, Reason.CHANNEL_HALTED, KernelState.FAULT));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Lifecycle (runtime only, loop stopped)

    OutputStageDriver driver() {
        return driver;
    }

    /** For tests and benchmarks in this package: the kernel, to be touched only from the loop thread. */
    SafetyKernel kernel() {
        return kernel;
    }

    /** A request waiting for the kernel's decision, and who made it. */
    private record PendingRequest(Request request, String origin, CompletableFuture<RequestOutcome> outcome) {
        PendingRequest(Request request, String origin) {
            this(request, origin, new CompletableFuture<>());
        }

        Requester requester() {
            return new Requester(origin, request.kind());
        }
    }

    /** Who made a request, and which kind it was (null kind: the kernel's own decision). */
    private record Requester(String origin, RequestKind kind) {
    }
}
