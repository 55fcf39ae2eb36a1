package org.galvani.verification.stateful;

import org.galvani.drivers.sim.FaultKind;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.quicktheories.core.stateful.Command;

/**
 * One step of a generated sequence: an operator's request, the electrodes, an injected fault or the
 * passing of time. Each takes a fixed stretch of simulated time ({@link #micros()}, a multiple of the
 * control period apart from jitter and gaps, which are part of the step), so the {@link Plan} can script the
 * stage before the run. Each is a record, so a failing sequence prints readably.
 */
sealed interface Step extends Command<SimWorld, Model> {

    int PERIOD = SimWorld.PERIOD;

    /** The simulated time the step takes (µs): one control period unless the step says otherwise. */
    default long micros() {
        return PERIOD;
    }

    /** How many ticks it runs: one unless the step says otherwise. */
    default long ticks() {
        return 1;
    }

    /** How many requests it submits (each is decided in its tick). */
    default long requests() {
        return 0;
    }

    /** Adds what the step does to the stage to the plan; the step begins at {@code startMicros}. */
    default void schedule(Plan plan, long startMicros) {
    }

    @Override
    default Model nextState(Model state) {
        return state.after(this);
    }

    /** An operator arms a prescription (valid or not); decided in one tick. */
    record Arm(Prescription prescription) implements Step {
        @Override
        public long requests() {
            return 1;
        }

        public void run(SimWorld world) {
            world.arm(prescription);
            world.tick();
        }

        @Override
        public String toString() {
            return "Arm[" + prescription + "]";
        }
    }

    /** START, PAUSE, RESUME, STOP or ACKNOWLEDGE; decided in one tick. */
    record Ask(RequestKind kind) implements Step {
        @Override
        public long requests() {
            return 1;
        }

        public void run(SimWorld world) {
            world.request(kind);
            world.tick();
        }
    }

    /** The usual course: arm, wait until contact can be confirmed, start. */
    record Treat(Prescription prescription, int waitMillis) implements Step {
        public long micros() {
            return (2L + waitMillis) * PERIOD;
        }

        public long ticks() {
            return 2L + waitMillis;
        }

        @Override
        public long requests() {
            return 2;
        }

        public void run(SimWorld world) {
            new Arm(prescription).run(world);
            new Wait(waitMillis, 0).run(world);
            new Ask(RequestKind.START).run(world);
        }

        @Override
        public String toString() {
            return "Treat[" + prescription + ", wait " + waitMillis + " ms, START]";
        }
    }

    /** An operator waits for the contact to settle, then resumes. */
    record WaitThenResume(int waitMillis) implements Step {
        public long micros() {
            return (1L + waitMillis) * PERIOD;
        }

        public long ticks() {
            return 1L + waitMillis;
        }

        @Override
        public long requests() {
            return 1;
        }

        public void run(SimWorld world) {
            new Wait(waitMillis, 0).run(world);
            new Ask(RequestKind.RESUME).run(world);
        }
    }

    /**
     * Time passes: {@code millis} ticks, every odd one {@code jitterMicros} late (or early), the last on
     * the grid; jitter stays well inside the tick-gap limit.
     */
    record Wait(int millis, int jitterMicros) implements Step {
        public long micros() {
            return (long) millis * PERIOD;
        }

        public long ticks() {
            return millis;
        }

        public void run(SimWorld world) {
            long start = world.now();
            for (int i = 1; i <= millis; i++) {
                long jitter = i % 2 == 1 && i < millis ? jitterMicros : 0;
                world.tickAt(start + (long) i * PERIOD + jitter);
            }
        }
    }

    /** The loop stalls: one tick {@code micros} after the previous (beyond the tick-gap limit or not). */
    record Gap(int gapMicros) implements Step {
        public long micros() {
            return gapMicros;
        }

        public long ticks() {
            return 1;
        }

        public void run(SimWorld world) {
            world.markIrregular();
            world.tickAt(world.now() + gapMicros);
        }
    }

    /** The electrodes come off for {@code millis} from the next tick on (the step itself takes one tick). */
    record Detach(int millis) implements Step {
        @Override
        public void schedule(Plan plan, long startMicros) {
            plan.detach(startMicros + 1, startMicros + 1 + (long) millis * PERIOD);
        }

        public void run(SimWorld world) {
            world.tick();
        }
    }

    /**
     * A fault of the simulator ({@link FaultKind}) from the next tick on, for {@code millis}; the step itself
     * takes one tick. A partial detach is one of them.
     */
    record Inject(FaultKind kind, long parameter, int millis) implements Step {
        @Override
        public void schedule(Plan plan, long startMicros) {
            plan.inject(kind, parameter, startMicros + 1, startMicros + 1 + (long) millis * PERIOD);
        }

        public void run(SimWorld world) {
            world.tick();
        }
    }
}
