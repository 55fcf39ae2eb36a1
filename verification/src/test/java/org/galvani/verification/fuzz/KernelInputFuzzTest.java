package org.galvani.verification.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.EndCriterion;
import org.galvani.kernel.HardwareLimits;
import org.galvani.kernel.IonCharge;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Request;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.StatusFlags;
import org.galvani.trace.Implements;
import org.galvani.trace.Verifies;

/**
 * A prescription as a UI or a configuration file may send it: any numbers, any strings, nulls, into the
 * kernel's ARM path. The kernel never throws; it decides the request in the tick; and it accepts only a
 * prescription that an independent check of the limits (written here from the requirements, not with the
 * kernel's code) finds within them. A refusal leaves the kernel as it was: IDLE, nothing armed, output off.
 */
@Implements("SRS-VER-006")
class KernelInputFuzzTest {

    private static final HardwareLimits HARDWARE = new HardwareLimits(25_000, 80_000, 1_000);
    private static final DeviceProfile PROFILE = DeviceProfile.drugDeliveryPatch().toBuilder().name("fuzz")
            .endCriteria(EnumSet.allOf(EndCriterion.class)).durationRangeMillis(60_000, 3_600_000).build();
    private static final List<String> DRUGS = List.of(DrugTable.DEXAMETHASONE, DrugTable.LIDOCAINE,
            DrugTable.ACETIC_ACID, DrugTable.TAP_WATER);

    @FuzzTest
    @Verifies(value = "SRS-VER-006", version = 1)
    void armWithArbitraryNumbers(FuzzedDataProvider data) {
        String id = data.consumeBoolean() ? null : data.consumeString(12);
        String drug = switch (data.consumeInt(0, 2)) {
            case 0 -> data.pickValue(DRUGS);
            case 1 -> null;
            default -> data.consumeString(30);
        };
        Polarity polarity = data.consumeBoolean() ? null : data.pickValue(Polarity.values());
        Prescription.Builder b = Prescription.builder(id).drug(drug).activeElectrode(polarity)
                .targetMicroamps(interesting(data)).electrodeAreaMm2(interesting(data)).rampMillis(interesting(data));
        if (data.consumeBoolean()) {
            b.durationMillis(interestingLong(data));
        } else {
            b.doseMicroampMillis(interestingLong(data));
        }
        Prescription rx = data.consumeBoolean() ? null : b.build();
        long prior = interestingLong(data);

        List<KernelEvent> events = new ArrayList<>();
        SafetyKernel kernel = SafetyKernel.create(HARDWARE, PROFILE,
                (type, time, from, to, reason, requestId, dose) -> events.add(
                        new KernelEvent(type, time, from, to, reason, requestId, dose, null)));
        assertTrue(kernel.submit(Request.arm(1, rx, prior)));
        kernel.tick(1_000, new Measurement().set(1_000, 0, 0, 2_000, StatusFlags.OUTPUT_SAFE));

        List<KernelEvent> decisions = events.stream().filter(e -> e.requestId() == 1).toList();
        assertEquals(1, decisions.stream().filter(e -> e.type() == KernelEventType.REQUEST_ACCEPTED
                || e.type() == KernelEventType.REQUEST_REFUSED).count(), "decided once: " + events);
        assertFalse(kernel.outputEnabled());
        assertEquals(0, kernel.setpointMicroamps());
        if (kernel.state() == KernelState.ARMED) {
            String unsafe = withinLimits(rx, prior);
            assertNull(unsafe, "armed a prescription beyond the limits (" + unsafe + "): " + rx + ", prior " + prior);
        } else {
            assertEquals(KernelState.IDLE, kernel.state(), "refused, yet " + kernel.state());
            assertNull(kernel.prescription());
            KernelEvent refusal = decisions.get(0);
            assertEquals(KernelEventType.REQUEST_REFUSED, refusal.type());
            assertTrue(refusal.reason().isRefusal(), "refused with " + refusal.reason());
        }
    }

    /** Null if {@code rx} with {@code prior} is within the profile's limits, else which limit it breaks. */
    static String withinLimits(Prescription rx, long prior) {
        if (rx == null || rx.treatmentId() == null || rx.treatmentId().isBlank()) {
            return "no prescription or treatment ID";
        }
        if (rx.targetMicroamps() < 1 || rx.targetMicroamps() > PROFILE.maxCurrentMicroamps()) {
            return "target";
        }
        // density: target / area ≤ ceiling, in µA per cm² = µA per 100 mm²
        if (BigInteger.valueOf(rx.targetMicroamps()).multiply(BigInteger.valueOf(100)).compareTo(
                BigInteger.valueOf(PROFILE.densityCeilingMicroampsPerCm2()).multiply(
                        BigInteger.valueOf(rx.electrodeAreaMm2()))) > 0 || rx.electrodeAreaMm2() < 1) {
            return "density";
        }
        IonCharge charge = rx.drug() == null ? null : PROFILE.drugs().chargeOf(rx.drug());
        if (charge == null || rx.activeElectrode() == null || !charge.fits(rx.activeElectrode())) {
            return "drug or polarity";
        }
        if (rx.rampMillis() < PROFILE.minRampMillis()) {
            return "ramp";
        }
        if (prior < 0) {
            return "prior dose";
        }
        BigInteger cap = BigInteger.valueOf(PROFILE.hardCapMicroampMillis());
        if (rx.endCriterion() == EndCriterion.DOSE) {
            if (rx.doseMicroampMillis() < 1 || rx.doseMicroampMillis() > PROFILE.hardCapMicroampMillis()
                    || prior >= rx.doseMicroampMillis()) {
                return "dose";
            }
        } else {
            BigInteger planned = BigInteger.valueOf(rx.targetMicroamps()).multiply(BigInteger.valueOf(rx.durationMillis()));
            if (rx.durationMillis() < PROFILE.minDurationMillis() || rx.durationMillis() > PROFILE.maxDurationMillis()
                    || planned.add(BigInteger.valueOf(prior)).compareTo(cap) > 0) {
                return "duration or planned dose";
            }
        }
        return null;
    }

    /** Values near the limits, at the extremes, or anywhere. */
    private static int interesting(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.pickValue(new int[] {0, 1, -1, 99, 100, 799, 800, 3_999, 4_000, 4_001, 9_999, 10_000,
                    DeviceProfile.MAX_ELECTRODE_AREA, Integer.MAX_VALUE, Integer.MIN_VALUE});
            case 1 -> data.consumeInt(1, 20_000);
            default -> data.consumeInt();
        };
    }

    private static long interestingLong(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.pickValue(new long[] {0, 1, -1, 60_000, 3_600_000, 3_600_001, PROFILE.hardCapMicroampMillis(),
                    PROFILE.hardCapMicroampMillis() + 1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 1_000});
            case 1 -> data.consumeLong(0, 10_000_000_000L);
            default -> data.consumeLong();
        };
    }
}
