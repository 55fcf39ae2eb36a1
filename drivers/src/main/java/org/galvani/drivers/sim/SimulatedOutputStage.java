package org.galvani.drivers.sim;

import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;
import org.galvani.trace.Implements;

/**
 * The in-process simulated output stage ({@code sim}): a current source with a compliance voltage driving
 * the electrode-skin circuit ({@link ElectrodeLoad} resistances, {@link SkinCircuit} state), measured by
 * a {@link CurrentSensor}, with the faults of a {@link FaultScript} and the detaches of a
 * {@link ContactScript} injected by simulated time. Everything runs in the caller's simulated time (the
 * {@code nowMicros} of each call) and the noise is seeded, so a run is deterministic and can go as fast
 * as the machine allows.
 *
 * <p>A reading at {@code sample(t)} shows the circuit at {@code t} after the command applied at the
 * previous call drove it; scripted changes take effect at the first call at or after their time (a
 * change of what the source drives, such as a runaway, shows once it has driven an interval). The
 * stage counts the charge that really flowed, whatever anyone measured or commanded, so that a test or
 * the demo can compare the kernel's dose with the truth.
 *
 * <p>Decisions about injected faults (see {@link FaultKind}):
 * <ul>
 *   <li>A <b>runaway</b> stage ignores the command, enable included: the kernel must notice it through
 *       the measurement, and its status flags still say what was commanded (the stage does not know).
 *       Only the independent disconnect stops it: {@link #safeDisable()}, {@link #open()} and
 *       {@link #close()} open it, and only an {@code apply} that enables the output closes it again.</li>
 *   <li>The <b>sensor</b> faults change the measured current only; the electrode voltage and the
 *       impedance (voltage over current, from the stage's separate impedance channel) stay true.</li>
 *   <li>The <b>self-test</b> never changes the output and passes during a treatment; it fails when the
 *       stage is not open, reports a hardware fault (injected, or a polarity change under load), or its
 *       reference reading shows a stuck sensor or an offset beyond {@link #selfTestOffsetLimitMicroamps()}.
 *       A dead or runaway stage cannot be found without driving current, so it passes then. After a
 *       failed self-test every reading carries SELF_TEST_FAILED until a self-test passes again.</li>
 * </ul>
 */
@Implements({"SRS-DRV-001", "SRS-DRV-004", "SRS-DRV-005", "SRS-DRV-009", "SRS-DRV-010", "SRS-DRV-011",
    "SRS-DRV-012", "SRS-DRV-013"})
public final class SimulatedOutputStage implements OutputStageDriver {

    /** The fault classes the stage raises flags for (a claim the driver conformance kit checks). */
    public static final int DETECTABLE_FAULTS = StatusFlags.HARDWARE_FAULT | StatusFlags.SELF_TEST_FAILED;
    /** Below this the impedance is the contact-sense reading, not voltage over current (µA). */
    private static final double FLOWING_MICROAMPS = 0.5;

    private final SimulatorConfig config;
    private final DriverCapabilities capabilities;
    private final ElectrodeLoad load;
    private final SkinCircuit circuit = new SkinCircuit();
    private final CurrentSensor sensor;
    private final FaultScript faults;
    private final ReadingHistory history;
    private final Measurement fresh = new Measurement();
    private final Measurement older = new Measurement();
    private final Measurement lastDelivered = new Measurement();

    private int setpoint;
    private boolean commandEnabled;
    private Polarity polarity;
    private boolean polarityChangedWhileEnabled;
    /** The stage's independent disconnect (a relay): open stops even a runaway. */
    private volatile boolean disconnected = true;
    private boolean opened;
    private boolean selfTestFailed;
    private boolean delivered;
    private long duplicateCalls;

    private long lastAdvanceMicros = Long.MIN_VALUE;
    private double trueChargeMicroampMicros;

    public SimulatedOutputStage(SimulatorConfig config) {
        this.config = config;
        this.capabilities = new DriverCapabilities("sim", 1, config.maxCurrentMicroamps(), config.complianceMillivolts(),
                config.resolutionMicroamps(), config.minControlPeriodMicros(), DETECTABLE_FAULTS);
        this.load = new ElectrodeLoad(config.seriesOhms(), config.initialSkinOhms(), config.finalSkinOhms(),
                config.skinFallMicros());
        this.sensor = new CurrentSensor(config.resolutionMicroamps(), config.noiseMicroamps(), config.seed());
        this.faults = config.faults();
        // Enough slots for the longest delay at the fastest control period the stage supports.
        this.history = faults.contains(FaultKind.LATE_MEASUREMENT)
                ? new ReadingHistory((int) (FaultKind.LATE_MEASUREMENT.max() * 1_000L / config.minControlPeriodMicros()) + 2)
                : null;
    }

