package org.galvani.drivers.tck;

/**
 * The sentences of the driver SPI's Javadoc that the kit's checks enforce, quoted in every failure so that
 * a vendor sees which promise the driver broke. {@code ObligationQuotesTest} keeps them word for word.
 */
enum Obligation {

    OPEN_DISABLED("open()", "Connects to the stage and leaves its output disabled."),
    OUTPUT_SAFE_HONEST("OutputStageDriver", "OUTPUT_SAFE only when the output is really disabled."),
    CAPABILITIES_STABLE("capabilities()", "What the stage can do. Must not change after open()."),
    LATEST_READING("sample()", "Fills into with the latest reading at (or before) nowMicros."),
    STAMP_AT_SAMPLING_TIME("OutputStageDriver",
            "Stamp each reading with its sampling time on the runtime's clock (nowMicros of the call that sampled it)."),
    NEVER_RESTAMP("OutputStageDriver",
            "A reading that is not fresh keeps its old time: the kernel's watchdog then notices. Never re-stamp an old value."),
    APPLY_UNTIL_NEXT_CALL("apply()", "Applies the kernel's command until the next call."),
    APPLY_EXACTLY("OutputStageDriver", "Apply exactly the commanded setpoint, polarity and enable state; never raise"
            + " current on the driver's own initiative."),
    MAGNITUDES("OutputStageDriver",
            "Report what is measured, not what was commanded; report current and voltage as magnitudes."),
    CLOSE_DISABLES("close()", "Disables the output and releases the stage. Never throws."),
    SAFE_DISABLE("safeDisable()", "Disables the output at once. Idempotent, never throws, callable from any thread."),
    SAFE_DISABLE_CONCURRENT("OutputStageDriver", "safeDisable() may be called from any thread at any time, also"
            + " concurrently with the loop, and must then disable the output within one period."),
    FAULT_FLAGS("OutputStageDriver", "Set StatusFlags fault bits for every fault the stage detects"),
    CLAIMED_FAULTS("DriverCapabilities", "the StatusFlags fault bits the driver raises when it detects that fault class"),
    SELF_TEST("selfTest()", "Checks the stage's own measurement and disable paths (for example a reference reading,"
            + " a relay read-back, the firmware's own checks) without changing the output"),
    NO_THROW("OutputStageDriver", "Do not throw from sample/apply in normal operation");

    private final String where;
    private final String sentence;

    Obligation(String where, String sentence) {
        this.where = where;
        this.sentence = sentence;
    }

    /** The quoted sentence, as the SPI's Javadoc says it (markup removed). */
    String sentence() {
        return sentence;
    }

    /** A failure message: which promise, where, and what the kit saw. */
    String violated(String what) {
        return "SPI obligation violated (" + where + ": \"" + sentence + "\"): " + what;
    }
}
