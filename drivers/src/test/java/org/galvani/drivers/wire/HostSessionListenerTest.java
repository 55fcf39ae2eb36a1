package org.galvani.drivers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.galvani.drivers.wire.emulator.ClockMode;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.drivers.wire.emulator.HostSessionListener;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The emulator tells an outside observer about host sessions, with the true charge once the output is cut. */
class HostSessionListenerTest {

    /** What a listener heard, in order. */
    private static final class Heard implements HostSessionListener {
        final List<String> connects = new CopyOnWriteArrayList<>();
        final List<long[]> disconnects = new CopyOnWriteArrayList<>();

        @Override
        public void connected(int session, String peer) {
            connects.add(session + " " + peer);
        }

        @Override
        public void disconnected(int session, long trueChargeMicroampMicros) {
            disconnects.add(new long[] {session, trueChargeMicroampMicros});
        }
    }

    @Test
    @Verifies("SRS-DRV-045")
    void aDisconnectReportsTheTrueChargeAfterTheOutputWasCutAndItNoLongerGrows() throws Exception {
        Heard heard = new Heard();
        EmulatorConfig config = EmulatorConfig.loopback().withClock(ClockMode.DEVICE).withWatchdogMillis(2_000);
        try (WireBench bench = WireBench.start(config, WireDriverConfig.loopback(1)
                .withResponseTimeoutMicros(WireBench.RESPONSE_TIMEOUT_MICROS))) {
            bench.emulator.listen(heard);
            bench.sample();
            assertTrue(bench.refreshUntil(1_000, Polarity.ANODE, () -> bench.emulator.trueChargeMicroampMicros() >= 10_000_000L),
                    "charge stuck at " + bench.emulator.trueChargeMicroampMicros());
            // The host goes away with the output on, as a killed process does: its socket closes.
            bench.driver.close();
            assertTrue(WireBench.waitUntil(() -> heard.disconnects.size() == 1), "no disconnect reported");
            long reported = heard.disconnects.get(0)[1];
            assertEquals(1, heard.disconnects.get(0)[0]);
            assertFalse(bench.emulator.outputEnabled(), "the output is cut before the disconnect is reported");
            assertTrue(reported >= 10_000_000L, "the charge that flowed: " + reported);
            Thread.sleep(50);
            assertEquals(reported, bench.emulator.trueChargeMicroampMicros(), "nothing flows after the report");
        }
    }

    @Test
    @Verifies("SRS-DRV-045")
    void everySessionIsNumberedAndAThrowingListenerDoesNotStopTheEmulator() throws Exception {
        Heard heard = new Heard();
        try (DeviceEmulator emulator = DeviceEmulator.start(EmulatorConfig.loopback())) {
            emulator.listen(new HostSessionListener() {
                @Override
                public void connected(int session, String peer) {
                    heard.connected(session, peer);
                    throw new IllegalStateException("a broken observer");
                }

                @Override
                public void disconnected(int session, long trueChargeMicroampMicros) {
                    heard.disconnected(session, trueChargeMicroampMicros);
                }
            });
            for (int i = 0; i < 2; i++) {
                WireDriver driver = WireDriver.tcp(WireDriverConfig.loopback(emulator.port())
                        .withResponseTimeoutMicros(WireBench.RESPONSE_TIMEOUT_MICROS));
                driver.open();
                assertTrue(driver.selfTest().passed(), "session " + (i + 1) + " is served");
                driver.close();
                int ended = i + 1;
                assertTrue(WireBench.waitUntil(() -> heard.disconnects.size() == ended), "session " + ended + " end");
            }
            assertEquals(2, heard.connects.size());
            assertTrue(heard.connects.get(1).startsWith("2 "), heard.connects.toString());
            assertEquals(List.of(1L, 2L), heard.disconnects.stream().map(d -> d[0]).toList());
            assertEquals(List.of(0L, 0L), heard.disconnects.stream().map(d -> d[1]).toList());
            assertThrows(IllegalArgumentException.class, () -> emulator.listen(null));
        }
    }
}
