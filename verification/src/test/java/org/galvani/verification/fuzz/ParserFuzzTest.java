package org.galvani.verification.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.galvani.app.config.ConfigException;
import org.galvani.app.config.ConfigFile;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.scenario.Scenario;
import org.galvani.app.scenario.ScenarioException;
import org.galvani.app.scenario.ScenarioParser;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.drivers.sim.SimDriverProvider;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.wire.WireDriverConfig;
import org.galvani.drivers.wire.WireDriverProvider;
import org.galvani.hazard.HazardRegister;
import org.galvani.hazard.InputFormatException;
import org.galvani.hazard.RegisterReader;
import org.galvani.hazard.RequirementLink;
import org.galvani.hazard.RequirementsReader;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Implements;
import org.galvani.trace.Verifies;

/**
 * Every parser of untrusted text: scenario files, the device configuration, the hazard register and
 * requirements files, and the drivers' settings. Each either returns a usable result or fails with its documented exception, whose
 * message names the source (the file, or where the settings came from); nothing else may escape. The
 * wire protocol's frames are fuzzed in the drivers module ({@code WireFuzzTest}).
 *
 * <p>A plain build runs the seed inputs in {@code src/test/resources/org/galvani/verification/fuzz/
 * ParserFuzzTestInputs/<method>/}; {@code verification/fuzz.sh} fuzzes each target for a set time.
 */
@Implements("SRS-VER-006")
class ParserFuzzTest {

    private static final String SOURCE = "fuzzed.yaml";
    private static final ScenarioParser SCENARIOS = new ScenarioParser(new SimDriverProvider());
    private static final DriverRegistry DRIVERS = DriverRegistry.of(new SimDriverProvider(), new WireDriverProvider());

    /** A scenario file: a scenario whose parts are usable, or a ScenarioException naming the file. */
    @FuzzTest
    @Verifies(value = "SRS-VER-006", version = 1)
    void scenarioFiles(@NotNull String text) {
        Scenario scenario;
        try {
            scenario = SCENARIOS.parse(SOURCE, text);
        } catch (ScenarioException e) {
            assertNamesTheSource(e.getMessage(), SOURCE);
            return;
        }
        assertNotNull(scenario);
        assertEquals(SOURCE, scenario.source());
        // What the parser accepted must be usable as it stands: the simulator's settings make a driver and the
        // faults a script.
        SimulatedOutputStage stage = new SimDriverProvider().create(DriverSettings.of(SOURCE, "sim",
                scenario.simulator()));
        assertNotNull(stage.config().withFaults(FaultScript.none().and(scenario.faults())));
    }

    /**
     * A device configuration file: a configuration whose chosen driver is on the class path and whose every
     * driver's settings make a driver, or a ConfigException naming the file.
     */
    @FuzzTest
    @Verifies(value = "SRS-VER-006", version = 1)
    void configurationFiles(@NotNull String text) {
        GalvaniConfig config;
        try {
            config = ConfigFile.parse(SOURCE, text, DRIVERS);
        } catch (ConfigException e) {
            assertNamesTheSource(e.getMessage(), SOURCE);
            return;
        }
        assertNotNull(DRIVERS.provider(config.driver()));
        for (String driver : config.driverSettings().keySet()) {
            DRIVERS.create(config.settingsFor(driver)).close();
        }
    }

    /** A hazard register: a register, or an InputFormatException whose location names the file. */
    @FuzzTest
    @Verifies(value = "SRS-VER-006", version = 1)
    void hazardRegisters(@NotNull String text) {
        try {
            HazardRegister register = RegisterReader.parse(SOURCE, text);
            assertNotNull(register);
            assertEquals(SOURCE, register.file());
        } catch (InputFormatException e) {
            assertEquals(SOURCE, e.location().file());
            assertNamesTheSource(e.getMessage(), SOURCE);
        }
    }

    /** A requirements file: the links, or an InputFormatException whose location names the file. */
    @FuzzTest
    @Verifies(value = "SRS-VER-006", version = 1)
    void requirementsFiles(@NotNull String text) {
        try {
            List<RequirementLink> links = RequirementsReader.parse(SOURCE, text);
            for (RequirementLink link : links) {
                assertTrue(link.version() > 0 && List.of("A", "B", "C").contains(link.safetyClass()), link.toString());
            }
        } catch (InputFormatException e) {
            assertEquals(SOURCE, e.location().file());
            assertNamesTheSource(e.getMessage(), SOURCE);
        }
    }

    /**
     * Driver settings as text (a configuration file, a command line) into each provider's create(): a
     * driver, or an IllegalArgumentException naming where the settings came from. Creating a driver opens
     * nothing (the wire driver connects in open()).
     */
    @FuzzTest
    @Verifies(value = "SRS-VER-006", version = 1)
    void driverSettings(FuzzedDataProvider data) {
        boolean wire = data.consumeBoolean();
        DriverProvider provider = wire ? new WireDriverProvider() : new SimDriverProvider();
        List<String> known = List.copyOf(provider.settings().keySet());
        Map<String, String> values = new LinkedHashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            String key = data.consumeBoolean() ? data.pickValue(known) : data.consumeString(20);
            values.put(key, data.consumeBoolean() ? data.consumeString(24) : Long.toString(data.consumeLong()));
        }
        String source = "settings.conf";
        OutputStageDriver driver;
        try {
            DriverSettings settings = DriverSettings.of(source, provider.name(), values);
            if (wire) {
                assertNotNull(WireDriverConfig.from(settings));
            }
            driver = provider.create(settings);
        } catch (IllegalArgumentException e) {
            assertNamesTheSource(e.getMessage(), source);
            return;
        }
        assertNotNull(driver);
        assertEquals(provider.name(), driver.capabilities().name());
        driver.close();
    }

    private static void assertNamesTheSource(String message, String source) {
        assertTrue(message != null && message.startsWith(source), "the message does not begin with " + source + ": "
                + message);
    }
}
