package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.galvani.kernel.testing.KernelHarness;
import org.galvani.kernel.testing.Prescriptions;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** SRS-KRN-024: every decision is reported to the event sink, with the delivered dose. */
class EventReportingTest {

    private static KernelEvent only(List<KernelEvent> events) {
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    @Test
    @Verifies(value = "SRS-KRN-024", version = 1)
    void acceptedAndRefusedRequestsCarryTheirIdAndReason() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        h.submit(Request.arm(77, Prescriptions.shortDexamethasone("T").build(), 0));
        h.tick();
        KernelEvent accepted = h.eventsInLatestTick().get(0);
        assertEquals(new KernelEvent(KernelEventType.REQUEST_ACCEPTED, h.now(), KernelState.IDLE, KernelState.IDLE,
                Reason.NONE, 77, 0, null), accepted);

        h.submit(Request.start(78));
        h.tick();
        KernelEvent refused = only(h.eventsInLatestTick());
        assertEquals(new KernelEvent(KernelEventType.REQUEST_REFUSED, h.now(), KernelState.ARMED, KernelState.ARMED,
                Reason.CONTACT_NOT_CONFIRMED, 78, 0, "T"), refused);
    }

    @Test
    @Verifies(value = "SRS-KRN-024", version = 1)
    void stateChangesCarryPreviousAndNewStateAndCauseAfterTheDecisionThatCausedThem() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.tick();
        long arm = h.arm(Prescriptions.shortDexamethasone("T").build());
        h.tick();
        List<KernelEvent> armTick = h.eventsInLatestTick();
        assertEquals(2, armTick.size());
        assertEquals(KernelEventType.REQUEST_ACCEPTED, armTick.get(0).type());
        assertEquals(new KernelEvent(KernelEventType.STATE_CHANGED, h.now(), KernelState.IDLE, KernelState.ARMED,
                Reason.OPERATOR_REQUEST, arm, 0, "T"), armTick.get(1));

        h.confirmContact();
        h.start();
        h.runUntil(KernelState.DELIVERING, 10_002);
        KernelEvent reached = only(h.eventsInLatestTick());
        assertEquals(KernelState.RAMP_UP, reached.previous());
        assertEquals(Reason.TARGET_REACHED, reached.reason());
        assertEquals(0, reached.requestId(), "not caused by a request");

        h.stage().detach();
        h.tick();
        KernelEvent lost = only(h.eventsInLatestTick());
        assertEquals(KernelState.DELIVERING, lost.previous());
        assertEquals(KernelState.CONTACT_LOST, lost.current());
        assertEquals(Reason.CONTACT_OUT_OF_WINDOW, lost.reason());
    }

    @Test
    @Verifies(value = "SRS-KRN-024", version = 1)
    void everyEventCarriesTheDeliveredDoseOfItsTick() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.shortDexamethasone("T").build(), 1_234);
        h.confirmContact();
        h.start();
        int checked = 0;
        while (h.kernel().state() != KernelState.COMPLETE) {
            h.tick();
            if (h.kernel().state() == KernelState.DELIVERING && h.now() % 3_000_000 == 0) {
                h.pause();
            }
            if (h.kernel().state() == KernelState.PAUSED && !h.kernel().outputEnabled()) {
                h.resume();
            }
            for (KernelEvent e : h.eventsInLatestTick()) {
                assertEquals(h.kernel().deliveredDoseMicroampMillis(), e.deliveredMicroampMillis(), e.describe());
                checked++;
            }
        }
        assertTrue(checked > 30, checked + " events");
    }

    @Test
    @Verifies(value = "SRS-KRN-024", version = 1)
    void doseCheckpointsComeEveryIntervalWhileTheDoseGrowsAndNotOtherwise() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.arm(Prescriptions.shortDexamethasone("T").build());
        h.runMillis(3_000);
        assertTrue(h.events(KernelEventType.DOSE_CHECKPOINT).isEmpty(), "no dose given while armed");
        h.start();
        h.runUntil(KernelState.COMPLETE, 40_000);
        h.runMillis(5_000);

        List<KernelEvent> checkpoints = h.events(KernelEventType.DOSE_CHECKPOINT);
        assertTrue(checkpoints.size() >= 20, checkpoints.size() + " checkpoints");
        for (int i = 1; i < checkpoints.size(); i++) {
            KernelEvent previous = checkpoints.get(i - 1);
            KernelEvent next = checkpoints.get(i);
            // The dose grows in every tick of this treatment: a checkpoint every second exactly.
            assertEquals(1_000_000L, next.timeMicros() - previous.timeMicros());
            assertTrue(next.deliveredMicroampMillis() > previous.deliveredMicroampMillis());
            assertEquals(Reason.DOSE_CHECKPOINT, next.reason());
        }
        KernelEvent complete = h.events(KernelEventType.STATE_CHANGED).stream()
                .filter(e -> e.current() == KernelState.COMPLETE).findFirst().orElseThrow();
        KernelEvent last = checkpoints.get(checkpoints.size() - 1);
        assertTrue(last.timeMicros() <= complete.timeMicros() + 1_000_000L, "no checkpoints once the dose stops growing");
    }

    @Test
    @Verifies(value = "SRS-KRN-024", version = 1)
    void checkpointIntervalIsTheProfilesOwn() {
        DeviceProfile frequent = DeviceProfile.drugDeliveryPatch().toBuilder().name("frequent")
                .checkpointIntervalMillis(250).build();
        KernelHarness h = KernelHarness.create(frequent);
        h.deliverAtTarget(Prescriptions.shortDexamethasone("T").build());
        List<KernelEvent> checkpoints = h.events(KernelEventType.DOSE_CHECKPOINT);
        for (int i = 1; i < checkpoints.size(); i++) {
            assertEquals(250_000L, checkpoints.get(i).timeMicros() - checkpoints.get(i - 1).timeMicros());
        }
        assertTrue(checkpoints.size() >= 39, checkpoints.size() + " checkpoints");
    }

    @Test
    @Verifies(value = "SRS-KRN-024", version = 1)
    void everyKindOfEventIsReported() {
        KernelHarness h = KernelHarness.drugDelivery();
        h.stage().loadOhms(25_000);
        h.armAndStart(Prescriptions.shortDexamethasone("T").build());
        h.runUntil(k -> !h.events(KernelEventType.CURRENT_REDUCED).isEmpty(), "a reduction", 12_000);
        long refused = h.start();
        h.tick();
        assertEquals(Reason.INVALID_STATE, h.refusal(refused));

        Set<KernelEventType> seen = EnumSet.noneOf(KernelEventType.class);
        h.events().forEach(e -> seen.add(e.type()));
        assertEquals(EnumSet.allOf(KernelEventType.class), seen);
        KernelEvent reduced = h.events(KernelEventType.CURRENT_REDUCED).get(0);
        assertEquals(Reason.HIGH_RESISTANCE_REDUCED, reduced.reason());
        assertEquals(KernelState.RAMP_UP, reduced.current());
    }
}
