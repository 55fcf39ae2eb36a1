package org.galvani.drivers.kitcheck;

import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.StatusFlags;
import org.galvani.kernel.spi.DriverCapabilities;
import org.galvani.kernel.spi.SelfTestResult;

/**
 * Drivers that each break one promise of the driver SPI, the way real drivers do, so that the kit can be
 * shown to catch them. Each wraps a healthy sim stage.
 */
final class BrokenStages {

    private BrokenStages() {
    }

    /** Re-applies a setpoint left over from the last session when it opens. */
    static final class EnablesOnOpen extends ForwardingStage {
        EnablesOnOpen(SimulatedOutputStage inner) {
            super(inner);
        }

        @Override
        public void open() {
            super.open();
            inner.apply(0, 500, true, Polarity.ANODE);
        }
    }

    /** Forgets to implement safeDisable(). */
    static final class IgnoresSafeDisable extends ForwardingStage {
        IgnoresSafeDisable(SimulatedOutputStage inner) {
            super(inner);
        }

        @Override
        public void safeDisable() {
        }
    }

    /** Stamps the last reading with the time of the call when no new one came. */
    static final class RestampsStaleReadings extends ForwardingStage {
        RestampsStaleReadings(SimulatedOutputStage inner) {
            super(inner);
        }

        @Override
        protected void stale(long nowMicros, Measurement reading) {
            reading.set(nowMicros, reading.currentMicroamps(), reading.electrodeMillivolts(), reading.impedanceOhms(),
                    reading.statusFlags());
        }
    }

    /** Writes a double-buffered DAC: the setpoint takes effect one call late (enable is immediate). */
    static final class AppliesSetpointLate extends ForwardingStage {
        private int buffered;

        AppliesSetpointLate(SimulatedOutputStage inner) {
            super(inner);
        }

        @Override
        public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
            super.apply(nowMicros, buffered, outputEnabled, polarity);
            buffered = setpointMicroamps;
        }
    }

    /** Keeps a 100 µA bias flowing while enabled, "to keep contact sensing alive". */
    static final class RaisesCurrentByItself extends ForwardingStage {
        RaisesCurrentByItself(SimulatedOutputStage inner) {
            super(inner);
        }

        @Override
        public void apply(long nowMicros, int setpointMicroamps, boolean outputEnabled, Polarity polarity) {
            super.apply(nowMicros, outputEnabled ? Math.max(100, setpointMicroamps) : setpointMicroamps, outputEnabled,
                    polarity);
        }
    }

    /** Claims to detect its hardware's overcurrent trip, but never reports it. */
    static final class ClaimsAFaultItNeverFlags extends ForwardingStage {
        ClaimsAFaultItNeverFlags(SimulatedOutputStage inner) {
            super(inner);
        }

        @Override
        public DriverCapabilities capabilities() {
            DriverCapabilities c = super.capabilities();
            return new DriverCapabilities(c.name(), c.channels(), c.maxCurrentMicroamps(), c.complianceMillivolts(),
                    c.resolutionMicroamps(), c.minControlPeriodMicros(),
                    c.detectableFaults() | StatusFlags.HARDWARE_OVERCURRENT);
        }
    }

    /** Tests its disable relay by opening it, and leaves it open. */
    static final class SelfTestSwitchesTheOutput extends ForwardingStage {
        SelfTestSwitchesTheOutput(SimulatedOutputStage inner) {
            super(inner);
        }

        @Override
        public SelfTestResult selfTest() {
            inner.safeDisable();
            return super.selfTest();
        }
    }

    /** Has a 10-bit sample counter that throws when it wraps. */
    static final class ThrowsFromSample extends ForwardingStage {
        private int samples;

        ThrowsFromSample(SimulatedOutputStage inner) {
            super(inner);
        }

        @Override
        public void sample(long nowMicros, Measurement into) {
            if (++samples > 1_024) {
                throw new IllegalStateException("sample counter overflow");
            }
            super.sample(nowMicros, into);
        }
    }
}
