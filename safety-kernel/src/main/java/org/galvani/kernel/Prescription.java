package org.galvani.kernel;

import java.util.Objects;

/**
 * What an operator asks the kernel to deliver. A prescription is only a request: building one checks
 * nothing (so that a user interface can pass on whatever its user typed); the kernel validates every
 * field when it is armed and refuses with a {@link Reason} naming what is wrong.
 *
 * <p>Units are the kernel's: µA, mm² (100 mm² = 1 cm²), µA·ms (60,000,000 µA·ms = 1 mA·min), ms.
 * {@link Units} converts from clinical units at the edges.
 */
public final class Prescription {

    private final String treatmentId;
    private final String drug;
    private final Polarity activeElectrode;
    private final int targetMicroamps;
    private final int electrodeAreaMm2;
    private final EndCriterion endCriterion;
    private final long doseMicroampMillis;
    private final long durationMillis;
    private final int rampMillis;

    private Prescription(Builder b) {
        this.treatmentId = b.treatmentId;
        this.drug = b.drug;
        this.activeElectrode = b.activeElectrode;
        this.targetMicroamps = b.targetMicroamps;
        this.electrodeAreaMm2 = b.electrodeAreaMm2;
        this.endCriterion = b.endCriterion;
        this.doseMicroampMillis = b.doseMicroampMillis;
        this.durationMillis = b.durationMillis;
        this.rampMillis = b.rampMillis;
    }

    /** Starts a prescription for the treatment with this opaque ID (no personal data). */
    public static Builder builder(String treatmentId) {
        return new Builder(treatmentId);
    }

    /** The opaque treatment ID that the dose ledger keys on. */
    public String treatmentId() {
        return treatmentId;
    }

    /** The drug code, as in the device profile's drug table. */
    public String drug() {
        return drug;
    }

    public Polarity activeElectrode() {
        return activeElectrode;
    }

    public int targetMicroamps() {
        return targetMicroamps;
    }

    public int electrodeAreaMm2() {
        return electrodeAreaMm2;
    }

    public EndCriterion endCriterion() {
        return endCriterion;
    }

    /** The prescribed dose for {@link EndCriterion#DOSE} (µA·ms). */
    public long doseMicroampMillis() {
        return doseMicroampMillis;
    }

    /** The prescribed output duration for {@link EndCriterion#TIME} (ms). */
    public long durationMillis() {
        return durationMillis;
    }

    /** The ramp-up duration from zero to the target (ms); the ramp-down uses the same rate. */
    public int rampMillis() {
        return rampMillis;
    }

    @Override
    public String toString() {
        return "Prescription[" + treatmentId + ": " + drug + ", " + activeElectrode + ", " + targetMicroamps
                + " uA over " + electrodeAreaMm2 + " mm2, " + endCriterion + " "
                + (endCriterion == EndCriterion.TIME ? durationMillis + " ms" : doseMicroampMillis + " uA*ms")
                + ", ramp " + rampMillis + " ms]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Prescription)) {
            return false;
        }
        Prescription p = (Prescription) o;
        return targetMicroamps == p.targetMicroamps && electrodeAreaMm2 == p.electrodeAreaMm2
                && doseMicroampMillis == p.doseMicroampMillis && durationMillis == p.durationMillis
                && rampMillis == p.rampMillis && Objects.equals(treatmentId, p.treatmentId)
                && Objects.equals(drug, p.drug) && activeElectrode == p.activeElectrode
                && endCriterion == p.endCriterion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(treatmentId, drug, activeElectrode, targetMicroamps, electrodeAreaMm2,
                endCriterion, doseMicroampMillis, durationMillis, rampMillis);
    }

    /** Collects the fields; never throws, never validates (the kernel does, on arm). */
    public static final class Builder {
        private final String treatmentId;
        private String drug;
        private Polarity activeElectrode;
        private int targetMicroamps;
        private int electrodeAreaMm2;
        private EndCriterion endCriterion = EndCriterion.DOSE;
        private long doseMicroampMillis;
        private long durationMillis;
        private int rampMillis;

        private Builder(String treatmentId) {
            this.treatmentId = treatmentId;
        }

        public Builder drug(String drug) {
            this.drug = drug;
            return this;
        }

        public Builder activeElectrode(Polarity activeElectrode) {
            this.activeElectrode = activeElectrode;
            return this;
        }

        public Builder targetMicroamps(int targetMicroamps) {
            this.targetMicroamps = targetMicroamps;
            return this;
        }

        public Builder electrodeAreaMm2(int electrodeAreaMm2) {
            this.electrodeAreaMm2 = electrodeAreaMm2;
            return this;
        }

        /** Ends the treatment on this dose (µA·ms). */
        public Builder doseMicroampMillis(long doseMicroampMillis) {
            this.endCriterion = EndCriterion.DOSE;
            this.doseMicroampMillis = doseMicroampMillis;
            return this;
        }

        /** Ends the treatment after this much output time (ms). */
        public Builder durationMillis(long durationMillis) {
            this.endCriterion = EndCriterion.TIME;
            this.durationMillis = durationMillis;
            return this;
        }

        public Builder rampMillis(int rampMillis) {
            this.rampMillis = rampMillis;
            return this;
        }

        public Prescription build() {
            return new Prescription(this);
        }
    }
}
