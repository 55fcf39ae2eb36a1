package org.galvani.drivers.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimDriverProviderTest {

    @Test
    @Verifies({"SRS-DRV-014", "SRS-KRN-035"})
    void theSimProviderIsFoundThroughServiceLoader() {
        DriverRegistry registry = DriverRegistry.load(SimDriverProviderTest.class.getClassLoader());
        assertInstanceOf(SimDriverProvider.class, registry.provider("sim"));
        OutputStageDriver driver = registry.create(DriverSettings.defaults("sim"));
        assertInstanceOf(SimulatedOutputStage.class, driver);
        assertEquals("sim", driver.capabilities().name());
    }

    @Test
    @Verifies("SRS-DRV-014")
    void noSettingsGiveThePatchDefaults() {
        SimulatorConfig config = new SimDriverProvider().config(DriverSettings.defaults("sim"));
        assertEquals(SimulatorConfig.patchDefaults(), config);
    }

    @Test
    @Verifies("SRS-DRV-014")
    void everySettingIsReadAndDocumented() {
        Map<String, String> values = Map.of("seed", "99", "noise-microamps", "3", "series-ohms", "200",
                "initial-skin-ohms", "1_800", "final-skin-ohms", "900", "skin-fall-seconds", "300",
                "skin-capacitance-nanofarads", "100", "compliance-millivolts", "60000", "max-current-microamps", "20000",
                "resolution-microamps", "2");
        SimDriverProvider provider = new SimDriverProvider();
        SimulatorConfig config = provider.config(DriverSettings.of("test", "sim", values));
        assertEquals(new SimulatorConfig(20_000, 60_000, 2, 100, 200, 1_800, 900, 300_000_000L, 100, 3, 99L,
                ContactScript.alwaysAttached(), FaultScript.none()), config);
        assertEquals(values.keySet(), provider.settings().keySet());
        provider.settings().values().forEach(help -> assertTrue(help.contains("default"), help));
    }

    @ParameterizedTest
    @Verifies("SRS-DRV-014")
    @CsvSource(delimiter = '|', value = {
        "noise|3|setting 'noise' is not a setting of this driver",
        "noise-microamps|-1|setting 'noise-microamps' must be an integer from 0 to 10000, was -1",
        "series-ohms|abc|setting 'series-ohms' must be an integer from 0 to 1000000, was 'abc'",
        "final-skin-ohms|7000|setting 'final-skin-ohms' must not exceed initial-skin-ohms (6000), was 7000",
        "compliance-millivolts|0|setting 'compliance-millivolts' must be an integer from 1000 to 300000, was 0",
        "skin-fall-seconds|0|setting 'skin-fall-seconds' must be an integer from 1 to 86400, was 0",
    })
    void badSettingsAreRefusedInTheCommonForm(String key, String value, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SimDriverProvider().create(DriverSettings.of("scenario.yaml", "sim", Map.of(key, value))));
        assertTrue(e.getMessage().startsWith("scenario.yaml: driver 'sim': " + problem), e.getMessage());
    }
}
