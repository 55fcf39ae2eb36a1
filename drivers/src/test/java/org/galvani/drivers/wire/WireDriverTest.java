package org.galvani.drivers.wire;

import static org.galvani.kernel.StatusFlags.DATA_FAULT;
import static org.galvani.kernel.StatusFlags.FIRMWARE_WATCHDOG;
import static org.galvani.kernel.StatusFlags.HARDWARE_FAULT;
import static org.galvani.kernel.StatusFlags.LINK_FAULT;
import static org.galvani.kernel.StatusFlags.OUTPUT_ENABLED;
import static org.galvani.kernel.StatusFlags.OUTPUT_SAFE;
import static org.galvani.kernel.StatusFlags.SELF_TEST_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.spi.DriverException;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** The wire driver against the device emulator over loopback, one behaviour or fault class per test. */
class WireDriverTest {

    @Test
    @Verifies({"SRS-DRV-025", "SRS-DRV-029"})
    @Verifies(value = "SRS-DRV-033", version = 2)
    void aReplyIsStampedWithTheTimeOfItsRequestAndShowsTheDrivenCurrent() throws Exception {
        try (WireBench bench = WireBench.start()) {
            Measurement first = bench.sample();
            assertEquals(bench.now, first.sampledAtMicros());
            assertEquals(OUTPUT_SAFE, first.statusFlags());
            bench.driver.apply(bench.now, 2_000, true, Polarity.ANODE);
            Measurement driven = bench.sample();
            assertEquals(bench.now, driven.sampledAtMicros());
            assertEquals(2_000, driven.currentMicroamps());
            assertEquals(OUTPUT_ENABLED, driven.statusFlags());
            assertEquals(6_300, driven.impedanceOhms(), "300 ohm series + 6 kohm skin");
            assertEquals(12_600, driven.electrodeMillivolts());
            assertEquals(2_000L * 1_000, bench.emulator.trueChargeMicroampMicros(), "one period at 2 mA");
        }
    }

    @Test
    @Verifies({"SRS-DRV-025", "SRS-DRV-028", "SRS-DRV-036"})
    void withoutAReplyTheOldReadingKeepsItsTimeAndAfterNMissesLinkFaultIsRaised() throws Exception {
        try (WireBench bench = WireBench.start(EmulatorConfig.loopback(), WireDriverConfig.loopback(1)
                .withResponseTimeoutMicros(20_000).withMissedRepliesForLinkFault(3))) {
            long fresh = bench.sample().sampledAtMicros();
            bench.emulator.faults().dropNextReplies(3);
            for (int miss = 1; miss <= 3; miss++) {
                Measurement stale = bench.sample();
                assertEquals(fresh, stale.sampledAtMicros(), "miss " + miss + " must not re-stamp");
                assertEquals(miss == 3, (stale.statusFlags() & LINK_FAULT) != 0, "miss " + miss + ": " + stale);
            }
            assertEquals(3, bench.driver.missedReplies());
            Measurement back = bench.sample();
            assertEquals(bench.now, back.sampledAtMicros());
            assertTrue((back.statusFlags() & DATA_FAULT) != 0, "dropped replies leave a sequence gap: " + back);
        }
    }

    @Test
    @Verifies({"SRS-DRV-025", "SRS-DRV-036"})
    void aLateReplyIsDiscardedAndCounted() throws Exception {
        try (WireBench bench = WireBench.start(EmulatorConfig.loopback(), WireDriverConfig.loopback(1)
                .withResponseTimeoutMicros(30_000))) {
            bench.sample();
            bench.emulator.faults().delayNextReplies(1, 200_000);
            long before = bench.reading.sampledAtMicros();
            assertEquals(before, bench.sample().sampledAtMicros(), "no reply within the timeout");
            // The requests sent while the device was stalled are all answered late, each discarded.
            assertTrue(bench.sampleUntil(() -> bench.driver.lateReplies() >= 1));
            assertTrue(bench.sampleUntil(() -> bench.reading.sampledAtMicros() == bench.now),
                    "fresh replies are used again");
            assertEquals(0, bench.reading.statusFlags() & DATA_FAULT, "late is not corrupt");
        }
    }

