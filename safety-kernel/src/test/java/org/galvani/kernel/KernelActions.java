package org.galvani.kernel;

import static org.quicktheories.api.Pair.of;

import java.util.List;
import org.galvani.kernel.testing.Gens;
import org.galvani.kernel.testing.Profiles;
import org.galvani.kernel.testing.KernelHarness;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * What the stateful property does to a kernel and its stage: operators' requests (valid and invalid),
 * a patient's electrodes (detach, re-attach, changing resistance), a faulty stage or sensor, and time
 * (ordinary ticks, overruns, a clock going backwards). Every action is a record, so a falsified
 * sequence prints readably.
 */
final class KernelActions {

    /** A hard cap a few seconds of 4 mA reach, so that sequences of a few seconds meet it. */
    static final long CAP = 3_000_000L;

    private KernelActions() {
    }

    /** The drug-delivery patch with short ramps, quick contact confirmation and a small cap; both end criteria. */
    static DeviceProfile profile(HighResistancePolicy policy) {
        return Profiles.quickDrugDelivery("stateful-" + policy, CAP).highResistance(policy, 90, 25).build();
    }

    /** One step of a sequence. */
    interface Action {
        void applyTo(KernelSession session);
    }

    // ---------------------------------------------------------------------------------------------
    // Requests (each decided in one tick)

    record Arm(Prescription prescription, long priorDose) implements Action {
        public void applyTo(KernelSession s) {
            s.decide(Request.arm(s.harness().nextRequestId(), prescription, priorDose));
        }
    }

    record Operator(RequestKind kind) implements Action {
        public void applyTo(KernelSession s) {
            long id = s.harness().nextRequestId();
            s.decide(switch (kind) {
                case START -> Request.start(id);
                case PAUSE -> Request.pause(id);
                case RESUME -> Request.resume(id);
                case STOP -> Request.stop(id);
                case ACKNOWLEDGE -> Request.acknowledge(id);
                case SYSTEM_STOP -> Request.systemStop(id, Reason.RECORDING_FAILED);
                case ARM -> throw new IllegalArgumentException("ARM carries a prescription");
            });
        }
    }

    /** An operator's usual course: arm, wait for contact to be confirmed, start. */
    record Treat(Arm arm) implements Action {
        public void applyTo(KernelSession s) {
            arm.applyTo(s);
            new Advance(s.harness().profile().contactConfirmMillis() + 10).applyTo(s);
            new Operator(RequestKind.START).applyTo(s);
        }
    }

