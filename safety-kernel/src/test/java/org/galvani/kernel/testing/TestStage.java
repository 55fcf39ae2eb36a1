package org.galvani.kernel.testing;

import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.kernel.spi.SelfTestResult;

/**
 * A deterministic output stage for tests: a purely resistive load behind an ideal current source with a
 * compliance voltage, and knobs for every misbehaviour a test needs (detach, stuck or offset sensor,
 * runaway or dead stage, stale readings, fault flags, exceptions). Not thread-safe except
 * {@link #safeDisable()}; tests drive it from one thread.
 *
 * <p>The reading taken at {@code sample(t)} reflects the command applied at the previous {@code apply}.
 */
public final class TestStage implements OutputStageDriver {

    private final DriverCapabilities capabilities;

    private int loadOhms = 2_000;
    private boolean attached = true;
    private int setpoint;
    private boolean enabled;
    private Polarity polarity;
    private volatile boolean forcedOff;

    private Integer stuckCurrent;
    private int currentOffset;
    private int runawayExtra;
    private boolean dead;
    private boolean frozen;
    private int extraFlags;
    private RuntimeException sampleFailure;
    private RuntimeException applyFailure;
    private boolean selfTestPasses = true;

    private long lastSampledAt;
    private int opens;
    private int safeDisables;
    private boolean closed;

    /** A stage of up to 25 mA with 80 V compliance. */
    public TestStage() {
        this(new DriverCapabilities("test", 1, 25_000, 80_000, 1, 100));
    }

    public TestStage(DriverCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    // ----- knobs

    /** The load's resistance (Ω). */
    public TestStage loadOhms(int ohms) {
        this.loadOhms = ohms;
        return this;
    }

    /** Open circuit: no current flows, impedance reads unknown. */
    public TestStage detach() {
        this.attached = false;
        return this;
    }

    public TestStage attach() {
        this.attached = true;
        return this;
    }

    /** The sensor reports this current whatever flows (null: the true current). */
    public TestStage stuckCurrent(Integer microamps) {
        this.stuckCurrent = microamps;
        return this;
    }

    /** The sensor adds this offset to the true current. */
    public TestStage currentOffset(int microamps) {
        this.currentOffset = microamps;
        return this;
    }

    /** The stage drives this much more than commanded (also when disabled, if positive). */
    public TestStage runaway(int extraMicroamps) {
        this.runawayExtra = extraMicroamps;
        return this;
    }

    /** The stage drives nothing whatever it is told. */
    public TestStage dead(boolean dead) {
        this.dead = dead;
        return this;
    }

    /** Readings stop being refreshed: the old reading with its old time is repeated. */
    public TestStage frozen(boolean frozen) {
        this.frozen = frozen;
        return this;
    }

    /** Status bits added to every reading. */
    public TestStage flags(int flags) {
        this.extraFlags = flags;
        return this;
    }

    /** The next and later samples throw this (null: stop throwing). */
    public TestStage failSampleWith(RuntimeException failure) {
        this.sampleFailure = failure;
        return this;
    }

    /** The next and later applies throw this (null: stop throwing). */
    public TestStage failApplyWith(RuntimeException failure) {
        this.applyFailure = failure;
        return this;
    }

    public TestStage selfTestPasses(boolean passes) {
        this.selfTestPasses = passes;
        return this;
    }

    // ----- observations

    /** The setpoint last applied. */
    public int appliedSetpoint() {
        return setpoint;
    }

    /** Whether the output is enabled now (after safe disables). */
    public boolean outputEnabled() {
        return enabled && !forcedOff;
    }

    public Polarity appliedPolarity() {
        return polarity;
    }

    /** The current that really flows now (µA). */
    public int trueCurrent() {
        if (!attached) {
            return 0;
        }
        int driven = outputEnabled() && !dead ? setpoint + runawayExtra : Math.max(0, runawayExtra);
        long limit = (long) capabilities.complianceMillivolts() * 1_000L / Math.max(1, loadOhms);
        return (int) Math.max(0, Math.min(driven, limit));
    }

    public int safeDisables() {
        return safeDisables;
    }

    public int opens() {
        return opens;
    }

    public boolean closed() {
        return closed;
    }

    // ----- the SPI

    @Override
    public DriverCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void open() {
        opens++;
        enabled = false;
    }

    @Override
    public void sample(long nowMicros, Measurement into) {
        if (sampleFailure != null) {
            throw sampleFailure;
        }
        if (frozen) {
            return;
        }
        int current = trueCurrent();
        int reported = stuckCurrent != null ? stuckCurrent : current + currentOffset;
        int millivolts = attached ? (int) Math.min(capabilities.complianceMillivolts(), (long) current * loadOhms / 1_000L)
                : (outputEnabled() ? capabilities.complianceMillivolts() : 0);
        int impedance = attached ? loadOhms : Measurement.IMPEDANCE_UNKNOWN;
        int flags = (outputEnabled() ? StatusFlags.OUTPUT_ENABLED : StatusFlags.OUTPUT_SAFE) | extraFlags;
        lastSampledAt = nowMicros;
        into.set(nowMicros, reported, millivolts, impedance, flags);
    }

    @Override
    public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
        if (applyFailure != null) {
            throw applyFailure;
        }
        this.setpoint = setpointMicroamps;
        this.enabled = outputEnabled;
        this.polarity = polarity;
        if (outputEnabled) {
            forcedOff = false;
        }
    }

    @Override
    public void safeDisable() {
        forcedOff = true;
        safeDisables++;
    }

    @Override
    public SelfTestResult selfTest() {
        return selfTestPasses ? SelfTestResult.passed("test stage: nothing to check")
                : SelfTestResult.failed("test stage: told to fail");
    }

    @Override
    public void close() {
        safeDisable();
        closed = true;
    }

    /** When the last fresh reading was taken. */
    public long lastSampledAt() {
        return lastSampledAt;
    }
}
