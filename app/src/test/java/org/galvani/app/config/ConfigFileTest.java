package org.galvani.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The device configuration: the driver by name, each driver's settings checked by its provider. */
class ConfigFileTest {

    private static final DriverRegistry DRIVERS = DriverRegistry.load(ConfigFileTest.class.getClassLoader());

    private static GalvaniConfig parse(String yaml) {
        return ConfigFile.parse("galvani.yaml", yaml, DRIVERS);
    }

    private static String refused(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    @Verifies("SRS-APP-011")
    void readsTheDriverAndEachDriversSettings() {
        GalvaniConfig config = parse("""
                driver: wire
                drivers:
                  wire: {host: 127.0.0.1, port: 7450, response-timeout-micros: 800}
                  sim:
                    seed: 7
                """);
        assertEquals("wire", config.driver());
        assertEquals(Map.of("host", "127.0.0.1", "port", "7450", "response-timeout-micros", "800"),
                config.settingsFor("wire").values());
        assertEquals(Map.of("seed", "7"), config.settingsFor("sim").values());
        assertEquals("galvani.yaml", config.settingsFor("wire").source());
        assertEquals(Map.of(), parse("driver: sim").settingsFor("wire").values(), "a driver not configured: defaults");
    }

    @Test
    @Verifies("SRS-APP-011")
    void withoutADriverKeyTheSimulatorIsChosen() {
        assertEquals("sim", parse("drivers:\n  sim: {seed: 3}\n").driver());
        assertEquals("sim", GalvaniConfig.defaults().driver());
        assertEquals("wire", GalvaniConfig.defaults().withDriver("wire").driver());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown driver                 | driver: wrie                                    | galvani.yaml:1:9: driver 'wrie' is not on the class path; available: sim, wire
            unknown top-level key          | driver: sim\\ndriverz: {}                        | galvani.yaml:2:1: unknown key 'driverz' in the configuration; known: [driver, drivers, ledger, opcua]
            settings of an unknown driver  | drivers:\\n  serial: {port: 1}                   | galvani.yaml:2:3: unknown key 'serial' in drivers; known: [sim, wire]
            unknown setting                | drivers:\\n  wire: {prot: 7450}                  | galvani.yaml:2:10: unknown key 'prot' in driver 'wire'; known:
            bad setting of the chosen one  | driver: wire\\ndrivers:\\n  wire: {port: 70000}  | galvani.yaml:3:16: driver 'wire': setting 'port' must be an integer from 1 to 65535, was 70000
            bad setting of another one     | driver: wire\\ndrivers:\\n  sim: {seed: x}       | galvani.yaml:3:15: driver 'sim': setting 'seed' must be an integer
            a list where a value belongs   | drivers:\\n  wire: {port: [1, 2]}                | galvani.yaml:2:16: driver 'wire' setting 'port' must be a value, was a list
            a tag that names a type        | driver: !!java.io.File /etc/passwd              | galvani.yaml:1:9: not valid YAML: Global tag is not allowed: tag:yaml.org,2002:java.io.File
            a local tag                    | driver: !wire x                                 | galvani.yaml:1:9: the tag !wire is not allowed in the configuration
            not YAML                       | driver: [sim                                    | galvani.yaml:1:13: not valid YAML
            not a mapping                  | - sim                                           | galvani.yaml:1:1: the configuration must be a mapping of keys to values, was a list
            """)
    @Verifies("SRS-APP-011")
    void aBadFileIsRefusedWithItsLineAndColumn(String name, String yaml, String expected) {
        String message = refused(yaml.replace("\\n", "\n"));
        assertTrue(message.startsWith(expected), name + ": " + message);
    }

    @Test
    @Verifies("SRS-APP-011")
    void theDocumentedExamplesAreValid() throws IOException {
        GalvaniConfig example = ConfigFile.load(Path.of("../docs/galvani.example.yaml"), DRIVERS);
        assertEquals("wire", example.driver());
        String page = Files.readString(Path.of("../docs/CONFIGURATION.md"));
        String block = page.substring(page.indexOf("```yaml\n") + 8, page.indexOf("```", page.indexOf("```yaml\n") + 8));
        assertEquals("7450", parse(block).settingsFor("wire").values().get("port"));
    }

    @Test
    @Verifies("SRS-APP-011")
    void anEmptyFileNamesWhatItNeeds() {
        assertEquals("galvani.yaml: the file is empty; it needs at least 'driver: NAME' (one of sim, wire)", refused(""));
    }

    @Test
    @Verifies("SRS-APP-011")
    void loadsFromAFileAndNamesAMissingOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("galvani.yaml");
        Files.writeString(file, "driver: wire\n");
        assertEquals("wire", ConfigFile.load(file, DRIVERS).driver());
        assertEquals(file.toString(), ConfigFile.load(file, DRIVERS).source());
        String missing = assertThrows(ConfigException.class, () -> ConfigFile.load(dir.resolve("nope.yaml"), DRIVERS))
                .getMessage();
        assertTrue(missing.startsWith(dir.resolve("nope.yaml") + ": cannot be read"), missing);
    }
}
