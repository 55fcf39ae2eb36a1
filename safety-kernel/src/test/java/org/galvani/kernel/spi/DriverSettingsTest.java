package org.galvani.kernel.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** Driver settings: typed readers whose errors name the source, the driver, the setting, the value and the rule. */
class DriverSettingsTest {

    private static DriverSettings settings(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return DriverSettings.of("galvani.yaml", "wire", values);
    }

    @Test
    @Verifies("SRS-KRN-035")
    void readsTypedValuesAndFallsBackToDefaults() {
        DriverSettings s = settings("port", "7450", "host", " 127.0.0.1 ", "strict", "TRUE", "clock", "Device",
                "timeout", "1_000");
        assertEquals(7450, s.integer("port", 1, 1, 65_535));
        assertEquals(1_000, s.integer("timeout", 5, 1, 10_000));
        assertEquals("127.0.0.1", s.text("host", "localhost"));
        assertTrue(s.flag("strict", false));
        assertEquals("device", s.choice("clock", "host", Set.of("host", "device")));
        assertEquals(42, s.integer("missing", 42, 0, 100));
        assertEquals("x", s.text("missing", "x"));
        assertFalse(s.flag("missing", false));
        assertEquals("host", s.choice("missing", "host", Set.of("host", "device")));
    }

    @Test
    @Verifies("SRS-KRN-035")
    void aBadValueIsRefusedWithSourceDriverSettingValueAndRule() {
        assertEquals("galvani.yaml: driver 'wire': setting 'port' must be an integer from 1 to 65535, was 'abc'",
                assertThrows(IllegalArgumentException.class,
                        () -> settings("port", "abc").integer("port", 1, 1, 65_535)).getMessage());
        assertEquals("galvani.yaml: driver 'wire': setting 'port' must be an integer from 1 to 65535, was 70000",
                assertThrows(IllegalArgumentException.class,
                        () -> settings("port", "70000").integer("port", 1, 1, 65_535)).getMessage());
        assertEquals("galvani.yaml: driver 'wire': setting 'strict' must be true or false, was 'yes'",
                assertThrows(IllegalArgumentException.class, () -> settings("strict", "yes").flag("strict", false))
                        .getMessage());
        assertEquals("galvani.yaml: driver 'wire': setting 'clock' must be one of [device, host], was 'wall'",
                assertThrows(IllegalArgumentException.class,
                        () -> settings("clock", "wall").choice("clock", "host", Set.of("host", "device"))).getMessage());
        assertEquals("galvani.yaml: driver 'wire': setting 'host' must not be blank",
                assertThrows(IllegalArgumentException.class, () -> settings("host", "  ").text("host", "x")).getMessage());
        // Control characters are trimmed like spaces: what is left is checked (found by fuzzing).
        assertEquals("galvani.yaml: driver 'wire': setting 'host' must not be blank",
                assertThrows(IllegalArgumentException.class, () -> settings("host", "\u0007").text("host", "x"))
                        .getMessage());
        assertEquals("device", settings("host", "\u0007device ").text("host", "x"));
    }

    @Test
    @Verifies("SRS-KRN-035")
    void anUnknownSettingIsRefusedRatherThanIgnored() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> settings("prot", "7450").requireKnown(Set.of("port", "host")));
        assertEquals("galvani.yaml: driver 'wire': setting 'prot' is not a setting of this driver; known settings:"
                + " [host, port]", refused.getMessage());
        settings("port", "1").requireKnown(Set.of("port", "host"));
    }

    @Test
    @Verifies("SRS-KRN-035")
    void aSettingWithoutAValueIsRefused() {
        Map<String, String> values = new HashMap<>();
        values.put("port", null);
        assertEquals("cli: driver 'wire': setting 'port' has no value",
                assertThrows(IllegalArgumentException.class, () -> DriverSettings.of("cli", "wire", values)).getMessage());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void settingsAreACopy() {
        Map<String, String> values = new HashMap<>(Map.of("port", "1"));
        DriverSettings s = DriverSettings.of("cli", "wire", values);
        values.put("port", "2");
        assertEquals("1", s.values().get("port"));
        assertThrows(UnsupportedOperationException.class, () -> s.values().put("x", "y"));
    }
}
