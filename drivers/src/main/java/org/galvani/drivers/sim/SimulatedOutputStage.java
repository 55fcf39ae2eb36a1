package org.galvani.drivers.sim;

import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.trace.Implements;

/**
 * The in-process simulated output stage ({@code sim}): an ideal current source with a compliance
 * voltage, driving an {@link ElectrodeLoad} whose electrodes attach and detach by a {@link ContactScript}.
 * Everything runs in the caller's simulated time (the {@code nowMicros} of each call), so a run is
 * deterministic and can go as fast as the machine allows.
 *
 * <p>A reading at {@code sample(t)} shows the current that the command applied at the previous tick
 * drives into the load at {@code t}: limited by the compliance voltage, zero when disabled or detached.
 * It also counts the charge that really flowed, independently of the kernel, so that a test or the demo
 * can compare the kernel's dose with the truth.
 */
@Implements({"SRS-DRV-001", "SRS-DRV-004", "SRS-DRV-005"})
public final class SimulatedOutputStage implements OutputStageDriver {

    private final SimulatorConfig config;
    private final DriverCapabilities capabilities;
    private final ElectrodeLoad load;

    private int setpoint;
    private boolean enabled;
    private Polarity polarity;
    private boolean polarityChangedWhileEnabled;
    private volatile boolean forcedOff = true;
    private boolean opened;

    private long lastAdvanceMicros = Long.MIN_VALUE;
    private int flowingMicroamps;
    private long trueChargeMicroampMicros;

    public SimulatedOutputStage(SimulatorConfig config) {
        this.config = config;
        // It detects one fault class: a polarity change while enabled (HARDWARE_FAULT, SRS-DRV-005).
        this.capabilities = new DriverCapabilities("sim", 1, config.maxCurrentMicroamps(), config.complianceMillivolts(),
                config.resolutionMicroamps(), config.minControlPeriodMicros(), StatusFlags.HARDWARE_FAULT);
        this.load = new ElectrodeLoad(config.seriesOhms(), config.initialSkinOhms(), config.finalSkinOhms(),
                config.skinFallMicros());
    }

    @Override
    @Implements("SRS-DRV-042")
    public DriverCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void open() {
        opened = true;
        enabled = false;
        forcedOff = true;
    }

    @Override
    public void sample(long nowMicros, Measurement into) {
        advanceTo(nowMicros);
        boolean attached = config.contact().attachedAt(nowMicros);
        int ohms = load.resistanceOhms();
        flowingMicroamps = drivenCurrent(attached, ohms);
        int millivolts = attached ? (int) ((long) flowingMicroamps * ohms / 1_000L)
                : (outputOn() ? config.complianceMillivolts() : 0);
        int flags = outputOn() ? StatusFlags.OUTPUT_ENABLED : StatusFlags.OUTPUT_SAFE;
        if (polarityChangedWhileEnabled) {
            flags |= StatusFlags.HARDWARE_FAULT;
        }
        into.set(nowMicros, quantise(flowingMicroamps), millivolts, attached ? ohms : Measurement.IMPEDANCE_UNKNOWN, flags);
    }

    @Override
    public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity newPolarity) {
        advanceTo(nowMicros);
        if (enabled && outputEnabled && polarity != null && newPolarity != polarity) {
            // A real H-bridge must never be switched under load; report it as a hardware fault.
            polarityChangedWhileEnabled = true;
        }
        this.setpoint = Math.max(0, Math.min(setpointMicroamps, config.maxCurrentMicroamps()));
        this.enabled = outputEnabled;
        this.polarity = newPolarity;
        this.forcedOff = !outputEnabled;
        flowingMicroamps = drivenCurrent(config.contact().attachedAt(nowMicros), load.resistanceOhms());
    }

    @Override
    public void safeDisable() {
        forcedOff = true;
    }

    @Override
    public SelfTestResult selfTest() {
        if (!opened) {
            return SelfTestResult.failed("sim: not opened");
        }
        return SelfTestResult.passed("sim: output disabled, load " + load.resistanceOhms() + " ohm, compliance "
                + config.complianceMillivolts() + " mV");
    }

    @Override
    public void close() {
        forcedOff = true;
        enabled = false;
        opened = false;
    }

    /** The charge that really flowed into the load so far (µA·µs), whatever anyone measured. */
    public long trueChargeMicroampMicros() {
        return trueChargeMicroampMicros;
    }

    /** The current flowing now (µA). */
    public int flowingMicroamps() {
        return flowingMicroamps;
    }

    /** The load's resistance now (Ω). */
    public int loadOhms() {
        return load.resistanceOhms();
    }

    /** The polarity last applied. */
    public Polarity polarity() {
        return polarity;
    }

    private boolean outputOn() {
        return enabled && !forcedOff;
    }

    private int drivenCurrent(boolean attached, int ohms) {
        if (!attached || !outputOn()) {
            return 0;
        }
        long compliant = (long) config.complianceMillivolts() * 1_000L / Math.max(1, ohms);
        return (int) Math.min(setpoint, compliant);
    }

    /** Integrates the flowing current and lets the skin respond, up to {@code nowMicros}. */
    private void advanceTo(long nowMicros) {
        if (lastAdvanceMicros != Long.MIN_VALUE && nowMicros > lastAdvanceMicros) {
            long interval = nowMicros - lastAdvanceMicros;
            trueChargeMicroampMicros += (long) flowingMicroamps * interval;
            load.advance(interval, flowingMicroamps);
        }
        if (lastAdvanceMicros == Long.MIN_VALUE || nowMicros > lastAdvanceMicros) {
            lastAdvanceMicros = nowMicros;
        }
    }

    private int quantise(int microamps) {
        int step = config.resolutionMicroamps();
        return (microamps + step / 2) / step * step;
    }
}
