package org.galvani.kernel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.galvani.trace.Implements;

/**
 * The limits and policies of one kind of device, as data. A profile is validated for internal
 * consistency when it is built, and against the output stage's {@link HardwareLimits} when a kernel is
 * created: it can only tighten the hardware's limits and the kernel's absolute ceilings, never widen them.
 *
 * <p>Three profiles ship: {@link #drugDeliveryPatch()}, {@link #tapWaterHyperhidrosis()} and
 * {@link #wearablePatch()}. A device team starts from one with {@link #toBuilder()} and tightens it.
 */
@Implements("SRS-KRN-001")
public final class DeviceProfile {

    /** The kernel's absolute current-density ceiling (µA/cm², i.e. 0.5 mA/cm²); a profile may set it lower. */
    public static final int ABSOLUTE_DENSITY_CEILING = 500;

    /** Largest electrode area a prescription may name (mm², one square metre). */
    public static final int MAX_ELECTRODE_AREA = 1_000_000;

    /** Largest hard cap a profile may set (µA·ms; about 16.7 million mA·min, far beyond any treatment). */
    public static final long MAX_HARD_CAP = 1_000_000_000_000_000L;

    /** Longest time-based treatment a profile may allow (ms; seven days). */
    public static final long MAX_DURATION = 7 * 24 * 3_600_000L;

    private final String name;
    private final int maxCurrentMicroamps;
    private final int densityCeilingMicroampsPerCm2;
    private final long hardCapMicroampMillis;
    private final int minRampMillis;
    private final Set<EndCriterion> endCriteria;
    private final long minDurationMillis;
    private final long maxDurationMillis;
    private final int contactMinOhms;
    private final int contactMaxOhms;
    private final int impedanceJumpLimitOhms;
    private final int contactConfirmMillis;
    private final int measurementMaxAgeMicros;
    private final int tickGapLimitMicros;
    private final int overcurrentToleranceMicroamps;
    private final int overcurrentTolerancePercent;
    private final int overcurrentTicks;
    private final int leakMicroamps;
    private final int settleTicks;
    private final int notFollowingTicks;
    private final int complianceHeadroomMillivolts;
    private final int complianceDebounceTicks;
    private final HighResistancePolicy highResistancePolicy;
    private final int reduceKeepPercent;
    private final int reduceFloorPercent;
    private final int checkpointIntervalMillis;
    private final DrugTable drugs;

