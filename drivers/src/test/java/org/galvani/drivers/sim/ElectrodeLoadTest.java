package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class ElectrodeLoadTest {

    private static final long TEN_MINUTES = 600_000_000L;

    @Test
    @Verifies("SRS-DRV-002")
    void startsAtSeriesPlusInitialSkin() {
        ElectrodeLoad load = new ElectrodeLoad(300, 6_000, 2_000, TEN_MINUTES);
        assertEquals(6_300, load.resistanceOhms());
    }

    @Test
    @Verifies("SRS-DRV-002")
    void fallsByOneTimeConstantToThirtySevenPercentOfTheSpan() {
        ElectrodeLoad load = new ElectrodeLoad(300, 6_000, 2_000, TEN_MINUTES);
        load.advance(TEN_MINUTES, 1_000);
        // 300 + 2000 + 4000 * e^-1 = 3771.5...
        assertEquals(3_772, load.resistanceOhms());
    }

    @Test
    @Verifies("SRS-DRV-002")
    void doesNotChangeWithoutCurrent() {
        ElectrodeLoad load = new ElectrodeLoad(300, 6_000, 2_000, TEN_MINUTES);
        load.advance(TEN_MINUTES, 0);
        assertEquals(6_300, load.resistanceOhms());
        assertEquals(0, load.energizedMicros());
    }

    @Test
    @Verifies("SRS-DRV-002")
    void fallsMonotonicallyTowardsTheFinalValue() {
        ElectrodeLoad load = new ElectrodeLoad(300, 6_000, 2_000, TEN_MINUTES);
        int previous = load.resistanceOhms();
        for (int i = 0; i < 100; i++) {
            load.advance(TEN_MINUTES / 10, 500);
            int now = load.resistanceOhms();
            assertTrue(now <= previous, "resistance rose from " + previous + " to " + now);
            assertTrue(now >= 2_300, "resistance fell below series + final skin: " + now);
            previous = now;
        }
        assertEquals(2_300, previous);
    }

    @Test
    @Verifies("SRS-DRV-002")
    void rejectsInconsistentValues() {
        assertThrows(IllegalArgumentException.class, () -> new ElectrodeLoad(-1, 6_000, 2_000, TEN_MINUTES));
        assertThrows(IllegalArgumentException.class, () -> new ElectrodeLoad(300, 1_000, 2_000, TEN_MINUTES));
        assertThrows(IllegalArgumentException.class, () -> new ElectrodeLoad(300, 6_000, 2_000, 0));
    }
}
