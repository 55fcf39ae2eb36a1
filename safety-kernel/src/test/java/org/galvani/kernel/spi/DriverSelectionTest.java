package org.galvani.kernel.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drivers are found by name through ServiceLoader, and their settings are read with clear errors. */
@Verifies("SRS-KRN-035")
class DriverSelectionTest {

    @TempDir
    Path services;

    @Test
    void aProviderListedInMetaInfServicesIsFoundByName() throws Exception {
        Path file = services.resolve("META-INF/services/" + DriverProvider.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, Bench.class.getName() + "\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader())) {
            DriverRegistry registry = DriverRegistry.load(loader);
            assertEquals(List.of("bench"), List.copyOf(registry.providers().keySet()));
            assertEquals("bench", registry.create(DriverSettings.defaults("bench")).capabilities().name());
        }
    }

    @Test
    void anUnknownNameIsRefusedWithTheAvailableDrivers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverRegistry.of(new Bench()).provider("wire"));
        assertEquals("no driver named 'wire'; available: bench", e.getMessage());
    }

    @Test
    void twoProvidersWithOneNameOrAMalformedNameAreAnError() {
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> DriverRegistry.of(new Bench(), new Bench()));
        assertTrue(twice.getMessage().startsWith("two driver providers are named 'bench'"), twice.getMessage());
        IllegalStateException malformed = assertThrows(IllegalStateException.class,
                () -> DriverRegistry.of(new Bench("Bench 2")));
        assertTrue(malformed.getMessage().contains("malformed name 'Bench 2'"), malformed.getMessage());
    }

    @Test
    void settingsErrorsNameTheSourceTheDriverTheSettingTheValueAndWhatIsAllowed() {
        DriverSettings settings = DriverSettings.of("galvani.yaml", "wire",
                Map.of("port", "abc", "crc", "maybe", "mode", "fast", "prot", "1"));
        assertEquals("galvani.yaml: driver 'wire': setting 'port' must be an integer from 1 to 65535, was 'abc'",
                assertThrows(IllegalArgumentException.class, () -> settings.integer("port", 1, 1, 65_535)).getMessage());
        assertEquals("galvani.yaml: driver 'wire': setting 'crc' must be true or false, was 'maybe'",
                assertThrows(IllegalArgumentException.class, () -> settings.flag("crc", true)).getMessage());
        assertEquals("galvani.yaml: driver 'wire': setting 'mode' must be one of [safe, slow], was 'fast'",
                assertThrows(IllegalArgumentException.class,
                        () -> settings.choice("mode", "slow", Set.of("slow", "safe"))).getMessage());
        assertEquals("galvani.yaml: driver 'wire': setting 'prot' is not a setting of this driver; known settings:"
                        + " [crc, mode, port]",
                assertThrows(IllegalArgumentException.class,
                        () -> settings.requireKnown(Set.of("port", "crc", "mode"))).getMessage());
        assertEquals(7, DriverSettings.of("cli", "wire", Map.of("port", " 7 ")).integer("port", 1, 1, 9));
        assertEquals(3, settings.integer("absent", 3, 1, 9));
    }

    /** A provider of a driver that does nothing; public with a no-argument constructor for ServiceLoader. */
    public static final class Bench implements DriverProvider {
        private final String name;

        public Bench() {
            this("bench");
        }

        Bench(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "a test bench that drives nothing";
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public OutputStageDriver create(DriverSettings settings) {
            settings.requireKnown(settings().keySet());
            return new Idle(name);
        }
    }

    private record Idle(String name) implements OutputStageDriver {
        @Override
        public DriverCapabilities capabilities() {
            return new DriverCapabilities(name, 1, 1_000, 10_000, 1, 1_000);
        }

        @Override
        public void open() {
        }

        @Override
        public void sample(long nowMicros, Measurement into) {
            into.set(nowMicros, 0, 0, Measurement.IMPEDANCE_UNKNOWN, 1);
        }

        @Override
        public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
        }

        @Override
        public void safeDisable() {
        }

        @Override
        public SelfTestResult selfTest() {
            return SelfTestResult.passed("nothing to check");
        }

        @Override
        public void close() {
        }
    }
}
