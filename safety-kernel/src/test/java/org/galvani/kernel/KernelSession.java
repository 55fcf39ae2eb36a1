package org.galvani.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.galvani.kernel.testing.KernelHarness;

/**
 * A kernel on the test stage, driven by the stateful property's actions. Besides the harness's
 * invariants it checks that the delivered dose stays at or below the hard cap while the stage is
 * honest: a stage that drives current with its output disabled, a sensor that reads high or is stuck,
 * or a tick gap beyond the watchdog's limit can push the counted dose past the cap after the kernel has
 * already cut the output, which the kernel cannot prevent (SRS-KRN-014 then only asks it to latch FAULT).
 * With an honest stage and every tick one control period apart it also checks that a dose-based
 * treatment never delivers more than its prescription (SRS-KRN-013).
 */
final class KernelSession {

    private final KernelHarness harness;

    private int loadOhms = 2_000;
    private int runaway;
    private int offset;
    private Integer stuck;
    private boolean frozen;
    private boolean honestSinceArm = true;
    private boolean regularSinceArm = true;

    KernelSession(DeviceProfile profile) {
        this.harness = KernelHarness.create(profile);
    }

    KernelHarness harness() {
        return harness;
    }

    /** Stages a request and decides it in one tick. */
    void decide(Request request) {
        harness.submit(request);
        tick();
        if (request.kind() == RequestKind.ARM && harness.accepted(request.id())) {
            honestSinceArm = !misbehaving();
            regularSinceArm = true;
        }
    }

    void tick() {
        harness.tick();
        afterTick();
    }

    void tickAfter(long micros) {
        if (micros > harness.profile().tickGapLimitMicros()) {
            honestSinceArm = false;
        }
        regularSinceArm &= micros == KernelHarness.PERIOD;
        harness.tickAfter(micros);
        afterTick();
    }

    void tickAt(long micros, Consumer<Measurement> tamper) {
        regularSinceArm &= micros == harness.now() + KernelHarness.PERIOD;
        harness.tickAt(micros, tamper);
        afterTick();
    }

    /** The load's resistance (Ω): the stage's, which it does not report. */
    int loadOhms() {
        return loadOhms;
    }

    void load(int ohms) {
        loadOhms = ohms;
        harness.stage().loadOhms(ohms);
    }

    void runaway(int extraMicroamps) {
        runaway = extraMicroamps;
        harness.stage().runaway(extraMicroamps);
    }

    void offset(int microamps) {
        offset = microamps;
        harness.stage().currentOffset(microamps);
    }

    void stuck(Integer microamps) {
        stuck = microamps;
        harness.stage().stuckCurrent(microamps);
    }

    void frozen(boolean frozen) {
        this.frozen = frozen;
        harness.stage().frozen(frozen);
    }

    /** Puts every knob of the stage back to a sound, attached 2 kΩ load. */
    void repair() {
        runaway(0);
        offset(0);
        stuck(null);
        frozen(false);
        load(2_000);
        harness.stage().dead(false).flags(0).attach();
    }

    private boolean misbehaving() {
        return runaway != 0 || offset != 0 || stuck != null || frozen;
    }

    private void afterTick() {
        if (misbehaving()) {
            honestSinceArm = false;
        }
        SafetyKernel kernel = harness.kernel();
        Prescription rx = kernel.prescription();
        if (honestSinceArm && rx != null) {
            long dose = kernel.deliveredDoseMicroampMillis();
            long cap = harness.profile().hardCapMicroampMillis();
            assertTrue(dose <= cap, "dose " + dose + " uA*ms above the cap " + cap + " with an honest stage");
            if (regularSinceArm && rx.endCriterion() == EndCriterion.DOSE) {
                assertTrue(dose <= rx.doseMicroampMillis(), "dose " + dose + " uA*ms above the prescribed "
                        + rx.doseMicroampMillis() + " with an honest stage and regular ticks");
            }
        }
    }
}
