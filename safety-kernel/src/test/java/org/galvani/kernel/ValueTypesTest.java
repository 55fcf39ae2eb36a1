package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kernel's value types at the edges: prescriptions compare by every field, the unit conversions,
 * requests, measurements, events and reasons describe themselves, and the hardware envelope is checked
 * at its bounds. Added for mutation testing (issue 4): these are what the audit trail and the UIs show.
 */
class ValueTypesTest {

    private static Prescription.Builder base() {
        return Prescription.builder("T-1").drug(DrugTable.DEXAMETHASONE).activeElectrode(Polarity.CATHODE)
                .targetMicroamps(2_000).electrodeAreaMm2(400).rampMillis(10_000).doseMicroampMillis(60_000);
    }

    @Test
    @Verifies(value = "SRS-KRN-002", version = 1)
    void prescriptionsAreEqualOnlyWhenEveryFieldIs() {
        Prescription rx = base().build();
        assertEquals(rx, base().build());
        assertEquals(rx.hashCode(), base().build().hashCode());
        assertEquals(rx, rx);
        assertNotEquals(rx, null);
        assertNotEquals(rx, "T-1");
        List<UnaryOperator<Prescription.Builder>> changes = List.of(
                b -> Prescription.builder("T-2").drug(DrugTable.DEXAMETHASONE).activeElectrode(Polarity.CATHODE)
                        .targetMicroamps(2_000).electrodeAreaMm2(400).rampMillis(10_000).doseMicroampMillis(60_000),
                b -> b.drug(DrugTable.LIDOCAINE),
                b -> b.activeElectrode(Polarity.ANODE),
                b -> b.targetMicroamps(2_001),
                b -> b.electrodeAreaMm2(401),
                b -> b.doseMicroampMillis(60_001),
                b -> b.durationMillis(600_000),
                b -> b.rampMillis(10_001));
        for (UnaryOperator<Prescription.Builder> change : changes) {
            Prescription other = change.apply(base()).build();
            assertNotEquals(rx, other, "differs: " + other);
            assertNotEquals(other, rx, "differs: " + other);
            assertNotEquals(rx.hashCode(), other.hashCode(), "hash of " + other);
        }
        Prescription timed = base().durationMillis(600_000).build();
        assertNotEquals(timed, base().durationMillis(600_001).build());
    }

    @Test
    @Verifies(value = "SRS-KRN-024", version = 1)
    void prescriptionsAndRequestsDescribeThemselves() {
        assertEquals("Prescription[T-1: dexamethasone, CATHODE, 2000 uA over 400 mm2, DOSE 60000 uA*ms, ramp 10000 ms]",
                base().build().toString().replace(DrugTable.DEXAMETHASONE, "dexamethasone"));
        assertTrue(base().durationMillis(600_000).build().toString().contains("TIME 600000 ms"));
        assertEquals("START#7", Request.start(7).toString());
        assertEquals("ARM#3 " + base().build(), Request.arm(3, base().build(), 0).toString());
    }

    @Test
    @Verifies(value = "SRS-KRN-024", version = 1)
    void eventsDescribeWhatHappened() {
        assertEquals("STATE_CHANGED ARMED -> RAMP_UP request#4: " + Reason.OPERATOR_REQUEST.text(),
                new KernelEvent(KernelEventType.STATE_CHANGED, 1, KernelState.ARMED, KernelState.RAMP_UP,
                        Reason.OPERATOR_REQUEST, 4, 0, "T").describe());
        assertEquals("DOSE_CHECKPOINT", new KernelEvent(KernelEventType.DOSE_CHECKPOINT, 1, KernelState.DELIVERING,
                KernelState.DELIVERING, Reason.NONE, 0, 10, "T").describe());
        assertEquals("electrode impedance left the contact window (detached or shorted)",
                Reason.CONTACT_OUT_OF_WINDOW.text());
        assertEquals(Reason.Kind.CAUSE, Reason.DOSE_REACHED.kind());
    }

    @Test
    @Verifies(value = "SRS-KRN-019", version = 1)
    void measurementsAddFlagsCopyAndDescribe() {
        Measurement m = new Measurement();
        assertSame(m, m.set(5, 100, 200, 2_000, StatusFlags.OUTPUT_ENABLED));
        assertSame(m, m.addFlags(StatusFlags.DRIVER_EXCEPTION));
        assertEquals(StatusFlags.OUTPUT_ENABLED | StatusFlags.DRIVER_EXCEPTION, m.statusFlags());
        Measurement copy = new Measurement();
        assertSame(copy, copy.copyFrom(m));
        assertEquals(m.toString(), copy.toString());
        assertEquals("Measurement[t=5us, I=100uA, V=200mV, Z=2000ohm, flags=0x"
                + Integer.toHexString(m.statusFlags()) + "]", m.toString());
    }