    private DeviceProfile(Builder b) {
        String where = "device profile '" + b.name + "'";
        this.name = Check.notNull("device profile", "name", b.name);
        Check.range(where, "maxCurrentMicroamps", b.maxCurrentMicroamps, 1, HardwareLimits.MAX_CURRENT);
        this.maxCurrentMicroamps = b.maxCurrentMicroamps;
        Check.range(where, "densityCeilingMicroampsPerCm2", b.densityCeilingMicroampsPerCm2, 1, Integer.MAX_VALUE);
        Check.atMost(where, "densityCeilingMicroampsPerCm2", b.densityCeilingMicroampsPerCm2,
                "the kernel's absolute density ceiling", ABSOLUTE_DENSITY_CEILING);
        this.densityCeilingMicroampsPerCm2 = b.densityCeilingMicroampsPerCm2;
        Check.range(where, "hardCapMicroampMillis", b.hardCapMicroampMillis, 1, MAX_HARD_CAP);
        this.hardCapMicroampMillis = b.hardCapMicroampMillis;
        Check.range(where, "minRampMillis", b.minRampMillis, 1, Integer.MAX_VALUE);
        this.minRampMillis = b.minRampMillis;
        if (b.endCriteria.isEmpty()) {
            throw new IllegalArgumentException(where + ": endCriteria must allow DOSE, TIME or both");
        }
        this.endCriteria = Collections.unmodifiableSet(EnumSet.copyOf(b.endCriteria));
        Check.range(where, "minDurationMillis", b.minDurationMillis, 1, MAX_DURATION);
        Check.range(where, "maxDurationMillis", b.maxDurationMillis, b.minDurationMillis, MAX_DURATION);
        this.minDurationMillis = b.minDurationMillis;
        this.maxDurationMillis = b.maxDurationMillis;
        Check.range(where, "contactMinOhms", b.contactMinOhms, 0, Integer.MAX_VALUE);
        Check.range(where, "contactMaxOhms", b.contactMaxOhms, b.contactMinOhms, Integer.MAX_VALUE - 1);
        this.contactMinOhms = b.contactMinOhms;
        this.contactMaxOhms = b.contactMaxOhms;
        Check.range(where, "impedanceJumpLimitOhms", b.impedanceJumpLimitOhms, 0, Integer.MAX_VALUE);
        this.impedanceJumpLimitOhms = b.impedanceJumpLimitOhms;
        Check.range(where, "contactConfirmMillis", b.contactConfirmMillis, 0, 600_000);
        this.contactConfirmMillis = b.contactConfirmMillis;
        Check.range(where, "measurementMaxAgeMicros", b.measurementMaxAgeMicros, 1, 10_000_000);
        this.measurementMaxAgeMicros = b.measurementMaxAgeMicros;
        Check.range(where, "tickGapLimitMicros", b.tickGapLimitMicros, 1, 10_000_000);
        this.tickGapLimitMicros = b.tickGapLimitMicros;
        Check.range(where, "overcurrentToleranceMicroamps", b.overcurrentToleranceMicroamps, 0, HardwareLimits.MAX_CURRENT);
        this.overcurrentToleranceMicroamps = b.overcurrentToleranceMicroamps;
        Check.range(where, "overcurrentTolerancePercent", b.overcurrentTolerancePercent, 0, 100);
        this.overcurrentTolerancePercent = b.overcurrentTolerancePercent;
        Check.range(where, "overcurrentTicks", b.overcurrentTicks, 0, 1000);
        this.overcurrentTicks = b.overcurrentTicks;
        Check.range(where, "leakMicroamps", b.leakMicroamps, 0, HardwareLimits.MAX_CURRENT);
        this.leakMicroamps = b.leakMicroamps;
        Check.range(where, "settleTicks", b.settleTicks, 0, 1000);
        this.settleTicks = b.settleTicks;
        Check.range(where, "notFollowingTicks", b.notFollowingTicks, 0, 10_000);
        this.notFollowingTicks = b.notFollowingTicks;
        Check.range(where, "complianceHeadroomMillivolts", b.complianceHeadroomMillivolts, 0, HardwareLimits.MAX_COMPLIANCE);
        this.complianceHeadroomMillivolts = b.complianceHeadroomMillivolts;
        Check.range(where, "complianceDebounceTicks", b.complianceDebounceTicks, 0, 10_000);
        this.complianceDebounceTicks = b.complianceDebounceTicks;
        this.highResistancePolicy = Check.notNull(where, "highResistancePolicy", b.highResistancePolicy);
        Check.range(where, "reduceKeepPercent", b.reduceKeepPercent, 1, 99);
        this.reduceKeepPercent = b.reduceKeepPercent;
        Check.range(where, "reduceFloorPercent", b.reduceFloorPercent, 0, 100);
        this.reduceFloorPercent = b.reduceFloorPercent;
        Check.range(where, "checkpointIntervalMillis", b.checkpointIntervalMillis, 1, 3_600_000);
        this.checkpointIntervalMillis = b.checkpointIntervalMillis;
        this.drugs = Check.notNull(where, "drugs", b.drugs);
        if (drugs.entries().isEmpty()) {
            throw new IllegalArgumentException(where + ": drugs must list at least one drug");
        }
    }

    /**
     * Drug delivery with patch electrodes: up to 4 mA, 0.5 mA/cm², ends on dose, hard cap 80 mA·min,
     * ramps of at least 10 s; dexamethasone, lidocaine and acetic acid.
     */
    public static DeviceProfile drugDeliveryPatch() {
        return new Builder("drug-delivery-patch").build();
    }

