package org.galvani.app.demo;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Implements;

/**
 * The output stage under the demo's kernel and where the truth about it comes from: the one place where
 * the demo chooses its driver (by name, through {@link DriverRegistry}) and its "true charge" source.
 *
 * @param driver                   the driver the runtime drives
 * @param trueChargeMicroampMicros the charge that really flowed (µA·µs), as the stage itself counts it
 * @param flowingMicroamps         the current flowing now (µA), as the stage itself knows it
 */
@Implements("SRS-APP-008")
record DemoStage(OutputStageDriver driver, LongSupplier trueChargeMicroampMicros, IntSupplier flowingMicroamps) {

    /** The driver the demo runs on. */
    static final String DRIVER = "sim";

    /** The demo's driver provider, found by name on the class path. */
    static DriverProvider provider() {
        return DriverRegistry.load(DemoStage.class.getClassLoader()).provider(DRIVER);
    }

    /** A stage configured from {@code settings}, with their faults injected; not yet opened. */
    static DemoStage create(DemoSettings settings) {
        OutputStageDriver driver = provider().create(DriverSettings.of(settings.settingsSource(), DRIVER,
                settings.simulator()));
        if (!(driver instanceof SimulatedOutputStage configured)) {
            throw new IllegalStateException("driver '" + DRIVER + "' is not the simulated stage: "
                    + driver.getClass().getName());
        }
        // Faults are scripted in simulated time, not settings: inject them into the configured stage.
        SimulatedOutputStage stage = new SimulatedOutputStage(configured.config().withFaults(settings.faults()));
        return new DemoStage(stage, stage::trueChargeMicroampMicros, stage::flowingMicroamps);
    }
}
