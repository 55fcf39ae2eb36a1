package org.galvani.drivers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class WireDriverProviderTest {

    private final DriverRegistry registry = DriverRegistry.load(getClass().getClassLoader());

    @Test
    @Verifies({"SRS-DRV-024", "SRS-DRV-029"})
    void theWireDriverIsFoundByNameAndDeclaresTheFaultsItRaises() {
        OutputStageDriver driver = registry.create(DriverSettings.of("test", "wire", Map.of("port", "7451")));
        assertEquals("wire", driver.capabilities().name());
        assertEquals(StatusFlags.LINK_FAULT | StatusFlags.DATA_FAULT | StatusFlags.FIRMWARE_WATCHDOG
                | StatusFlags.HARDWARE_FAULT | StatusFlags.SELF_TEST_FAILED, driver.capabilities().detectableFaults());
        assertEquals(25_000, driver.capabilities().maxCurrentMicroamps());
        driver.close();
        assertTrue(registry.provider("wire").settings().keySet().containsAll(WireDriverConfig.SETTINGS.keySet()));
    }

    @Test
    @Verifies("SRS-DRV-024")
    void settingsAreReadWithTheirDefaults() {
        WireDriverConfig config = WireDriverConfig.from(DriverSettings.of("galvani.yaml", "wire",
                Map.of("host", "localhost", "response-timeout-micros", "700", "missed-replies-for-link-fault", "5")));
        assertEquals("localhost", config.host());
        assertEquals(7450, config.port());
        assertEquals(700, config.responseTimeoutMicros());
        assertEquals(5, config.missedRepliesForLinkFault());
        assertEquals(500, config.reconnectIntervalMillis());
    }

    @Test
    @Verifies("SRS-DRV-024")
    void anUnknownOrInvalidSettingIsAnErrorNamingIt() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> registry.create(
                DriverSettings.of("galvani.yaml", "wire", Map.of("prot", "7450"))));
        assertTrue(typo.getMessage().contains("galvani.yaml: driver 'wire': setting 'prot' is not a setting"),
                typo.getMessage());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () -> registry.create(
                DriverSettings.of("galvani.yaml", "wire", Map.of("port", "abc"))));
        assertEquals("galvani.yaml: driver 'wire': setting 'port' must be an integer from 1 to 65535, was 'abc'",
                port.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, () -> registry.create(
                DriverSettings.of("galvani.yaml", "wire", Map.of("response-timeout-micros", "10"))));
        assertTrue(timeout.getMessage().contains("'response-timeout-micros' must be an integer from 50"),
                timeout.getMessage());
    }
}