    /**
     * Tap-water iontophoresis for hyperhidrosis with basin electrodes: up to 20 mA, a time-based session
     * of 10 to 40 minutes, hard cap 800 mA·min, tap water only (either polarity, fixed for the session).
     */
    public static DeviceProfile tapWaterHyperhidrosis() {
        return new Builder("tap-water-hyperhidrosis")
                .maxCurrentMicroamps(20_000)
                .hardCapMicroampMillis(Units.microampMillis(800.0))
                .endCriteria(EnumSet.of(EndCriterion.TIME))
                .durationRangeMillis(10 * 60_000L, 40 * 60_000L)
                .contactWindowOhms(100, 20_000)
                .impedanceJumpLimitOhms(500)
                .drugs(DrugTable.standard().only(DrugTable.TAP_WATER))
                .build();
    }

    /**
     * A wearable low-current patch: 0.1 to 0.5 mA over hours, ends on dose, hard cap 80 mA·min, slow
     * ramps of at least 30 s; dexamethasone and lidocaine.
     */
    public static DeviceProfile wearablePatch() {
        return new Builder("wearable-patch")
                .maxCurrentMicroamps(500)
                .minRampMillis(30_000)
                .contactWindowOhms(500, 100_000)
                .impedanceJumpLimitOhms(5_000)
                .overcurrentTolerance(20, 5)
                .drugs(DrugTable.standard().only(DrugTable.DEXAMETHASONE, DrugTable.LIDOCAINE))
                .build();
    }

    /** Starts a profile from the drug-delivery defaults. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this profile's values, to derive a tighter one. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Checks this profile against the stage's envelope. Throws {@link IllegalArgumentException} naming
     * the field when the profile would widen the hardware's limits or cannot work with its period.
     */
    public void checkAgainst(HardwareLimits hardware) {
        String where = "device profile '" + name + "'";
        Check.atMost(where, "maxCurrentMicroamps", maxCurrentMicroamps, "the hardware maximum",
                hardware.maxCurrentMicroamps());
        Check.atMost(where, "complianceHeadroomMillivolts", complianceHeadroomMillivolts,
                "the hardware compliance voltage", hardware.complianceMillivolts() - 1L);
        if (tickGapLimitMicros < 2L * hardware.controlPeriodMicros()) {
            throw new IllegalArgumentException(where + ": tickGapLimitMicros " + tickGapLimitMicros
                    + " must be at least two control periods (" + 2L * hardware.controlPeriodMicros() + ")");
        }
        if (measurementMaxAgeMicros < hardware.controlPeriodMicros()) {
            throw new IllegalArgumentException(where + ": measurementMaxAgeMicros " + measurementMaxAgeMicros
                    + " must be at least one control period (" + hardware.controlPeriodMicros() + ")");
        }
    }

    /** Whether prescriptions may end on this criterion. */
    public boolean allows(EndCriterion criterion) {
        return criterion != null && endCriteria.contains(criterion);
    }

    public String name() {
        return name;
    }

    public int maxCurrentMicroamps() {
        return maxCurrentMicroamps;
    }

    public int densityCeilingMicroampsPerCm2() {
        return densityCeilingMicroampsPerCm2;
    }

    public long hardCapMicroampMillis() {
        return hardCapMicroampMillis;
    }

    public int minRampMillis() {
        return minRampMillis;
    }

    public Set<EndCriterion> endCriteria() {
        return endCriteria;
    }

    public long minDurationMillis() {
        return minDurationMillis;
    }

    public long maxDurationMillis() {
        return maxDurationMillis;
    }

    public int contactMinOhms() {
        return contactMinOhms;
    }

    public int contactMaxOhms() {
        return contactMaxOhms;
    }

    public int impedanceJumpLimitOhms() {
        return impedanceJumpLimitOhms;
    }

    public int contactConfirmMillis() {
        return contactConfirmMillis;
    }

    public int measurementMaxAgeMicros() {
        return measurementMaxAgeMicros;
    }

    public int tickGapLimitMicros() {
        return tickGapLimitMicros;
    }

    public int overcurrentToleranceMicroamps() {
        return overcurrentToleranceMicroamps;
    }

    public int overcurrentTolerancePercent() {
        return overcurrentTolerancePercent;
    }

    public int overcurrentTicks() {
        return overcurrentTicks;
    }

    public int leakMicroamps() {
        return leakMicroamps;
    }