    @Test
    @Verifies({"SRS-DRV-027", "SRS-DRV-036"})
    void aCrcErrorIsADataFault() throws Exception {
        try (WireBench bench = WireBench.start()) {
            bench.sample();
            long fresh = bench.reading.sampledAtMicros();
            bench.emulator.faults().corruptNextReplies(1);
            Measurement corrupt = bench.sample();
            assertTrue((corrupt.statusFlags() & DATA_FAULT) != 0, corrupt.toString());
            assertEquals(fresh, corrupt.sampledAtMicros(), "a corrupt reply is no reading");
            assertEquals(1, bench.driver.corruptFrames());
            Measurement gap = bench.sample();
            assertTrue((gap.statusFlags() & DATA_FAULT) != 0, "the lost frame's number is missing: " + gap);
            assertEquals(0, bench.sample().statusFlags() & DATA_FAULT, "then clean again");
        }
    }

    @Test
    @Verifies({"SRS-DRV-027", "SRS-DRV-036"})
    void aSequenceGapIsADataFaultButTheReadingIsUsed() throws Exception {
        try (WireBench bench = WireBench.start()) {
            bench.sample();
            bench.emulator.faults().skipNextSequenceNumber();
            Measurement gap = bench.sample();
            assertEquals(bench.now, gap.sampledAtMicros());
            assertTrue((gap.statusFlags() & DATA_FAULT) != 0, gap.toString());
            assertEquals(1, bench.driver.sequenceErrors());
        }
    }

    @Test
    @Verifies({"SRS-DRV-027", "SRS-DRV-036"})
    void aDuplicatedFrameIsADataFault() throws Exception {
        try (WireBench bench = WireBench.start()) {
            bench.sample();
            bench.emulator.faults().duplicateNextReply();
            // The duplicate follows its original on the wire: it is decoded in the same sample when both
            // arrive in one read, otherwise in the next; either way it is reported, and never hidden.
            int flags = bench.sample().statusFlags();
            Measurement next = bench.sample();
            assertTrue(((flags | next.statusFlags()) & DATA_FAULT) != 0, next.toString());
            assertEquals(bench.now, next.sampledAtMicros());
        }
    }

    @Test
    @Verifies({"SRS-DRV-028", "SRS-DRV-036"})
    void aDisconnectIsALinkFaultAtOnce() throws Exception {
        try (WireBench bench = WireBench.start(EmulatorConfig.loopback(), WireDriverConfig.loopback(1)
                .withResponseTimeoutMicros(WireBench.RESPONSE_TIMEOUT_MICROS).withReconnectIntervalMillis(0))) {
            bench.sample();
            bench.emulator.faults().disconnect();
            assertTrue(bench.sampleUntil(() -> (bench.reading.statusFlags() & LINK_FAULT) != 0));
            assertFalse(bench.driver.connected());
            assertTrue((bench.sample().statusFlags() & LINK_FAULT) != 0, "every reading while disconnected");
        }
    }

    @Test
    @Verifies({"SRS-DRV-029", "SRS-DRV-036"})
    void aDeviceHardwareFaultIsReportedAndDisablesTheOutput() throws Exception {
        try (WireBench bench = WireBench.start()) {
            bench.sample();
            bench.driver.apply(bench.now, 1_000, true, Polarity.CATHODE);
            bench.emulator.faults().hardwareFault(true);
            Measurement faulted = bench.sample();
            assertTrue((faulted.statusFlags() & HARDWARE_FAULT) != 0, faulted.toString());
            assertTrue((faulted.statusFlags() & OUTPUT_SAFE) != 0, faulted.toString());
            assertFalse(bench.emulator.outputEnabled());
        }
    }

