package org.galvani.verification.stateful;

/**
 * What the model predicts of the runtime after each step, exactly: the simulated time of the latest tick,
 * how many ticks the channel has run, and how many requests have been decided. The last two catch a
 * channel that halts or skips a tick, and a request that is lost or left undecided; the safety
 * invariants are checked tick by tick by {@link SafetyOracle} inside each step.
 */
record Model(long timeMicros, long ticks, long decidedRequests) {

    static final Model INITIAL = new Model(0, 0, 0);

    Model after(Step step) {
        return new Model(timeMicros + step.micros(), ticks + step.ticks(), decidedRequests + step.requests());
    }
}
