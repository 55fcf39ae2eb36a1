package org.galvani.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.galvani.drivers.sim.Fault;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.drivers.sim.SimDriverProvider;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioParserTest {

    private final ScenarioParser parser = new ScenarioParser(new SimDriverProvider());

    @Test
    @Verifies("SRS-APP-004")
    void readsEverySectionInClinicalUnits() {
        Scenario s = parser.parse("s.yaml", """
                description: all of it
                profile: drug-delivery-patch
                treatment-id: T-1
                prescription:
                  drug: lidocaine-hcl
                  active-electrode: anode
                  current-ma: 2.5
                  area-cm2: 8
                  dose-mamin: 30
                  ramp-s: 20
                simulator:
                  seed: 9
                  noise-microamps: 3
                operator:
                  resume-after-s: 2.5
                  acknowledge-faults: true
                faults:
                  - kind: detach
                    at: 60
                    until: 61.5
                  - kind: runaway
                    at: 120
                    microamps: 5000
                """);
        assertEquals("all of it", s.description());
        assertEquals("T-1", s.treatmentId());
        assertEquals(Polarity.ANODE, s.activeElectrode());
        assertEquals(2.5, s.currentMilliamps());
        assertEquals(30.0, s.doseMilliampMinutes());
        assertNull(s.durationMinutes());
        assertEquals(Map.of("seed", "9", "noise-microamps", "3"), s.simulator());
        assertEquals(2.5, s.resumeAfterSeconds());
        assertTrue(s.acknowledgeFaults());
        assertEquals(FaultScript.builder().add(FaultKind.DETACH, 60_000_000L, 61_500_000L)
                .add(FaultKind.RUNAWAY, 120_000_000L, Fault.OPEN_END, 5_000).build(), s.faults());
    }

    @Test
    @Verifies("SRS-APP-004")
    void leftOutValuesAreNull() {
        Scenario s = parser.parse("s.yaml", "prescription:\n  current-ma: 1\n");
        assertEquals("drug-delivery-patch", s.profile());
        assertNull(s.drug());
        assertNull(s.rampSeconds());
        assertTrue(s.faults().faults().isEmpty());
    }

    @ParameterizedTest
    @Verifies("SRS-APP-004")
    @CsvSource(delimiter = '|', value = {
        // unknown keys
        "'colour: red'|s.yaml:1:1: unknown key 'colour' in the scenario",
        "'prescription:\\n  curent-ma: 3'|s.yaml:2:3: unknown key 'curent-ma' in prescription; known:",
        "'faults:\\n  - kind: runaway\\n    at: 1\\n    microamps: 5\\n    amps: 5'|s.yaml:5:5: unknown key 'amps' in a runaway fault",
        // wrong types
        "'prescription:\\n  current-ma: three'|s.yaml:2:15: current-ma must be a number, was 'three'",
        "'prescription: 3'|s.yaml:1:15: prescription must be a mapping of keys to values, was '3'",
        "'faults:\\n  kind: detach'|s.yaml:2:3: faults must be a list of faults",
        "'operator:\\n  acknowledge-faults: yes please'|s.yaml:2:23: acknowledge-faults must be true or false, was 'yes please'",
        "'simulator:\\n  seed: \"7\"'|s.yaml:2:9: simulator setting 'seed' must be an integer, was '7'",
        // values out of range
        "'prescription:\\n  current-ma: -1'|s.yaml:2:15: current-ma must be a positive number, was -1.0",
        "'faults:\\n  - kind: detach\\n    at: -5'|s.yaml:3:9: at must not be negative, was -5.0 s",
        "'faults:\\n  - kind: detach\\n    at: 10\\n    until: 5'|s.yaml:4:12: until (5.0 s) must come after at (10.0 s)",
        "'faults:\\n  - kind: melt\\n    at: 1'|s.yaml:2:11: unknown fault kind 'melt'; known: detach, partial-detach",
        "'faults:\\n  - kind: partial-detach\\n    at: 1\\n    area-percent: 100'|s.yaml:2:5: fault script: partial-detach from 1000000 us: area-percent must be from 1 to 99 %, was 100",
        "'faults:\\n  - kind: runaway\\n    at: 1'|s.yaml:2:5: a runaway fault needs 'microamps'",
        "'faults:\\n  - kind: detach\\n    at: 1\\n  - kind: detach\\n    at: 5'|s.yaml:4:5: fault script: detach from 5000000 us on overlaps detach from 1000000 us on",
        "'simulator:\\n  initial-skin-ohms: 1000'|s.yaml:2:3: driver 'sim': setting 'final-skin-ohms' must not exceed initial-skin-ohms (1000), was 2000",
        "'simulator:\\n  noise-microamps: 99999'|s.yaml:2:20: driver 'sim': setting 'noise-microamps' must be an integer from 0 to 10000, was 99999",
        "'simulator:\\n  nois: 1'|s.yaml:2:3: unknown key 'nois' in simulator",
        // profile and prescription
        "'profile: basin'|s.yaml:1:10: profile must be one of drug-delivery-patch",
        "'prescription:\\n  drug: aspirin'|s.yaml:2:9: drug 'aspirin' is not in the drug table of profile drug-delivery-patch",
        "'prescription:\\n  duration-min: 10'|s.yaml:2:3: duration-min does not apply to the dose-based profile",
        "'prescription:\\n  active-electrode: ground'|s.yaml:2:21: active-electrode must be anode or cathode, was 'ground'",
        // YAML itself
        "'a: [1, 2'|s.yaml:1:9: not valid YAML: expected ',' or ']'",
        "'a: 1\\na: 2'|s.yaml:2:1: 'a' appears twice in the scenario",
        "'prescription: !!java.io.File /etc'|s.yaml:1:15: not valid YAML: Global tag is not allowed",
        "'prescription: !thing 3'|s.yaml:1:15: the tag !thing is not allowed in a scenario",
    })
    void badInputNamesFileLineColumnAndWhatIsWrong(String yaml, String expected) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parser.parse("s.yaml", yaml.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "' but was '" + e.getMessage() + "'");
    }

    @Test
    @Verifies("SRS-APP-004")
    void anEmptyFileAndAnAliasBombAreRefused() {
        assertEquals("s.yaml: the file is empty; a scenario needs at least a prescription",
                assertThrows(ScenarioException.class, () -> parser.parse("s.yaml", "")).getMessage());
        StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append("]\n");
        }
        assertThrows(ScenarioException.class, () -> parser.parse("s.yaml", bomb.toString()));
    }

    @Test
    @Verifies("SRS-APP-005")
    void aScenarioIsFoundByPathOrShippedNameAndAnUnknownOneNamesTheShipped() {
        for (String name : ScenarioSource.SHIPPED) {
            assertEquals("scenarios/" + name + ".yaml", ScenarioSource.load(name, parser).source());
        }
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioSource.load("nope", parser));
        assertTrue(e.getMessage().contains("neither a file nor a shipped scenario; shipped: normal-dexamethasone"),
                e.getMessage());
    }
}
