package org.galvani.kernel.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.galvani.kernel.testing.TestStage;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drivers are found by name through ServiceLoader; names are unique and well formed. */
class DriverRegistryTest {

    /** Registered by {@link #findsProvidersThroughTheServiceLoader} in a class loader of its own. */
    public static class TestStageProvider implements DriverProvider {
        @Override
        public String name() {
            return "test-stage";
        }

        @Override
        public String description() {
            return "the kernel's test stage";
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("load-ohms", "the load's resistance (default 3000)");
        }

        @Override
        public OutputStageDriver create(DriverSettings settings) {
            settings.requireKnown(settings().keySet());
            return new TestStage().loadOhms((int) settings.integer("load-ohms", 3_000, 1, 1_000_000));
        }
    }

    private static DriverProvider named(String name) {
        return new TestStageProvider() {
            @Override
            public String name() {
                return name;
            }
        };
    }

    @Test
    @Verifies("SRS-KRN-035")
    void findsProvidersThroughTheServiceLoader(@TempDir Path classes) throws IOException {
        // Not a services file in test resources: the test-jar would carry it to every module downstream.
        Path services = classes.resolve("META-INF/services/" + DriverProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# a comment, as in a vendor's file\n" + TestStageProvider.class.getName() + "\n");
        DriverRegistry registry;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            registry = DriverRegistry.load(loader);
        }
        assertEquals(List.of("test-stage"), List.copyOf(registry.providers().keySet()));
        OutputStageDriver driver = registry.create(DriverSettings.of("test", "test-stage", Map.of("load-ohms", "500")));
        assertTrue(driver instanceof TestStage, driver.getClass().getName());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void anUnknownNameIsRefusedWithTheAvailableDrivers() {
        DriverRegistry registry = DriverRegistry.of(named("sim"), named("wire"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> registry.provider("wrie"));
        assertEquals("no driver named 'wrie'; available: sim, wire", refused.getMessage());
        assertEquals("no driver named 'sim'; available: none (no driver jar on the class path)",
                assertThrows(IllegalArgumentException.class, () -> DriverRegistry.of().provider("sim")).getMessage());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void twoProvidersWithOneNameAreAnError() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DriverRegistry.of(named("sim"), named("sim")));
        assertTrue(refused.getMessage().startsWith("two driver providers are named 'sim'"), refused.getMessage());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void aMalformedNameIsAnError() {
        for (String bad : new String[] {"Sim", "", "9wire", "wire driver"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DriverRegistry.of(named(bad)));
            assertTrue(refused.getMessage().contains("malformed name '" + bad + "'"), refused.getMessage());
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DriverRegistry.of(named(null)));
        assertTrue(refused.getMessage().contains("malformed name 'null'"), refused.getMessage());
    }

    @Test
    @Verifies("SRS-KRN-035")
    void theProviderValidatesItsSettings() {
        DriverProvider provider = DriverRegistry.of(new TestStageProvider()).provider("test-stage");
        assertSame(TestStageProvider.class, provider.getClass());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> provider.create(DriverSettings.of("galvani.yaml", "test-stage", Map.of("load", "1"))));
        assertTrue(refused.getMessage().contains("setting 'load' is not a setting of this driver"), refused.getMessage());
    }
}
