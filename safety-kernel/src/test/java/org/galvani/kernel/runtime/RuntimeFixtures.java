package org.galvani.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.port.ChannelEventSink;
import org.galvani.kernel.port.DoseLedger;

/** Profiles, prescriptions and small helpers shared by the runtime tests. */
final class RuntimeFixtures {

    /** The control period of every runtime in these tests (1 kHz). */
    static final int PERIOD_MICROS = 1_000;
    static final int TARGET_MICROAMPS = 1_000;
    /** Ramps of one second at 1 mA: the slew rate is 1 µA per tick. */
    static final int RAMP_MILLIS = 1_000;
    /** About three seconds at 1 mA: a whole treatment is a few thousand simulated ticks. */
    static final long DOSE_MICROAMP_MILLIS = 3_000_000L;
    static final int CONTACT_CONFIRM_MILLIS = 100;
    /** Ticks after the first one until contact is confirmed, with a margin. */
    static final int TICKS_TO_CONFIRM_CONTACT = CONTACT_CONFIRM_MILLIS + 5;

    private RuntimeFixtures() {
    }

    /** The drug-delivery profile with short ramps and contact confirmation, so that treatments are short. */
    /** A runtime in simulated time: one channel on a {@link RecordingDriver}, with this ledger and sink. */
    static KernelRuntime runtime(String channel, DoseLedger ledger, ChannelEventSink sink) {
        return KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS)
                .ledger(ledger)
                .sink(sink)
                .channel(channel, profile(), new RecordingDriver())
                .build();
    }

    static DeviceProfile profile() {
        return DeviceProfile.drugDeliveryPatch().toBuilder()
                .name("runtime-test")
                .minRampMillis(RAMP_MILLIS)
                .contactConfirmMillis(CONTACT_CONFIRM_MILLIS)
                .build();
    }

    /** Dexamethasone (an anion) from the cathode, 1 mA over 10 cm², ending on {@code doseMicroampMillis}. */
    static Prescription dexamethasone(String treatmentId, long doseMicroampMillis) {
        return Prescription.builder(treatmentId)
                .drug(DrugTable.DEXAMETHASONE)
                .activeElectrode(Polarity.CATHODE)
                .targetMicroamps(TARGET_MICROAMPS)
                .electrodeAreaMm2(1_000)
                .doseMicroampMillis(doseMicroampMillis)
                .rampMillis(RAMP_MILLIS)
                .build();
    }

    static Prescription dexamethasone(String treatmentId) {
        return dexamethasone(treatmentId, DOSE_MICROAMP_MILLIS);
    }

    /** Lidocaine (a cation) from the anode, otherwise like {@link #dexamethasone(String)}. */
    static Prescription lidocaine(String treatmentId) {
        return Prescription.builder(treatmentId)
                .drug(DrugTable.LIDOCAINE)
                .activeElectrode(Polarity.ANODE)
                .targetMicroamps(TARGET_MICROAMPS)
                .electrodeAreaMm2(1_000)
                .doseMicroampMillis(DOSE_MICROAMP_MILLIS)
                .rampMillis(RAMP_MILLIS)
                .build();
    }

    /** The outcome of a request that must already be decided (simulated time dispatches before returning). */
    static RequestOutcome decided(CompletableFuture<RequestOutcome> future) {
        assertTrue(future.isDone(), "the request should have been decided by now");
        return future.join();
    }
}
