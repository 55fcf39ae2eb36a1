package org.galvani.kernel.runtime;

import static org.galvani.kernel.runtime.RuntimeFixtures.PERIOD_MICROS;
import static org.galvani.kernel.runtime.RuntimeFixtures.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.galvani.kernel.spi.DriverException;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Building a runtime opens every driver and runs its self-test; a driver that cannot be opened or fails
 * its self-test stops the build with its output disabled and a message naming channel, driver and failure.
 */
class DriverSelfTestTest {

    static Stream<Arguments> brokenDrivers() {
        return Stream.of(
                broken("self-test fails", d -> d.stage().selfTestPasses(false), "test stage: told to fail"),
                broken("self-test returns nothing", RecordingDriver::selfTestReturnsNull, "no result"),
                broken("self-test throws", d -> d.failSelfTestWith(new IllegalStateException("ADC not responding")),
                        "ADC not responding"),
                broken("open fails", d -> d.failOpenWith(new DriverException("no stage on /dev/ttyUSB3")),
                        "no stage on /dev/ttyUSB3"),
                broken("open throws", d -> d.failOpenWith(new IllegalStateException("USB stack crashed")),
                        "USB stack crashed"));
    }

    private static Arguments broken(String name, Consumer<RecordingDriver> breakIt, String failure) {
        return Arguments.of(name, breakIt, failure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDrivers")
    @Verifies("SRS-KRN-034")
    void aBrokenDriverStopsTheBuildWithItsOutputDisabled(String name, Consumer<RecordingDriver> breakIt,
                                                        String failure) {
        RecordingDriver driver = new RecordingDriver();
        breakIt.accept(driver);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS).channel("left-arm", profile(), driver).build());

        String message = refused.getMessage();
        assertTrue(message.contains("'left-arm'"), "names the channel: " + message);
        assertTrue(message.contains("'test'"), "names the driver: " + message);
        assertTrue(message.contains(failure), "names the failure: " + message);
        assertTrue(driver.count("safeDisable") + driver.count("close") > 0, "output disabled: " + driver.calls());
        assertFalse(driver.stage().outputEnabled());
        assertEquals(0, driver.count("sample") + driver.count("apply"), "the stage was never driven");
    }

    @Test
    @Verifies("SRS-KRN-034")
    void theSelfTestRunsAfterOpenAndBeforeAnyOutput() {
        RecordingDriver driver = new RecordingDriver();
        try (KernelRuntime runtime = KernelRuntime.builder().periodMicros(PERIOD_MICROS)
                .channel("left", profile(), driver).build()) {
            assertEquals(List.of("open", "selfTest"), driver.calls().stream().map(SpiCall::method).toList());
            runtime.advanceTo(PERIOD_MICROS);
        }
    }

    @Test
    @Verifies("SRS-KRN-034")
    void aFailingSecondChannelClosesTheFirstOneToo() {
        RecordingDriver first = new RecordingDriver();
        RecordingDriver second = new RecordingDriver();
        second.stage().selfTestPasses(false);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> KernelRuntime.builder()
                .periodMicros(PERIOD_MICROS)
                .channel("left", profile(), first)
                .channel("right", profile(), second)
                .build());

        assertTrue(refused.getMessage().contains("'right'"), refused.getMessage());
        assertTrue(first.stage().closed(), "the channel that passed is closed again: " + first.calls());
        assertTrue(second.stage().closed());
    }
}