    /** The configuration this stage was built from. */
    public SimulatorConfig config() {
        return config;
    }

    @Override
    @Implements("SRS-DRV-042")
    public DriverCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void open() {
        opened = true;
        commandEnabled = false;
        disconnected = true;
    }

    @Override
    public void sample(long nowMicros, Measurement into) {
        advanceTo(nowMicros);
        if (faults.isActive(FaultKind.SAMPLE_THROWS, nowMicros)) {
            throw new IllegalStateException("sim: injected fault: sample throws at " + nowMicros + " us");
        }
        measure(nowMicros);
        if (history != null) {
            history.record(fresh);
        }
        Measurement chosen = fresh;
        Fault late = faults.active(FaultKind.LATE_MEASUREMENT, nowMicros);
        if (delivered && faults.isActive(FaultKind.MEASUREMENT_STOPS, nowMicros)) {
            chosen = lastDelivered;
        } else if (delivered && faults.isActive(FaultKind.DUPLICATED_MEASUREMENT, nowMicros) && duplicateCalls++ % 2 == 1) {
            chosen = lastDelivered;
        } else if (late != null) {
            // What was true the delay ago; if nothing is that old yet, nothing new has arrived.
            boolean found = history.newestAtOrBefore(nowMicros - late.parameter() * 1_000L, older);
            chosen = found ? older : (delivered ? lastDelivered : fresh);
        }
        if (chosen != lastDelivered) {
            lastDelivered.copyFrom(chosen);
        }
        delivered = true;
        into.copyFrom(lastDelivered);
    }

    /** The true state at {@code nowMicros} as the stage measures it, into {@link #fresh}. */
    private void measure(long nowMicros) {
        boolean attached = attached(nowMicros);
        double trueMicroamps = attached ? circuit.currentAmps() * 1e6 : 0;
        int current = sensor.read(trueMicroamps, nowMicros, faults);
        int millivolts;
        int ohms;
        if (!attached) {
            // An open circuit drives a source that is on to its compliance voltage.
            millivolts = sourceMicroamps(nowMicros) > 0 ? config.complianceMillivolts() : 0;
            ohms = Measurement.IMPEDANCE_UNKNOWN;
        } else {
            millivolts = (int) Math.round(circuit.electrodeVolts() * 1_000);
            ohms = trueMicroamps >= FLOWING_MICROAMPS
                    ? (int) Math.min(Integer.MAX_VALUE, Math.round(circuit.electrodeVolts() / circuit.currentAmps()))
                    : (int) Math.min(Integer.MAX_VALUE, Math.round(load.seriesOhms() + skinOhms(nowMicros)));
        }
        int flags = outputOn() ? StatusFlags.OUTPUT_ENABLED : StatusFlags.OUTPUT_SAFE;
        if (hardwareFault(nowMicros)) {
            flags |= StatusFlags.HARDWARE_FAULT;
        }
        if (selfTestFailed) {
            flags |= StatusFlags.SELF_TEST_FAILED;
        }
        fresh.set(nowMicros, current, millivolts, ohms, flags);
    }