    public int settleTicks() {
        return settleTicks;
    }

    public int notFollowingTicks() {
        return notFollowingTicks;
    }

    public int complianceHeadroomMillivolts() {
        return complianceHeadroomMillivolts;
    }

    public int complianceDebounceTicks() {
        return complianceDebounceTicks;
    }

    public HighResistancePolicy highResistancePolicy() {
        return highResistancePolicy;
    }

    public int reduceKeepPercent() {
        return reduceKeepPercent;
    }

    public int reduceFloorPercent() {
        return reduceFloorPercent;
    }

    public int checkpointIntervalMillis() {
        return checkpointIntervalMillis;
    }

    public DrugTable drugs() {
        return drugs;
    }

    @Override
    public String toString() {
        return "DeviceProfile[" + name + ": max " + maxCurrentMicroamps + " uA, density " + densityCeilingMicroampsPerCm2
                + " uA/cm2, cap " + hardCapMicroampMillis + " uA*ms, ends on " + endCriteria + "]";
    }

    /** Collects a profile's values; {@link #build()} validates them. Defaults: the drug-delivery patch. */
    public static final class Builder {
        private String name;
        private int maxCurrentMicroamps = 4_000;
        private int densityCeilingMicroampsPerCm2 = ABSOLUTE_DENSITY_CEILING;
        private long hardCapMicroampMillis = Units.microampMillis(80.0);
        private int minRampMillis = 10_000;
        private Set<EndCriterion> endCriteria = EnumSet.of(EndCriterion.DOSE);
        private long minDurationMillis = 60_000L;
        private long maxDurationMillis = 12 * 3_600_000L;
        private int contactMinOhms = 300;
        private int contactMaxOhms = 50_000;
        private int impedanceJumpLimitOhms = 2_000;
        private int contactConfirmMillis = 500;
        private int measurementMaxAgeMicros = 5_000;
        private int tickGapLimitMicros = 10_000;
        private int overcurrentToleranceMicroamps = 50;
        private int overcurrentTolerancePercent = 5;
        private int overcurrentTicks = 5;
        private int leakMicroamps = 20;
        private int settleTicks = 10;
        private int notFollowingTicks = 50;
        private int complianceHeadroomMillivolts = 2_000;
        private int complianceDebounceTicks = 20;
        private HighResistancePolicy highResistancePolicy = HighResistancePolicy.REDUCE_AND_EXTEND;
        private int reduceKeepPercent = 90;
        private int reduceFloorPercent = 25;
        private int checkpointIntervalMillis = 1_000;
        private DrugTable drugs = DrugTable.standard().only(DrugTable.DEXAMETHASONE, DrugTable.LIDOCAINE,
                DrugTable.ACETIC_ACID);

        private Builder(String name) {
            this.name = name;
        }

