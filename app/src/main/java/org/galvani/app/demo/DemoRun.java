package org.galvani.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.time.Clock;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Units;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.trace.Implements;

/**
 * One demo treatment in simulated time: the runtime with the configured stage ({@link DemoStage}: the
 * simulated stage, or the wire driver and its emulator), stepped a control period at a time, and a scripted operator who arms, starts once contact is confirmed, resumes a few seconds
 * after the electrodes are back and, if the scenario says so, acknowledges a fault (retrying a refusal
 * after half a second like any request, at most {@value #ACKNOWLEDGE_TRIES} times). The operator only makes requests; the kernel decides.
 */
@Implements({"SRS-APP-001", "SRS-APP-007", "SRS-APP-038"})
final class DemoRun {

    private static final String OPERATOR = "demo-operator";
    private static final long SECOND = 1_000_000L;
    private static final int SETTLE_PERIODS = 10;
    /** No demo treatment may run longer than this much simulated time. */
    private static final long TIME_LIMIT = 12 * 3_600 * SECOND;
    /** How often the operator tries to acknowledge a fault before giving up. */
    static final int ACKNOWLEDGE_TRIES = 30;

    private final DemoSettings settings;
    private final DemoConsole console;
    private final List<ChannelEvent> events = new ArrayList<>();

    private KernelRuntime runtime;
    private SqliteLedger ledger;
    private long period;
    private long now;
    private CompletableFuture<RequestOutcome> waiting;
    private long retryAtMicros;
    private long reattachedAtMicros = -1;
    private long faultSeenAtMicros = -1;
    private int acknowledgeTries;
    private KernelSnapshot firstFault;

    DemoRun(DemoSettings settings, DemoConsole console) {
        this.settings = settings;
        this.console = console;
    }