    @Test
    @Verifies({"SRS-DRV-031", "SRS-DRV-036"})
    void selfTestPassesOnAHealthyDeviceAndFailsOnAFailingOne() throws Exception {
        try (WireBench bench = WireBench.start()) {
            assertTrue(bench.driver.selfTest().passed());
            assertEquals(0, bench.sample().statusFlags() & SELF_TEST_FAILED);
            bench.emulator.faults().failSelfTest(true);
            SelfTestResult failed = bench.driver.selfTest();
            assertFalse(failed.passed());
            assertTrue(failed.detail().contains("code 1"), failed.detail());
            assertTrue((bench.sample().statusFlags() & SELF_TEST_FAILED) != 0);
        }
    }

    @Test
    @Verifies({"SRS-DRV-031", "SRS-DRV-036"})
    void selfTestFailsWhenTheResultDoesNotComeInTime() throws Exception {
        try (WireBench bench = WireBench.start(EmulatorConfig.loopback(), WireDriverConfig.loopback(1)
                .withResponseTimeoutMicros(20_000))) {
            bench.emulator.faults().dropNextReplies(1);
            SelfTestResult result = bench.driver.selfTest();
            assertFalse(result.passed());
            assertTrue(result.detail().contains("no SELF_TEST_RESULT"), result.detail());
        }
    }

    @Test
    @Verifies({"SRS-DRV-034", "SRS-DRV-029"})
    void theFirmwareWatchdogDisablesAnEnabledOutputWhenTheHostFallsSilent() throws Exception {
        try (WireBench bench = WireBench.start(EmulatorConfig.loopback(), WireDriverConfig.loopback(1)
                .withResponseTimeoutMicros(WireBench.RESPONSE_TIMEOUT_MICROS))) {
            assertEquals(50, bench.emulator.config().watchdogMillis());
            bench.sample();
            bench.driver.apply(bench.now, 1_500, true, Polarity.ANODE);
            assertTrue(WireBench.waitUntil(bench.emulator::outputEnabled));
            // The host says nothing more; the device must act on its own.
            assertTrue(WireBench.waitUntil(bench.emulator::watchdogLatched), "no watchdog trip");
            assertFalse(bench.emulator.outputEnabled());
            assertEquals(0, bench.emulator.flowingMicroamps());
            Measurement after = bench.sample();
            assertTrue((after.statusFlags() & FIRMWARE_WATCHDOG) != 0, after.toString());
            assertTrue((after.statusFlags() & OUTPUT_SAFE) != 0, after.toString());

            bench.driver.apply(bench.now, 1_500, true, Polarity.ANODE);
            assertTrue(bench.emulator.lastCommand().enabled());
            assertFalse(bench.emulator.outputEnabled(), "latched: a SETPOINT alone does not re-enable");

            bench.driver.requestRearm();
            bench.sample();
            assertEquals(0, bench.driver.rearms(), "refused while the output is commanded enabled");
            bench.driver.apply(bench.now, 0, false, Polarity.ANODE);
            bench.driver.requestRearm();
            Measurement rearmed = bench.sample();
            assertEquals(1, bench.driver.rearms());
            assertEquals(OUTPUT_SAFE, rearmed.statusFlags(), rearmed.toString());
        }
    }

    @Test
    @Verifies("SRS-DRV-030")
    void safeDisableFromAnotherThreadDisablesAndHoldsUntilTheKernelCommandsDisabled() throws Exception {
        try (WireBench bench = WireBench.start()) {
            bench.sample();
            bench.driver.apply(bench.now, 2_000, true, Polarity.CATHODE);
            assertTrue(WireBench.waitUntil(bench.emulator::outputEnabled));
            Thread other = new Thread(bench.driver::safeDisable, "test-safe-disable");
            other.start();
            other.join(5_000);
            assertTrue(WireBench.waitUntil(() -> !bench.emulator.outputEnabled()), "output still enabled");

            bench.sample();
            bench.driver.apply(bench.now, 2_000, true, Polarity.CATHODE);
            assertTrue(WireBench.waitUntil(() -> bench.emulator.lastCommand().hostMicros() == bench.now));
            assertFalse(bench.emulator.lastCommand().enabled(), "held disabled: the kernel has not commanded off");

            bench.sample();
            bench.driver.apply(bench.now, 0, false, Polarity.CATHODE);
            bench.sample();
            bench.driver.apply(bench.now, 2_000, true, Polarity.CATHODE);
            assertTrue(WireBench.waitUntil(bench.emulator::outputEnabled), "released after a disabled command");
        }
    }

