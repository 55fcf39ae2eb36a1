package org.galvani.verification.stateful;

import static org.quicktheories.api.Pair.of;

import java.util.List;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.testing.Gens;
import org.galvani.trace.Implements;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** The generators of the stateful property: the stage's noise and a sequence of steps. */
@Implements("SRS-VER-004")
final class Sequences {

    private Sequences() {
    }

    /** One generated run: the measurement noise (σ, µA; 0 for none), its seed, and the steps. */
    record Run(int noiseMicroamps, long noiseSeed, List<Step> steps) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("Run[noise " + noiseMicroamps + " uA, seed " + noiseSeed + ", "
                    + steps.size() + " steps:");
            for (int i = 0; i < steps.size(); i++) {
                text.append("\n  ").append(i + 1).append(". ").append(steps.get(i));
            }
            return text.append("\n]").toString();
        }
    }

    static Gen<Run> runs(int maxSteps) {
        Gen<Integer> noise = Generate.pick(List.of(0, 0, 0, 2, 10, 30));
        return noise.zip(Gens.longs(0, 1_000), SourceDSL.lists().of(steps()).ofSizeBetween(1, maxSteps), Run::new);
    }

    /**
     * Mostly a sound course of treatment (requests, time, the electrodes), with a fault now and then: too
     * many faults and every sequence would sit in FAULT and explore nothing else.
     */
    @SuppressWarnings("unchecked")
    static Gen<Step> steps() {
        return Generate.frequency(
                of(26, waits()),
                of(12, validPrescriptions().zip(Generate.pick(List.of(110, 150, 50)), Step.Treat::new)),
                of(3, validPrescriptions().map(Step.Arm::new)),
                of(4, invalidPrescriptions().map(Step.Arm::new)),
                of(4, ask(RequestKind.START)),
                of(4, ask(RequestKind.PAUSE)),
                of(4, ask(RequestKind.RESUME)),
                of(3, ask(RequestKind.STOP)),
                of(6, ask(RequestKind.ACKNOWLEDGE)),
                of(4, Generate.pick(List.of(110, 200)).map(Step.WaitThenResume::new)),
                of(5, Generate.pick(List.of(1, 30, 150, 400, 2_000)).map(Step.Detach::new)),
                of(2, Generate.pick(List.of(5, 20, 45, 80)).zip(durations(),
                        (percent, millis) -> new Step.Inject(FaultKind.PARTIAL_DETACH, percent, millis))),
                of(6, faults()),
                of(1, Generate.pick(List.of(1_500, 4_000, 9_000, 11_000, 15_000)).map(Step.Gap::new)));
    }

    private static Gen<Step> ask(RequestKind kind) {
        return Generate.constant(new Step.Ask(kind));
    }

    @SuppressWarnings("unchecked")
    private static Gen<Step> waits() {
        Gen<Integer> millis = Generate.frequency(of(4, Gens.ints(1, 50)), of(4, Gens.ints(50, 600)),
                of(2, Gens.ints(600, 2_500)));
        return millis.zip(Generate.pick(List.of(0, 0, 0, 150, -150, 400, -400)), Step.Wait::new);
    }

    private static Gen<Integer> durations() {
        return Generate.pick(List.of(1, 5, 50, 300, 3_000));
    }

    /** A fault of the simulator other than a partial detach, with a parameter of its own unit. */
    private static Gen<Step> faults() {
        List<FaultKind> kinds = List.of(FaultKind.DETACH, FaultKind.SENSOR_STUCK, FaultKind.SENSOR_DRIFT,
                FaultKind.RUNAWAY, FaultKind.DEAD_STAGE, FaultKind.MEASUREMENT_STOPS, FaultKind.LATE_MEASUREMENT,
                FaultKind.DUPLICATED_MEASUREMENT, FaultKind.SAMPLE_THROWS, FaultKind.APPLY_THROWS,
                FaultKind.HARDWARE_FAULT);
        return Generate.pick(kinds).zip(Gens.ints(0, 2), durations(),
                (kind, which, millis) -> new Step.Inject(kind, parameter(kind, which), millis));
    }

    private static long parameter(FaultKind kind, int which) {
        return switch (kind) {
            case SENSOR_STUCK -> new long[] {0, 15, 5_000}[which];
            case SENSOR_DRIFT -> new long[] {-2_000, 500, 20_000}[which];
            case RUNAWAY -> new long[] {30, 300, 6_000}[which];
            case LATE_MEASUREMENT -> new long[] {2, 20, 200}[which];
            case PARTIAL_DETACH -> new long[] {5, 40, 80}[which];
            default -> 0;
        };
    }

    /** A drug and the electrode that delivers it. */
    private record DrugAt(String drug, Polarity electrode) {
    }

    private static final List<DrugAt> VALID_DRUGS = List.of(
            new DrugAt(DrugTable.DEXAMETHASONE, Polarity.CATHODE), new DrugAt(DrugTable.LIDOCAINE, Polarity.ANODE),
            new DrugAt(DrugTable.ACETIC_ACID, Polarity.CATHODE), new DrugAt(DrugTable.TAP_WATER, Polarity.ANODE));

    /**
     * Prescriptions the profile accepts (unless the ledger's prior dose for the ID already reaches them):
     * target up to 4 mA, the electrode at or above the density ceiling, ramps of 0.1 to 1 s, a dose up to
     * the cap or a duration of 0.1 to 5 s. Three treatment IDs, so that the dose ledger's prior dose counts.
     */
    static Gen<Prescription> validPrescriptions() {
        Gen<int[]> numbers = Gens.ints(1, 4_000).zip(Generate.pick(List.of(0, 0, 1, 7, 500)), Gens.ints(100, 1_000),
                (target, extraArea, ramp) -> new int[] {target, extraArea, ramp});
        Gen<long[]> ending = Generate.booleans().zip(Gens.longs(1, SimWorld.CAP), Gens.longs(100, 5_000),
                (timed, dose, duration) -> new long[] {timed ? 1 : 0, dose, duration});
        return numbers.zip(ending, Generate.pick(VALID_DRUGS), Generate.pick(List.of("T1", "T2", "T3")),
                (n, e, drug, id) -> {
                    Prescription.Builder rx = Prescription.builder(id).drug(drug.drug()).activeElectrode(drug.electrode())
                            .targetMicroamps(n[0]).electrodeAreaMm2((n[0] + 4) / 5 + n[1]).rampMillis(n[2]);
                    return (e[0] == 1 ? rx.durationMillis(e[2]) : rx.doseMicroampMillis(e[1])).build();
                });
    }

    /** Prescriptions with one thing wrong, each of which the kernel must refuse. */
    static Gen<Prescription> invalidPrescriptions() {
        return validPrescriptions().zip(Gens.ints(0, 8), (rx, which) -> {
            Prescription.Builder b = Prescription.builder(rx.treatmentId()).drug(rx.drug())
                    .activeElectrode(rx.activeElectrode()).targetMicroamps(rx.targetMicroamps())
                    .electrodeAreaMm2(rx.electrodeAreaMm2()).rampMillis(rx.rampMillis()).doseMicroampMillis(1_000);
            return (switch (which) {
                case 0 -> b.targetMicroamps(0);
                case 1 -> b.targetMicroamps(4_001);
                case 2 -> b.targetMicroamps(4_000).electrodeAreaMm2(799);
                case 3 -> b.rampMillis(99);
                case 4 -> b.drug("caffeine");
                case 5 -> b.drug(DrugTable.LIDOCAINE).activeElectrode(Polarity.CATHODE);
                case 6 -> b.doseMicroampMillis(SimWorld.CAP + 1);
                case 7 -> b.durationMillis(5_001);
                default -> b.electrodeAreaMm2(0);
            }).build();
        });
    }
}
