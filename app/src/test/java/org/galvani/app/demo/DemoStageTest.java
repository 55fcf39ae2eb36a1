package org.galvani.app.demo;

import org.galvani.app.profile.DemoProfile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.drivers.sim.SimDriverProvider;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class DemoStageTest {

    private static DemoSettings settings(Map<String, String> simulator, FaultScript faults) {
        return new DemoSettings(DemoProfile.DRUG_DELIVERY_PATCH, "T", "dexamethasone-sodium-phosphate", Polarity.CATHODE,
                3, 10, 40, 0, 30, simulator, "test.yaml", faults, 5, false, 0, false, null, GalvaniConfig.defaults(),
                java.nio.file.Path.of("unused-data-dir"), false);
    }

    @Test
    @Verifies("SRS-APP-008")
    void theDriverIsFoundByNameConfiguredAndGivenTheFaults() {
        FaultScript faults = FaultScript.builder().add(FaultKind.DETACH, 1, 2).build();
        DemoStage stage = DemoStage.create(settings(Map.of("series-ohms", "111", "noise-microamps", "4"), faults));
        SimulatedOutputStage sim = assertInstanceOf(SimulatedOutputStage.class, stage.driver());
        assertEquals(111, sim.config().seriesOhms());
        assertEquals(4, sim.config().noiseMicroamps());
        assertEquals(faults, sim.config().faults());
        assertEquals(0L, stage.trueChargeMicroampMicros().getAsLong());
        assertInstanceOf(SimDriverProvider.class, DemoStage.provider());
        assertEquals("sim", DemoStage.DRIVER);
    }

    @Test
    @Verifies("SRS-APP-008")
    void aBadSettingIsReportedWithItsSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoStage.create(settings(Map.of("series-ohms", "-1"), FaultScript.none())));
        assertEquals("test.yaml: driver 'sim': setting 'series-ohms' must be an integer from 0 to 1000000, was -1",
                e.getMessage());
    }
}
