package org.galvani.kernel.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.galvani.kernel.testing.Gens;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The JML contract of {@link ContactMonitor} (constructor, {@code update}, {@code confirmed}, {@code reset}
 * and the class invariants) over generated windows and reading sequences.
 */
class ContactMonitorContractTest {

    /** A monitor's parameters: minimum, maximum, jump limit (Ω) and confirmation time (µs). */
    private static final Gen<int[]> WINDOW = Gens.ints(0, 1_000).zip(Gens.ints(0, 5_000), Gens.ints(0, 3_000),
            Gens.ints(0, 1_000_000), (min, width, jump, confirm) -> new int[] {min, min + width, jump, confirm});

    /** A reading: time (µs, never negative) and impedance (Ω, or unknown). */
    private static final Gen<long[]> READING = Gens.longs(0, 3_000_000L).zip(Gens.ints(-1, 7_000),
            (time, ohms) -> new long[] {time, ohms});

    private static final Gen<List<long[]>> READINGS = lists().of(READING).ofSizeBetween(1, 30);

    @Test
    @Verifies(value = {"SRS-KRN-008", "SRS-KRN-016", "SRS-KRN-017"}, version = 1)
    void everyUpdateKeepsTheContractAndTheInvariants() {
        qt().forAll(WINDOW, READINGS).checkAssert((w, readings) -> {
            ContactMonitor monitor = new ContactMonitor(w[0], w[1], w[2], w[3]);
            assertEquals(ContactMonitor.UNKNOWN, previous(monitor));
            assertEquals(ContactMonitor.NEVER, since(monitor));
            for (long[] reading : readings) {
                long now = reading[0];
                int ohms = (int) reading[1];
                ContactVerdict verdict = monitor.update(now, ohms);
                assertNotNull(verdict);
                if (!monitor.inWindow(ohms)) {
                    assertEquals(ContactVerdict.OUT_OF_WINDOW, verdict);
                    assertEquals(ContactMonitor.NEVER, since(monitor));
                    assertEquals(ContactMonitor.UNKNOWN, previous(monitor));
                }
                if (verdict == ContactVerdict.JUMP) {
                    assertEquals(ContactMonitor.NEVER, since(monitor));
                    assertEquals(ohms, previous(monitor));
                }
                if (verdict == ContactVerdict.IN_WINDOW) {
                    assertTrue(monitor.inWindow(ohms));
                    assertEquals(ohms, previous(monitor));
                    assertTrue(since(monitor) != ContactMonitor.NEVER && since(monitor) <= now);
                }
                checkInvariants(monitor, w);
                checkConfirmed(monitor, now, w[3]);
            }
            monitor.reset();
            assertEquals(ContactMonitor.UNKNOWN, previous(monitor));
            assertEquals(ContactMonitor.NEVER, since(monitor));
        });
    }

    @Test
    @Verifies(value = "SRS-KRN-016", version = 1)
    void inWindowIsTheInclusiveRange() {
        qt().forAll(WINDOW, Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).mix(Gens.ints(-1, 7_000), 70))
                .checkAssert((w, ohms) -> assertEquals(w[0] <= ohms && ohms <= w[1],
                        new ContactMonitor(w[0], w[1], w[2], w[3]).inWindow(ohms)));
    }

    private static void checkInvariants(ContactMonitor monitor, int[] w) {
        int previous = previous(monitor);
        assertTrue(previous == ContactMonitor.UNKNOWN || (w[0] <= previous && previous <= w[1]),
                "previous reading " + previous + " outside the window");
        assertTrue(since(monitor) >= ContactMonitor.NEVER);
    }

    private static void checkConfirmed(ContactMonitor monitor, long now, long confirm) {
        long since = since(monitor);
        for (long t : new long[] {now, now + confirm - 1, now + confirm, now + 2 * confirm + 1}) {
            assertEquals(since != ContactMonitor.NEVER && t - since >= confirm, monitor.confirmed(t), "confirmed(" + t + ")");
        }
    }

    private static int previous(ContactMonitor monitor) {
        return SpecFields.intOf(monitor, "previousInWindowOhms");
    }

    private static long since(ContactMonitor monitor) {
        return SpecFields.longOf(monitor, "inWindowSinceMicros");
    }
}