    @Override
    public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity newPolarity) {
        advanceTo(nowMicros);
        if (faults.isActive(FaultKind.APPLY_THROWS, nowMicros)) {
            throw new IllegalStateException("sim: injected fault: apply throws at " + nowMicros + " us");
        }
        if (commandEnabled && outputEnabled && polarity != null && newPolarity != polarity) {
            // A real H-bridge must never be switched under load; report it as a hardware fault.
            polarityChangedWhileEnabled = true;
        }
        this.setpoint = Math.max(0, Math.min(setpointMicroamps, config.maxCurrentMicroamps()));
        this.commandEnabled = outputEnabled;
        this.polarity = newPolarity;
        if (outputEnabled) {
            disconnected = false;
        }
        settle(nowMicros, nowMicros);
    }

    @Override
    public void safeDisable() {
        disconnected = true;
    }

    @Override
    public SelfTestResult selfTest() {
        if (!opened) {
            return SelfTestResult.failed("sim: not opened");
        }
        long now = lastAdvanceMicros == Long.MIN_VALUE ? 0 : lastAdvanceMicros;
        String problem = null;
        Fault stuck = faults.active(FaultKind.SENSOR_STUCK, now);
        double offset = CurrentSensor.offsetMicroamps(now, faults);
        if (hardwareFault(now)) {
            problem = polarityChangedWhileEnabled ? "hardware fault: polarity changed under load"
                    : "hardware fault reported by the stage";
        } else if (stuck != null) {
            problem = "reference reading: the current sensor reads " + stuck.parameter() + " uA whatever the reference";
        } else if (Math.abs(offset) > selfTestOffsetLimitMicroamps()) {
            problem = String.format(java.util.Locale.ROOT, "reference reading: current sensor offset %.0f uA,"
                    + " beyond +-%d uA", offset, selfTestOffsetLimitMicroamps());
        }
        selfTestFailed = problem != null;
        if (selfTestFailed) {
            return SelfTestResult.failed("sim: " + problem);
        }
        return SelfTestResult.passed("sim: reference reading and disable path ok, load " + loadOhms()
                + " ohm, compliance " + config.complianceMillivolts() + " mV");
    }

    /** The largest sensor offset the self-test's reference reading accepts (µA). */
    public int selfTestOffsetLimitMicroamps() {
        return Math.max(10, 2 * config.resolutionMicroamps());
    }

    @Override
    public void close() {
        disconnected = true;
        commandEnabled = false;
        opened = false;
    }

    /** The charge that really flowed into the load so far (µA·µs), whatever anyone measured. */
    public long trueChargeMicroampMicros() {
        return Math.round(trueChargeMicroampMicros);
    }

    /** The current flowing now (µA). */
    public int flowingMicroamps() {
        return attached(Math.max(0, lastAdvanceMicros)) ? (int) Math.round(circuit.currentAmps() * 1e6) : 0;
    }

    /** The load's DC resistance now, series plus skin at the present contact area (Ω). */
    public int loadOhms() {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(load.seriesOhms() + skinOhms(Math.max(0, lastAdvanceMicros))));
    }

    /** The polarity last applied. */
    public Polarity polarity() {
        return polarity;
    }

    private boolean outputOn() {
        return commandEnabled && !disconnected;
    }

    private boolean attached(long timeMicros) {
        return config.contact().attachedAt(timeMicros) && !faults.isActive(FaultKind.DETACH, timeMicros);
    }

    private boolean hardwareFault(long timeMicros) {
        return polarityChangedWhileEnabled || faults.isActive(FaultKind.HARDWARE_FAULT, timeMicros);
    }

    /** The fraction of the electrode still in contact (1 unless partly detached). */
    private double areaFraction(long timeMicros) {
        Fault partial = faults.active(FaultKind.PARTIAL_DETACH, timeMicros);
        return partial == null ? 1.0 : partial.parameter() / 100.0;
    }

    /** Skin resistance at the present contact area: a smaller area conducts less (Ω). */
    private double skinOhms(long timeMicros) {
        return load.skinOhms() / areaFraction(timeMicros);
    }

    /** What the source drives (µA): a dead stage nothing, a runaway its own current, else the command. */
    private double sourceMicroamps(long timeMicros) {
        if (disconnected || faults.isActive(FaultKind.DEAD_STAGE, timeMicros)) {
            return 0;
        }
        Fault runaway = faults.active(FaultKind.RUNAWAY, timeMicros);
        if (runaway != null) {
            return runaway.parameter();
        }
        return commandEnabled ? setpoint : 0;
    }

    /** Integrates the circuit over the interval since the last call, with what was in force at its start. */
    private void advanceTo(long nowMicros) {
        long driveAt = nowMicros;
        if (lastAdvanceMicros != Long.MIN_VALUE && nowMicros > lastAdvanceMicros) {
            long from = lastAdvanceMicros;
            driveAt = from;
            long interval = nowMicros - from;
            double amps = attached(from) ? sourceMicroamps(from) * 1e-6 : 0;
            // The skin's slow fall first, so that the step ends at the resistance of its end (stable for long steps).
            load.advance(interval, amps > 0 ? 1 : 0);
            double coulombs = circuit.advance(interval * 1e-6, amps, load.seriesOhms(), skinOhms(from),
                    farads(from), config.complianceMillivolts() / 1_000.0);
            trueChargeMicroampMicros += coulombs * 1e12;
        }
        if (lastAdvanceMicros == Long.MIN_VALUE || nowMicros > lastAdvanceMicros) {
            lastAdvanceMicros = nowMicros;
        }
        // Contact changes show at once; the source's own faults only once they have driven an interval.
        settle(lastAdvanceMicros, driveAt);
    }

    /**
     * Lets the source respond at once to the contact and load at {@code timeMicros}, driving what was in
     * force at {@code driveAtMicros}.
     */
    private void settle(long timeMicros, long driveAtMicros) {
        double amps = attached(timeMicros) ? sourceMicroamps(driveAtMicros) * 1e-6 : 0;
        circuit.settle(amps, load.seriesOhms(), skinOhms(timeMicros), farads(timeMicros),
                config.complianceMillivolts() / 1_000.0);
    }

    /** The skin capacitance at the present contact area (F). */
    private double farads(long timeMicros) {
        return config.skinCapacitanceNanofarads() * 1e-9 * areaFraction(timeMicros);
    }
}