        private Builder(DeviceProfile p) {
            this.name = p.name;
            this.maxCurrentMicroamps = p.maxCurrentMicroamps;
            this.densityCeilingMicroampsPerCm2 = p.densityCeilingMicroampsPerCm2;
            this.hardCapMicroampMillis = p.hardCapMicroampMillis;
            this.minRampMillis = p.minRampMillis;
            this.endCriteria = EnumSet.copyOf(p.endCriteria);
            this.minDurationMillis = p.minDurationMillis;
            this.maxDurationMillis = p.maxDurationMillis;
            this.contactMinOhms = p.contactMinOhms;
            this.contactMaxOhms = p.contactMaxOhms;
            this.impedanceJumpLimitOhms = p.impedanceJumpLimitOhms;
            this.contactConfirmMillis = p.contactConfirmMillis;
            this.measurementMaxAgeMicros = p.measurementMaxAgeMicros;
            this.tickGapLimitMicros = p.tickGapLimitMicros;
            this.overcurrentToleranceMicroamps = p.overcurrentToleranceMicroamps;
            this.overcurrentTolerancePercent = p.overcurrentTolerancePercent;
            this.overcurrentTicks = p.overcurrentTicks;
            this.leakMicroamps = p.leakMicroamps;
            this.settleTicks = p.settleTicks;
            this.notFollowingTicks = p.notFollowingTicks;
            this.complianceHeadroomMillivolts = p.complianceHeadroomMillivolts;
            this.complianceDebounceTicks = p.complianceDebounceTicks;
            this.highResistancePolicy = p.highResistancePolicy;
            this.reduceKeepPercent = p.reduceKeepPercent;
            this.reduceFloorPercent = p.reduceFloorPercent;
            this.checkpointIntervalMillis = p.checkpointIntervalMillis;
            this.drugs = p.drugs;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder maxCurrentMicroamps(int value) {
            this.maxCurrentMicroamps = value;
            return this;
        }

        public Builder densityCeilingMicroampsPerCm2(int value) {
            this.densityCeilingMicroampsPerCm2 = value;
            return this;
        }

        public Builder hardCapMicroampMillis(long value) {
            this.hardCapMicroampMillis = value;
            return this;
        }

        public Builder minRampMillis(int value) {
            this.minRampMillis = value;
            return this;
        }

        public Builder endCriteria(Set<EndCriterion> value) {
            this.endCriteria = value == null ? EnumSet.noneOf(EndCriterion.class) : EnumSet.copyOf(value);
            return this;
        }

        /** The allowed range of a time-based treatment's duration. */
        public Builder durationRangeMillis(long min, long max) {
            this.minDurationMillis = min;
            this.maxDurationMillis = max;
            return this;
        }

        /** The impedance window for contact (Ω, inclusive). */
        public Builder contactWindowOhms(int min, int max) {
            this.contactMinOhms = min;
            this.contactMaxOhms = max;
            return this;
        }

        /** The largest change between two consecutive impedance readings that is not a detach (Ω). */
        public Builder impedanceJumpLimitOhms(int value) {
            this.impedanceJumpLimitOhms = value;
            return this;
        }

        /** How long contact must be continuously in the window before output may start (ms). */
        public Builder contactConfirmMillis(int value) {
            this.contactConfirmMillis = value;
            return this;
        }

        public Builder measurementMaxAgeMicros(int value) {
            this.measurementMaxAgeMicros = value;
            return this;
        }

        public Builder tickGapLimitMicros(int value) {
            this.tickGapLimitMicros = value;
            return this;
        }

        /** Plausibility tolerance: absolute (µA) plus a percentage of the command. */
        public Builder overcurrentTolerance(int microamps, int percent) {
            this.overcurrentToleranceMicroamps = microamps;
            this.overcurrentTolerancePercent = percent;
            return this;
        }

        /** Consecutive ticks above tolerance that latch an overcurrent fault (0: the first one). */
        public Builder overcurrentTicks(int value) {
            this.overcurrentTicks = value;
            return this;
        }

        /** Current (µA) that may flow with output disabled, and for how many ticks after disabling. */
        public Builder leak(int microamps, int settleTicks) {
            this.leakMicroamps = microamps;
            this.settleTicks = settleTicks;
            return this;
        }

        public Builder notFollowingTicks(int value) {
            this.notFollowingTicks = value;
            return this;
        }

        /** Compliance detection: electrode voltage within this headroom of compliance, for this many ticks. */
        public Builder compliance(int headroomMillivolts, int debounceTicks) {
            this.complianceHeadroomMillivolts = headroomMillivolts;
            this.complianceDebounceTicks = debounceTicks;
            return this;
        }

        /**
         * What to do at compliance; for {@link HighResistancePolicy#REDUCE_AND_EXTEND}, the reduced goal
         * keeps {@code keepPercent} of the current the load takes, and below {@code floorPercent} of the
         * target the kernel pauses instead.
         */
        public Builder highResistance(HighResistancePolicy policy, int keepPercent, int floorPercent) {
            this.highResistancePolicy = policy;
            this.reduceKeepPercent = keepPercent;
            this.reduceFloorPercent = floorPercent;
            return this;
        }

        public Builder checkpointIntervalMillis(int value) {
            this.checkpointIntervalMillis = value;
            return this;
        }

        public Builder drugs(DrugTable value) {
            this.drugs = value;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming the first bad field. */
        public DeviceProfile build() {
            return new DeviceProfile(this);
        }
    }
}
