package org.galvani.app.ledger;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.kernel.runtime.RequestOutcome;

/**
 * A simulated treatment on the real runtime and the simulated stage, in simulated time, recording into a
 * ledger: what the ledger tests drive. Every tick is dispatched before the next (as in the demo).
 */
final class LedgerTreatment implements AutoCloseable {

    static final String CHANNEL = "ch0";
    static final int PERIOD_MICROS = 1_000;
    static final int TARGET_MICROAMPS = 2_000;
    /** The hold this runtime declares for its stage (ms). */
    static final int STAGE_HOLD_MILLIS = 500;

    private final KernelRuntime runtime;
    private final CrashingLedger recording;
    private final SqliteLedger sampled;
    private final SimulatedOutputStage stage;
    private long now;

    LedgerTreatment(DoseLedger ledger, DeviceProfile profile) {
        this.stage = new SimulatedOutputStage(SimulatorConfig.patchDefaults());
        this.recording = new CrashingLedger(ledger);
        this.runtime = KernelRuntime.builder().periodMicros(PERIOD_MICROS).ledger(recording)
                .stageHoldMillis(STAGE_HOLD_MILLIS).channel(CHANNEL, profile, stage).build();
        this.sampled = ledger instanceof SqliteLedger ? (SqliteLedger) ledger : null;
    }

    /** The drug-delivery patch with a one-second ramp and a short contact confirmation. */
    static DeviceProfile patch() {
        return DeviceProfile.drugDeliveryPatch().toBuilder().name("ledger-test").minRampMillis(1_000)
                .contactConfirmMillis(100).build();
    }

    /** Dexamethasone from the cathode at 2 mA over 10 cm², ending on {@code doseMicroampMillis}. */
    static Prescription dexamethasone(String treatmentId, long doseMicroampMillis) {
        return Prescription.builder(treatmentId).drug(DrugTable.DEXAMETHASONE).activeElectrode(Polarity.CATHODE)
                .targetMicroamps(TARGET_MICROAMPS).electrodeAreaMm2(1_000).doseMicroampMillis(doseMicroampMillis)
                .rampMillis(1_000).build();
    }

    Channel channel() {
        return runtime.channel(CHANNEL);
    }

    /** The stage's maximum current: what the ledger's crash bound counts with. */
    int stageMaxMicroamps() {
        return stage.capabilities().maxCurrentMicroamps();
    }

    /** The charge that really flowed through the simulated load (µA·ms, rounded down). */
    long trueChargeMicroampMillis() {
        return stage.trueChargeMicroampMicros() / 1_000L;
    }

    KernelSnapshot tick() {
        now += PERIOD_MICROS;
        runtime.advanceTo(now);
        KernelSnapshot snapshot = channel().snapshot();
        if (sampled != null) {
            sampled.sample(snapshot);
        }
        return snapshot;
    }

    /** The loop stalls for {@code micros} (the machine froze), then ticks once: the kernel's watchdog faults. */
    KernelSnapshot stall(long micros) {
        now += micros - PERIOD_MICROS;
        return tick();
    }

    KernelSnapshot ticks(int count) {
        KernelSnapshot latest = channel().snapshot();
        for (int i = 0; i < count; i++) {
            latest = tick();
        }
        return latest;
    }

    KernelSnapshot tickUntil(Predicate<KernelSnapshot> done, int maxTicks, String what) {
        for (int i = 0; i < maxTicks; i++) {
            KernelSnapshot snapshot = tick();
            if (done.test(snapshot)) {
                return snapshot;
            }
        }
        return fail("not reached within " + maxTicks + " ticks: " + what + "; last " + channel().snapshot());
    }

    /** Steps until the kernel has decided the request. */
    RequestOutcome decide(CompletableFuture<RequestOutcome> request) {
        for (int i = 0; i < 10 && !request.isDone(); i++) {
            tick();
        }
        assertTrue(request.isDone(), "the kernel decides within a few ticks");
        return request.join();
    }

    /** Arms {@code rx} and returns the kernel's decision. */
    RequestOutcome arm(Prescription rx) {
        return decide(channel().arm(rx, "nurse-7"));
    }

    /** Arms, confirms contact, starts and ramps up: the channel is then DELIVERING. */
    KernelSnapshot deliver(Prescription rx) {
        RequestOutcome armed = arm(rx);
        if (!armed.accepted()) {
            fail("arm refused: " + armed.describe());
        }
        ticks(150);
        RequestOutcome started = decide(channel().start("nurse-7"));
        if (!started.accepted()) {
            fail("start refused: " + started.describe());
        }
        return tickUntil(s -> s.state() == KernelState.DELIVERING, 5_000, "delivering");
    }

    /**
     * A crash: the ledger sees nothing more (no end state, no closing checkpoint); then the runtime's
     * threads and stage are released.
     */
    @Override
    public void close() {
        recording.crash();
        runtime.close();
    }

    /** A clean stop: the runtime closes with its closing checkpoint reaching the ledger. */
    void closeCleanly() {
        runtime.close();
    }
}
