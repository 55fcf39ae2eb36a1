package org.galvani.app.demo;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.drivers.sim.Fault;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.drivers.sim.SimulatorConfig;
import org.galvani.drivers.wire.emulator.DeviceEmulator;
import org.galvani.drivers.wire.emulator.EmulatorConfig;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Implements;

/**
 * The output stage under the demo's kernel and where the truth about it comes from: the one place where
 * the demo chooses its driver (by the configured name, through {@link DriverRegistry}) and its "true
 * charge" source.
 *
 * <ul>
 *   <li>{@code sim}: the in-process simulated stage on the demo's plant, with the faults injected; it
 *       counts the charge that really flowed.</li>
 *   <li>{@code wire}: the wire-protocol driver talking over loopback to a device emulator started in
 *       this process on the same plant and faults (host clock, so the run stays in simulated time); the
 *       emulator counts the true charge on the device side. With a {@code port} in the configuration's
 *       wire settings the driver talks to that device instead (for example {@code galvani emulator}):
 *       nothing can be injected into it and its true charge is not known here.</li>
 *   <li>any other driver on the class path: configured from the configuration, no faults, no truth.</li>
 * </ul>
 *
 * @param driver                   the driver the runtime drives
 * @param trueChargeMicroampMicros the charge that really flowed (µA·µs), as the stage itself counts it; -1 unknown
 * @param flowingMicroamps         the current flowing now (µA), as the stage itself knows it; -1 unknown
 * @param description              what the driver drives, for the summary
 * @param counter                  who counts the true charge, for the summary
 * @param resources                what to release after the run (an emulator), or nothing
 */
@Implements({"SRS-APP-008", "SRS-APP-012"})
record DemoStage(OutputStageDriver driver, LongSupplier trueChargeMicroampMicros, IntSupplier flowingMicroamps,
                 String description, String counter, AutoCloseable resources) {

    /** The driver whose settings describe the demo's plant (the patient and the stage). */
    static final String DRIVER = "sim";
    /** The wire-protocol driver, run against an emulator of the same plant. */
    static final String WIRE = "wire";

    /**
     * The emulator's firmware watchdog in the demo: the demo runs in simulated time, as fast as the machine
     * goes, so the host's wall-clock pace is the machine's, and a pause of this JVM is not a host failure.
     */
    static final int EMULATOR_WATCHDOG_MILLIS = 1_000;
    /** How long the wire driver waits for a reply in the demo, for the same reason (µs). */
    static final String DEMO_RESPONSE_TIMEOUT_MICROS = "200000";

    /** Faults that happen in the sim driver's own code, which a device behind a wire link cannot have. */
    static final Set<FaultKind> IN_PROCESS_ONLY = EnumSet.of(FaultKind.MEASUREMENT_STOPS, FaultKind.LATE_MEASUREMENT,
            FaultKind.DUPLICATED_MEASUREMENT, FaultKind.SAMPLE_THROWS, FaultKind.APPLY_THROWS);

    /** The demo's plant provider, found by name on the class path. */
    static DriverProvider provider() {
        return registry().provider(DRIVER);
    }

    private static DriverRegistry registry() {
        return DriverRegistry.load(DemoStage.class.getClassLoader());
    }

    /** A stage configured from {@code settings}, with their faults injected; not yet opened. */
    static DemoStage create(DemoSettings settings) {
        String name = settings.config().driver();
        if (name.equals(DRIVER)) {
            SimulatedOutputStage stage = new SimulatedOutputStage(plant(settings));
            return new DemoStage(stage, stage::trueChargeMicroampMicros, stage::flowingMicroamps,
                    "sim, the in-process simulated stage", "the simulated stage's own count", () -> { });
        }
        if (name.equals(WIRE) && !settings.config().settingsFor(WIRE).values().containsKey("port")) {
            return overLoopback(settings);
        }
        refuseFaults(settings, "driver '" + name + "' drives a stage outside this process");
        OutputStageDriver driver = registry().create(settings.config().settingsFor(name));
        return new DemoStage(driver, () -> -1L, () -> -1, name + " (" + settings.config().source() + ")", null, () -> { });
    }

    /** The demo's plant, from the sim provider's settings, with the faults injected. */
    private static SimulatorConfig plant(DemoSettings settings) {
        OutputStageDriver configured = provider().create(DriverSettings.of(settings.settingsSource(), DRIVER,
                settings.simulator()));
        if (!(configured instanceof SimulatedOutputStage stage)) {
            throw new IllegalStateException("driver '" + DRIVER + "' is not the simulated stage: "
                    + configured.getClass().getName());
        }
        // Faults are scripted in simulated time, not settings: inject them into the configured plant.
        return stage.config().withFaults(settings.faults());
    }

    /** The wire driver against a device emulator of the demo's plant, started here on an ephemeral port. */
    private static DemoStage overLoopback(DemoSettings settings) {
        String unsupported = settings.faults().faults().stream().map(Fault::kind).filter(IN_PROCESS_ONLY::contains)
                .map(FaultKind::id).distinct().collect(Collectors.joining(", "));
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("fault kind(s) " + unsupported + " happen inside the in-process sim"
                    + " driver and cannot be injected behind a wire link; run them with --driver sim");
        }
        DeviceEmulator emulator;
        try {
            emulator = DeviceEmulator.start(EmulatorConfig.loopback().withWatchdogMillis(EMULATOR_WATCHDOG_MILLIS)
                    .withPlant(plant(settings)));
        } catch (IOException e) {
            throw new IllegalStateException("the demo's device emulator cannot start: " + e.getMessage(), e);
        }
        try {
            Map<String, String> wire = new LinkedHashMap<>();
            wire.put("response-timeout-micros", DEMO_RESPONSE_TIMEOUT_MICROS);
            wire.putAll(settings.config().settingsFor(WIRE).values());
            wire.put("port", Integer.toString(emulator.port()));
            OutputStageDriver driver = registry().create(DriverSettings.of(settings.config().source(), WIRE, wire));
            return new DemoStage(driver, emulator::trueChargeMicroampMicros, emulator::flowingMicroamps,
                    "wire, over " + emulator.endpoint() + " to the device emulator in this process (host clock)",
                    "the device emulator's own count", emulator);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    private static void refuseFaults(DemoSettings settings, String why) {
        if (!settings.faults().faults().isEmpty()) {
            throw new IllegalArgumentException(why + ": the demo's scripted faults (" + settings.faults().faults().stream()
                    .map(f -> f.kind().id()).distinct().collect(Collectors.joining(", ")) + ") cannot be injected;"
                    + " run with --no-detach and without a scenario's faults");
        }
    }
}
