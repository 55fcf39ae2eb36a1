package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.dexamethasone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** A clean close records the dose counted since the last periodic checkpoint. */
class ClosingCheckpointTest {

    private static final String CHANNEL = "left";

    private final RecordingLedger ledger = new RecordingLedger();

    private KernelRuntime runtime() {
        return KernelRuntime.builder().periodMicros(PERIOD_MICROS).ledger(ledger)
                .channel(CHANNEL, RuntimeFixtures.profile(), new RecordingDriver()).build();
    }

    @Test
    @Verifies("SRS-KRN-040")
    void closingRecordsTheDoseCountedSinceTheLastCheckpoint() {
        long counted;
        KernelRuntime runtime = runtime();
        SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
        run.deliver(dexamethasone("T-1"));
        run.tick();
        run.tick();
        counted = run.channel().snapshot().deliveredDoseMicroampMillis();
        long beforeClose = ledger.deliveredMicroampMillis("T-1");
        assertTrue(counted > beforeClose, "the test needs dose counted after the last checkpoint: " + counted
                + " counted, " + beforeClose + " recorded");
        runtime.close();

        List<RecordingLedger.Write> writes = ledger.writes();
        RecordingLedger.Write last = writes.get(writes.size() - 1);
        assertEquals("T-1", last.treatmentId());
        assertEquals(counted, last.deliveredMicroampMillis(), "all of the counted dose is recorded");
        assertEquals(counted, ledger.deliveredMicroampMillis("T-1"));
    }

    @Test
    @Verifies("SRS-KRN-040")
    void aChannelWithoutATreatmentWritesNothingAndAFailedWriteDoesNotStopTheClose() {
        KernelRuntime idle = runtime();
        new SimulatedRun(idle, CHANNEL).tick();
        idle.close();
        assertEquals(List.of(), ledger.writes(), "nothing to record without a treatment");

        RecordingLedger failing = new RecordingLedger();
        RecordingDriver driver = new RecordingDriver();
        KernelRuntime runtime = KernelRuntime.builder().periodMicros(PERIOD_MICROS).ledger(failing)
                .channel(CHANNEL, RuntimeFixtures.profile(), driver).build();
        SimulatedRun run = new SimulatedRun(runtime, CHANNEL);
        run.deliver(dexamethasone("T-2"));
        int failedBefore = failing.failedWrites();
        failing.failWrites(true);
        runtime.close();
        assertEquals(failedBefore + 1, failing.failedWrites(), "the closing checkpoint was tried");
        assertEquals(1, driver.count("close"), "and the driver was still closed");
    }
}
