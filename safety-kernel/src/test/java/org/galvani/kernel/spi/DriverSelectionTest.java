package org.galvani.kernel.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/** Choosing a driver by name and reading its settings: the registry's and the typed readers' errors. */
class DriverSelectionTest {

    /** A provider that only has a name: creating a driver is not what these tests are about. */
    private record Named(String name) implements DriverProvider {
        @Override
        public String description() {
            return "test provider " + name;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public OutputStageDriver create(DriverSettings settings) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Test
    @Verifies("SRS-KRN-035")
    void findsAProviderByNameAndNamesTheAvailableOnesForAnUnknownName() {
        Named a = new Named("alpha");
        DriverRegistry registry = DriverRegistry.of(a, new Named("beta-2"));
        assertSame(a, registry.provider("alpha"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.provider("gamma"));
        assertEquals("no driver named 'gamma'; available: alpha, beta-2", e.getMessage());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void twoProvidersWithOneNameOrAMalformedNameAreErrors() {
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> DriverRegistry.of(new Named("alpha"), new Named("alpha")));
        assertTrue(twice.getMessage().contains("two driver providers are named 'alpha'"), twice.getMessage());
        IllegalStateException malformed = assertThrows(IllegalStateException.class,
                () -> DriverRegistry.of(new Named("Alpha")));
        assertTrue(malformed.getMessage().contains("malformed name 'Alpha'"), malformed.getMessage());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void anEmptyClassPathHasNoProviders() {
        DriverRegistry registry = DriverRegistry.load(new ClassLoader(null) { });
        assertTrue(registry.providers().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.provider("sim"));
        assertTrue(e.getMessage().contains("none (no driver jar on the class path)"), e.getMessage());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void typedReadersNameTheSourceDriverSettingValueAndWhatIsAllowed() {
        DriverSettings settings = DriverSettings.of("galvani.yaml", "wire",
                Map.of("port", "abc", "baud", "9", "crc", "maybe", "mode", "fast", "prot", "1"));
        assertEquals("galvani.yaml: driver 'wire': setting 'port' must be an integer from 1 to 65535, was 'abc'",
                assertThrows(IllegalArgumentException.class, () -> settings.integer("port", 1, 1, 65_535)).getMessage());
        assertEquals("galvani.yaml: driver 'wire': setting 'baud' must be an integer from 300 to 115200, was 9",
                assertThrows(IllegalArgumentException.class, () -> settings.integer("baud", 300, 300, 115_200)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.flag("crc", true)).getMessage()
                .endsWith("setting 'crc' must be true or false, was 'maybe'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.choice("mode", "slow", Set.of("slow")))
                .getMessage().endsWith("setting 'mode' must be one of [slow], was 'fast'"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> settings.requireKnown(Set.of("port", "baud", "crc", "mode", "port-2")));
        assertTrue(unknown.getMessage().contains("setting 'prot' is not a setting of this driver"), unknown.getMessage());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void absentSettingsFallBackAndGivenOnesAreRead() {
        DriverSettings settings = DriverSettings.of("test", "sim", Map.of("seed", " 1_000 ", "on", "TRUE"));
        assertEquals(1_000, settings.integer("seed", 0, 0, Long.MAX_VALUE));
        assertTrue(settings.flag("on", false));
        assertEquals(7, settings.integer("other", 7, 0, 10));
        assertFalse(DriverSettings.defaults("sim").flag("on", false));
        assertThrows(IllegalArgumentException.class, () -> DriverSettings.of("test", "sim", java.util.Collections
                .singletonMap("seed", null)));
    }
}