    @Test
    @Verifies(value = "SRS-KRN-002", version = 1)
    void unitsConvertAtTheEdges() {
        assertEquals(2_500, Units.microamps(2.5));
        assertEquals(1_000, Units.squareMillimetres(10.0));
        assertEquals(60_000_000L, Units.microampMillis(1.0));
        assertEquals(600_000L, Units.millisFromMinutes(10.0));
        assertEquals(1_500, Units.millisFromSeconds(1.5));
        assertEquals(2.5, Units.milliamps(2_500), 0.0);
        assertEquals(1.0, Units.milliampMinutes(60_000_000L), 0.0);
        assertEquals(2.0, Units.kiloohms(2_000), 0.0);
        assertEquals(Integer.MAX_VALUE, Units.microamps(Integer.MAX_VALUE / 1_000.0));
        assertEquals(Integer.MIN_VALUE, Units.microamps(Integer.MIN_VALUE / 1_000.0));
        assertThrows(IllegalArgumentException.class, () -> Units.microamps((Integer.MAX_VALUE + 1.0) / 1_000.0));
        assertThrows(IllegalArgumentException.class, () -> Units.microamps((Integer.MIN_VALUE - 1.0) / 1_000.0));
        assertThrows(IllegalArgumentException.class, () -> Units.microamps(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Units.microamps(Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest
    @CsvSource({"0, 60000, 1000, maxCurrentMicroamps", "1000001, 60000, 1000, maxCurrentMicroamps",
            "1000, 0, 1000, complianceMillivolts", "1000, 60000, 99, controlPeriodMicros",
            "1000, 60000, 100001, controlPeriodMicros"})
    @Verifies(value = "SRS-KRN-001", version = 1)
    void theHardwareEnvelopeIsCheckedAtItsBounds(int current, int millivolts, int period, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HardwareLimits(current, millivolts, period));
        assertTrue(e.getMessage().contains(field), e.getMessage());
        new HardwareLimits(1, 1, HardwareLimits.MIN_PERIOD);
        new HardwareLimits(HardwareLimits.MAX_CURRENT, HardwareLimits.MAX_COMPLIANCE, HardwareLimits.MAX_PERIOD);
    }

    /** One field of a profile set just outside its range, and the field the message must name. */
    private record OutOfRange(String field, UnaryOperator<DeviceProfile.Builder> change) {
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void everyProfileFieldIsCheckedAndNamed() {
        List<OutOfRange> cases = List.of(
                new OutOfRange("maxCurrentMicroamps", b -> b.maxCurrentMicroamps(0)),
                new OutOfRange("hardCapMicroampMillis", b -> b.hardCapMicroampMillis(0)),
                new OutOfRange("minRampMillis", b -> b.minRampMillis(0)),
                new OutOfRange("minDurationMillis", b -> b.durationRangeMillis(0, 10)),
                new OutOfRange("maxDurationMillis", b -> b.durationRangeMillis(10, 9)),
                new OutOfRange("contactMinOhms", b -> b.contactWindowOhms(-1, 10)),
                new OutOfRange("contactMaxOhms", b -> b.contactWindowOhms(10, 9)),
                new OutOfRange("impedanceJumpLimitOhms", b -> b.impedanceJumpLimitOhms(-1)),
                new OutOfRange("contactConfirmMillis", b -> b.contactConfirmMillis(600_001)),
                new OutOfRange("measurementMaxAgeMicros", b -> b.measurementMaxAgeMicros(0)),
                new OutOfRange("tickGapLimitMicros", b -> b.tickGapLimitMicros(0)),
                new OutOfRange("overcurrentToleranceMicroamps", b -> b.overcurrentTolerance(-1, 5)),
                new OutOfRange("overcurrentTolerancePercent", b -> b.overcurrentTolerance(50, 101)),
                new OutOfRange("overcurrentTicks", b -> b.overcurrentTicks(1_001)),
                new OutOfRange("leakMicroamps", b -> b.leak(-1, 10)),
                new OutOfRange("settleTicks", b -> b.leak(20, 1_001)),
                new OutOfRange("notFollowingTicks", b -> b.notFollowingTicks(10_001)),
                new OutOfRange("complianceHeadroomMillivolts", b -> b.compliance(-1, 20)),
                new OutOfRange("complianceDebounceTicks", b -> b.compliance(2_000, 10_001)),
                new OutOfRange("reduceKeepPercent", b -> b.highResistance(HighResistancePolicy.PAUSE, 100, 25)),
                new OutOfRange("reduceFloorPercent", b -> b.highResistance(HighResistancePolicy.PAUSE, 90, 101)),
                new OutOfRange("checkpointIntervalMillis", b -> b.checkpointIntervalMillis(0)));
        for (OutOfRange c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> c.change().apply(DeviceProfile.builder("p")).build(), c.field());
            assertTrue(e.getMessage().startsWith("device profile 'p': " + c.field() + " must be between"), e.getMessage());
        }
    }

    @Test
    @Verifies(value = "SRS-KRN-001", version = 1)
    void aProfileShowsWhatItIs() {
        DeviceProfile p = DeviceProfile.builder("mine").endCriteria(EnumSet.of(EndCriterion.TIME))
                .overcurrentTicks(7).notFollowingTicks(60).leak(30, 12).build();
        assertEquals("mine", p.name());
        assertEquals(EnumSet.of(EndCriterion.TIME), p.endCriteria());
        assertEquals(7, p.overcurrentTicks());
        assertEquals(60, p.notFollowingTicks());
        assertEquals(30, p.leakMicroamps());
        assertEquals(12, p.settleTicks());
        assertTrue(p.toString().startsWith("DeviceProfile[mine: max 4000 uA, density 500 uA/cm2"), p.toString());
        assertTrue(p.drugs().toString().startsWith("DrugTable"), p.drugs().toString());
        // The bounds themselves are allowed.
        DeviceProfile.builder("edges").contactConfirmMillis(600_000).overcurrentTicks(1_000).notFollowingTicks(10_000)
                .checkpointIntervalMillis(3_600_000).highResistance(HighResistancePolicy.PAUSE, 99, 100).build();
    }
}