    DemoResult run() {
        // The ledger first: a data directory that cannot be used stops the demo before any stage starts.
        try (SqliteLedger opened = SqliteLedger.open(settings.dataDir(), Clock.systemUTC())) {
            ledger = opened;
            console.ledger(opened);
            DemoStage stage = DemoStage.create(settings);
            try (AutoCloseable release = stage.resources()) {
                return run(stage);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the demo's stage could not be released: " + e.getMessage(), e);
        }
    }

    private DemoResult run(DemoStage stage) {
        long wallStart = System.nanoTime();
        try (KernelRuntime started = KernelRuntime.builder().channel("ch0", settings.profile().profile(), stage.driver())
                .ledger(ledger).sink(events::add).build()) {
            runtime = started;
            period = runtime.periodMicros();
            Channel channel = runtime.channel("ch0");
            step();
            RequestOutcome armed = await(channel.arm(prescription(), OPERATOR));
            if (!armed.accepted()) {
                return new DemoResult(armed.reason(), channel.snapshot(), events, 0, now, System.nanoTime() - wallStart,
                        null, 0, stage.description(), stage.counter(), ledger.deliveredMicroampMillis(settings.treatmentId()));
            }
            KernelSnapshot snapshot = channel.snapshot();
            while (!finished(snapshot) && now < TIME_LIMIT) {
                step();
                snapshot = channel.snapshot();
                if (firstFault == null && snapshot.state() == KernelState.FAULT) {
                    firstFault = snapshot;
                }
                operate(channel, snapshot);
                console.progress(settings, snapshot);
                pace(wallStart);
            }
            console.endProgress();
            long endedAt = now;
            // A few more periods, so that what the stage drives after the kernel's cut (by command and by
            // its own disconnect) shows in the summary: a stage reports a change one period late.
            for (int i = 0; i < SETTLE_PERIODS; i++) {
                step();
            }
            return new DemoResult(null, snapshot, events, stage.trueChargeMicroampMicros().getAsLong(), endedAt,
                    System.nanoTime() - wallStart, firstFault, stage.flowingMicroamps().getAsInt(), stage.description(),
                    stage.counter(), ledger.deliveredMicroampMillis(settings.treatmentId()));
        }
    }

    private void step() {
        now += period;
        runtime.advanceTo(now);
        // On the demo's thread, after the tick (in real time it would be a watcher's, never the loop's).
        ledger.sample(runtime.channel("ch0").snapshot());
    }

    /** The settings in the kernel's units: the conversion happens here, at the edge. */
    private Prescription prescription() {
        Prescription.Builder rx = Prescription.builder(settings.treatmentId())
                .drug(settings.drug())
                .activeElectrode(settings.activeElectrode())
                .targetMicroamps(Units.microamps(settings.currentMilliamps()))
                .electrodeAreaMm2(Units.squareMillimetres(settings.areaCm2()))
                .rampMillis(Units.millisFromSeconds(settings.rampSeconds()));
        if (settings.durationMinutes() > 0) {
            rx.durationMillis(Units.millisFromMinutes(settings.durationMinutes()));
        } else {
            rx.doseMicroampMillis(Units.microampMillis(settings.doseMilliampMinutes()));
        }
        return rx.build();
    }

    /** The operator: start when contact is confirmed, resume a while after re-attachment; retry refusals. */
    private void operate(Channel channel, KernelSnapshot snapshot) {
        if (waiting != null && !waiting.isDone()) {
            return;
        }
        if (waiting != null && !waiting.join().accepted()) {
            retryAtMicros = now + SECOND / 2;
        }
        waiting = null;
        if (now < retryAtMicros) {
            return;
        }
        if (snapshot.state() == KernelState.ARMED && snapshot.contactOk()) {
            waiting = channel.start(OPERATOR);
        } else if (snapshot.state() == KernelState.FAULT && settings.acknowledgeFaults()) {
            acknowledge(channel);
        } else if (snapshot.state() == KernelState.CONTACT_LOST) {
            if (!snapshot.contactOk()) {
                reattachedAtMicros = -1;
            } else if (reattachedAtMicros < 0) {
                reattachedAtMicros = now;
            } else if (now - reattachedAtMicros >= Math.round(settings.resumeAfterSeconds() * SECOND)) {
                waiting = channel.resume(OPERATOR);
            }
        }
    }

    /** A person looks at the fault for the resume delay, then acknowledges. */
    private void acknowledge(Channel channel) {
        if (faultSeenAtMicros < 0) {
            faultSeenAtMicros = now;
        } else if (now - faultSeenAtMicros >= Math.round(settings.resumeAfterSeconds() * SECOND)) {
            acknowledgeTries++;
            waiting = channel.acknowledge(OPERATOR);
        }
    }

    /** Steps until the kernel has decided (it decides in the next tick; a few ticks at most). */
    private RequestOutcome await(CompletableFuture<RequestOutcome> outcome) {
        for (int i = 0; i < 100 && !outcome.isDone(); i++) {
            step();
        }
        if (!outcome.isDone()) {
            throw new IllegalStateException("the kernel did not decide on the request within 100 ticks");
        }
        return outcome.join();
    }

    /** The end: complete, idle, halted, or a fault nobody (any longer) tries to acknowledge. */
    private boolean finished(KernelSnapshot snapshot) {
        boolean fault = snapshot.state() == KernelState.FAULT;
        boolean acknowledging = settings.acknowledgeFaults() && acknowledgeTries < ACKNOWLEDGE_TRIES
                || waiting != null && !waiting.isDone();
        return snapshot.state() == KernelState.COMPLETE || snapshot.state() == KernelState.IDLE || snapshot.halted()
                || (fault && !acknowledging);
    }

    /** Holds simulated time to {@code speed} × wall time (checked every 10 ms of simulated time). */
    private void pace(long wallStart) {
        if (settings.speed() <= 0 || now % 10_000 != 0) {
            return;
        }
        long due = wallStart + (long) (now * 1_000.0 / settings.speed());
        long ahead = due - System.nanoTime();
        if (ahead > 0) {
            LockSupport.parkNanos(ahead);
        }
    }
}