    /** The electrode is put back, and once contact is confirmed the operator resumes. */
    record ReattachAndResume() implements Action {
        public void applyTo(KernelSession s) {
            s.harness().stage().attach();
            new Advance(s.harness().profile().contactConfirmMillis() + 10).applyTo(s);
            new Operator(RequestKind.RESUME).applyTo(s);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The electrodes and the stage

    record Detach() implements Action {
        public void applyTo(KernelSession s) {
            s.harness().stage().detach();
        }
    }

    record Attach() implements Action {
        public void applyTo(KernelSession s) {
            s.harness().stage().attach();
        }
    }

    record Load(int ohms) implements Action {
        public void applyTo(KernelSession s) {
            s.load(ohms);
        }
    }

    /** The resistance drifts (skin drying or wetting), 1.5 kΩ per tick at most: no jump. */
    record LoadDrift(int ohms) implements Action {
        public void applyTo(KernelSession s) {
            int step = 1_500;
            int current = s.loadOhms();
            while (current != ohms) {
                current = current < ohms ? Math.min(ohms, current + step) : Math.max(ohms, current - step);
                s.load(current);
                s.tick();
            }
        }
    }

    record Runaway(int extraMicroamps) implements Action {
        public void applyTo(KernelSession s) {
            s.runaway(extraMicroamps);
        }
    }

    record SensorOffset(int microamps) implements Action {
        public void applyTo(KernelSession s) {
            s.offset(microamps);
        }
    }

    record SensorStuck(int microamps) implements Action {
        public void applyTo(KernelSession s) {
            s.stuck(microamps);
        }
    }

    record Dead() implements Action {
        public void applyTo(KernelSession s) {
            s.harness().stage().dead(true);
        }
    }

    record Frozen() implements Action {
        public void applyTo(KernelSession s) {
            s.frozen(true);
        }
    }

    record FaultFlag(int flag) implements Action {
        public void applyTo(KernelSession s) {
            s.harness().stage().flags(flag);
        }
    }

    record Repair() implements Action {
        public void applyTo(KernelSession s) {
            s.repair();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Time

    record Advance(int millis) implements Action {
        public void applyTo(KernelSession s) {
            for (int i = 0; i < millis; i++) {
                s.tick();
            }
        }
    }

    record Gap(int micros) implements Action {
        public void applyTo(KernelSession s) {
            s.tickAfter(micros);
        }
    }

    record Backwards(int micros) implements Action {
        public void applyTo(KernelSession s) {
            s.tickAt(s.harness().now() - micros, m -> { });
        }
    }

    record FutureSample() implements Action {
        public void applyTo(KernelSession s) {
            long next = s.harness().now() + KernelHarness.PERIOD;
            s.tickAt(next, m -> m.set(next + 1, m.currentMicroamps(), m.electrodeMillivolts(), m.impedanceOhms(),
                    m.statusFlags()));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Generators

    /** Sequences of up to {@code maxLength} actions. */
    static Gen<List<Action>> sequences(int maxLength) {
        return SourceDSL.lists().of(actions()).ofSizeBetween(1, maxLength);
    }

    /**
     * Mostly a sound course of treatment (requests, time, the electrodes), with a stage or time fault now
     * and then: too many faults and every sequence would sit in FAULT and explore nothing else.
     */
    @SuppressWarnings("unchecked")
    static Gen<Action> actions() {
        return Generate.frequency(
                of(30, advance()),
                of(12, validArms().map(Treat::new)),
                of(4, validArm()),
                of(3, invalidArm()),
                of(4, operator(RequestKind.START)),
                of(4, operator(RequestKind.PAUSE)),
                of(4, operator(RequestKind.RESUME)),
                of(3, operator(RequestKind.STOP)),
                of(5, operator(RequestKind.ACKNOWLEDGE)),
                of(1, operator(RequestKind.SYSTEM_STOP)),
                of(3, Generate.constant(new Detach())),
                of(2, Generate.constant(new Attach())),
                of(3, Generate.constant(new ReattachAndResume())),
                of(3, Generate.pick(List.of(250, 300, 2_000, 3_999, 4_000, 6_001, 20_000, 50_000, 80_000))
                        .map(Load::new)),
                of(5, Generate.pick(List.of(2_000, 12_000, 25_000, 40_000, 45_000, 50_000)).map(LoadDrift::new)),
                of(4, Generate.constant(new Repair())),
                of(4, faults()));
    }

    /** A stage, sensor or time fault. */
    @SuppressWarnings("unchecked")
    private static Gen<Action> faults() {
        return Generate.frequency(
                of(1, Generate.pick(List.of(20, 21, 45, 250, 300, 3_000)).map(Runaway::new)),
                of(1, Generate.pick(List.of(-300, -100, 40, 300)).map(SensorOffset::new)),
                of(1, Generate.pick(List.of(-1, 0, 15, 25, 5_000)).map(SensorStuck::new)),
                of(1, Generate.constant(new Dead())),
                of(1, Generate.constant(new Frozen())),
                of(1, Generate.pick(List.of(StatusFlags.HARDWARE_FAULT, StatusFlags.HARDWARE_OVERCURRENT,
                        StatusFlags.LINK_FAULT, StatusFlags.DATA_FAULT, StatusFlags.FIRMWARE_WATCHDOG,
                        StatusFlags.DRIVER_EXCEPTION, StatusFlags.SELF_TEST_FAILED)).map(FaultFlag::new)),
                of(1, Gens.ints(2_000, 15_000).map(Gap::new)),
                of(1, Gens.ints(1, 200_000).map(Backwards::new)),
                of(1, Generate.constant(new FutureSample())));
    }

    private static Gen<Action> operator(RequestKind kind) {
        return Generate.constant(new Operator(kind));
    }

    @SuppressWarnings("unchecked")
    private static Gen<Action> advance() {
        return Generate.frequency(of(5, Gens.ints(1, 50)), of(4, Gens.ints(50, 600)), of(1, Gens.ints(600, 3_000)))
                .map(Advance::new);
    }

    /** A drug and the electrode that delivers it. */
    private record DrugAt(String drug, Polarity electrode) {
    }

    private static final List<DrugAt> VALID_DRUGS = List.of(
            new DrugAt(DrugTable.DEXAMETHASONE, Polarity.CATHODE), new DrugAt(DrugTable.LIDOCAINE, Polarity.ANODE),
            new DrugAt(DrugTable.ACETIC_ACID, Polarity.CATHODE), new DrugAt(DrugTable.TAP_WATER, Polarity.ANODE),
            new DrugAt(DrugTable.TAP_WATER, Polarity.CATHODE));

    /**
     * Prescriptions the profile accepts (unless their prior dose already reaches them): the target up to
     * 4 mA, the electrode at or above the density ceiling, ramps of 0.1 to 3 s, dose up to the cap or a
     * duration whose target × duration fits under the cap.
     */
    private static Gen<Arm> validArms() {
        Gen<long[]> numbers = Gens.ints(1, 4_000).zip(Generate.pick(List.of(0, 0, 1, 7, 500, 3_000)),
                Gens.ints(100, 3_000), (target, extraArea, ramp) -> new long[] {target, extraArea, ramp});
        Gen<long[]> ending = Generate.booleans().zip(Gens.longs(1, CAP), Generate.pick(List.of(0L, 0L, 0L, 1_000L,
                CAP / 2, CAP - 1)), (timed, amount, prior) -> new long[] {timed ? 1 : 0, amount, prior});
        Gen<String> ids = Generate.pick(List.of("T1", "T2", "T3"));
        return numbers.zip(ending, Generate.pick(VALID_DRUGS), ids, (n, e, drug, id) -> {
            int target = (int) n[0];
            int area = (target + 4) / 5 + (int) n[1];
            Prescription.Builder rx = Prescription.builder(id).drug(drug.drug()).activeElectrode(drug.electrode())
                    .targetMicroamps(target).electrodeAreaMm2(area).rampMillis((int) n[2]);
            long prior = e[2];
            long longest = Math.min(5_000, (CAP - prior) / target);
            if (e[0] == 1 && longest >= 100) {
                rx.durationMillis(100 + e[1] % (longest - 99));
            } else {
                rx.doseMicroampMillis(e[1]);
            }
            return new Arm(rx.build(), prior);
        });
    }

    private static Gen<Action> validArm() {
        return validArms().map(arm -> arm);
    }

    /** A valid prescription with one thing wrong. */
    private static Gen<Action> invalidArm() {
        return validArms().zip(Gens.ints(0, 8), (arm, mistake) -> {
            Prescription rx = arm.prescription();
            Prescription.Builder b = Prescription.builder(rx.treatmentId()).drug(rx.drug())
                    .activeElectrode(rx.activeElectrode()).targetMicroamps(rx.targetMicroamps())
                    .electrodeAreaMm2(rx.electrodeAreaMm2()).rampMillis(rx.rampMillis()).doseMicroampMillis(CAP);
            long prior = 0;
            switch (mistake) {
                case 0 -> b.targetMicroamps(0);
                case 1 -> b.targetMicroamps(4_001).electrodeAreaMm2(1_000);
                case 2 -> b.electrodeAreaMm2((rx.targetMicroamps() + 4) / 5 - 1);
                case 3 -> b.rampMillis(99);
                case 4 -> b.drug(DrugTable.LIDOCAINE).activeElectrode(Polarity.CATHODE);
                case 5 -> b.drug("aspirin");
                case 6 -> b.doseMicroampMillis(CAP + 1);
                case 7 -> prior = -1;
                default -> {
                    return new Arm(null, 0);
                }
            }
            return (Action) new Arm(b.build(), prior);
        });
    }
}