    @Test
    @Verifies({"SRS-DRV-032", "SRS-DRV-034"})
    void aReconnectionNeverReEnablesTheOutput() throws Exception {
        try (WireBench bench = WireBench.start()) {
            bench.sample();
            bench.driver.apply(bench.now, 3_000, true, Polarity.ANODE);
            assertTrue(WireBench.waitUntil(bench.emulator::outputEnabled));
            bench.emulator.faults().disconnect();
            assertTrue(bench.sampleUntil(() -> bench.driver.reconnects() == 1 && bench.driver.connected()),
                    "no reconnection");
            assertTrue(bench.emulator.watchdogLatched(), "a disconnect with the output enabled trips the watchdog");

            // A host that keeps asking for current: the driver holds it off, and so does the device.
            bench.driver.apply(bench.now, 3_000, true, Polarity.ANODE);
            assertTrue(WireBench.waitUntil(() -> bench.emulator.lastCommand().hostMicros() == bench.now));
            assertFalse(bench.emulator.lastCommand().enabled());
            bench.sample();
            bench.driver.apply(bench.now, 0, false, Polarity.ANODE);
            bench.sample();
            bench.driver.apply(bench.now, 3_000, true, Polarity.ANODE);
            Measurement reading = bench.sample();
            assertTrue(bench.emulator.lastCommand().enabled());
            assertFalse(bench.emulator.outputEnabled(), "the device stays off until CLEAR_FAULT");
            assertTrue((reading.statusFlags() & FIRMWARE_WATCHDOG) != 0, reading.toString());
            assertEquals(0, bench.driver.rearms(), "no CLEAR_FAULT was sent on reconnection");
        }
    }

    @Test
    @Verifies("SRS-DRV-026")
    void everyApplySendsExactlyOneSetpointAndAFailedWriteIsNotRetried() throws Exception {
        try (WireBench bench = WireBench.start(EmulatorConfig.loopback(), WireDriverConfig.loopback(1)
                .withResponseTimeoutMicros(WireBench.RESPONSE_TIMEOUT_MICROS).withReconnectIntervalMillis(0))) {
            bench.sample();
            for (int i = 0; i < 5; i++) {
                bench.driver.apply(bench.now, 100 * i, true, Polarity.ANODE);
                bench.sample();
            }
            assertEquals(4, bench.emulator.lastCommand().sequence(), "five SETPOINTs, numbered 0..4");
            bench.emulator.faults().disconnect();
            assertTrue(bench.sampleUntil(() -> !bench.driver.connected()));
            bench.driver.apply(bench.now, 900, true, Polarity.ANODE);
            assertTrue((bench.sample().statusFlags() & LINK_FAULT) != 0);
            assertEquals(4, bench.emulator.lastCommand().sequence(), "nothing sent, nothing retried");
        }
    }

    @Test
    @Verifies("SRS-DRV-028")
    void openFailsWithTheAddressWhenNoDeviceListens() throws IOException {
        int port;
        try (DeviceEmulator gone = DeviceEmulator.start(EmulatorConfig.loopback())) {
            port = gone.port();
        }
        WireDriver driver = WireDriver.tcp(WireDriverConfig.loopback(port));
        DriverException e = assertThrows(DriverException.class, driver::open);
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        driver.close();
    }
}
