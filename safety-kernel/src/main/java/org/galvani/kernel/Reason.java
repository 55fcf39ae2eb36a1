package org.galvani.kernel;

/**
 * Why the kernel did something: the cause of a state change, a fault, or a request refusal. Every
 * value has a fixed text that user interfaces show as it is (it is the kernel's answer, not a UI's).
 */
public enum Reason {
    // Causes of ordinary transitions.
    NONE(Kind.CAUSE, "no reason"),
    OPERATOR_REQUEST(Kind.CAUSE, "requested by an operator"),
    TARGET_REACHED(Kind.CAUSE, "the ramp reached its goal"),
    DOSE_REACHED(Kind.CAUSE, "the prescribed dose is about to be reached: ramping down"),
    TIME_REACHED(Kind.CAUSE, "the prescribed duration is about to be reached: ramping down"),
    OUTPUT_AT_ZERO(Kind.CAUSE, "the ramp-down reached zero"),
    HIGH_RESISTANCE_REDUCED(Kind.CAUSE, "the output stage reached its compliance voltage: current reduced, treatment extended"),
    HIGH_RESISTANCE_PAUSED(Kind.CAUSE, "the output stage reached its compliance voltage: treatment paused"),
    CONTACT_OUT_OF_WINDOW(Kind.CAUSE, "electrode impedance left the contact window (detached or shorted)"),
    CONTACT_JUMP(Kind.CAUSE, "electrode impedance jumped faster than the contact monitor allows"),
    RECORDING_FAILED(Kind.CAUSE, "kernel events could not be recorded: treatment ended"),
    DOSE_CHECKPOINT(Kind.CAUSE, "periodic dose checkpoint"),

    // Faults (latched; output disabled).
    MEASUREMENT_STALE(Kind.FAULT, "the measurement is older than the watchdog limit"),
    TIME_BACKWARDS(Kind.FAULT, "time went backwards (tick or measurement)"),
    TICK_OVERRUN(Kind.FAULT, "the gap between ticks exceeded the tick-gap limit"),
    OVERCURRENT(Kind.FAULT, "measured current above the command plus tolerance"),
    CURRENT_WHILE_DISABLED(Kind.FAULT, "current flows while the output is disabled"),
    OUTPUT_NOT_FOLLOWING(Kind.FAULT, "the output stage does not follow the command"),
    MEASUREMENT_INVALID(Kind.FAULT, "the driver reported an invalid measurement"),
    DRIVER_FAULT(Kind.FAULT, "the driver reported a fault"),
    DOSE_CAP_REACHED(Kind.FAULT, "the hard dose cap was reached: output disabled at once"),
    INTERNAL_ERROR(Kind.FAULT, "internal error in the kernel or runtime: channel halted with output disabled"),

    // Refusals of requests.
    INVALID_STATE(Kind.REFUSED_STATE, "the request is not allowed in the current state"),
    CONTACT_NOT_CONFIRMED(Kind.REFUSED_STATE, "electrode contact is not confirmed"),
    OUTPUT_NOT_SAFE(Kind.REFUSED_STATE, "the output stage does not report a safe state"),
    REQUEST_QUEUE_FULL(Kind.REFUSED_BUSY, "too many requests are waiting: try again"),
    LEDGER_UNAVAILABLE(Kind.REFUSED_BUSY, "the dose ledger cannot be read or written: no treatment may be armed"),
    SELF_TEST_FAILED(Kind.REFUSED_STATE, "the output stage failed its self-test: no treatment may be armed"),
    CHANNEL_HALTED(Kind.REFUSED_STATE, "the channel is halted after an internal error: restart the device"),
    TREATMENT_ALREADY_COMPLETED(Kind.REFUSED_STATE, "this treatment has already completed: it is not delivered again under its ID"),
    INVALID_PRESCRIPTION(Kind.REFUSED_ARGUMENT, "the prescription is missing a value or has a value that is not positive"),
    UNKNOWN_DRUG(Kind.REFUSED_ARGUMENT, "the drug is not in the device profile's drug table"),
    END_CRITERION_NOT_ALLOWED(Kind.REFUSED_ARGUMENT, "the device profile does not allow this end criterion (dose or time)"),
    POLARITY_MISMATCH(Kind.REFUSED_ARGUMENT, "the active electrode's polarity does not fit the drug's charge"),
    TARGET_ABOVE_DEVICE_MAX(Kind.REFUSED_RANGE, "target current above the device maximum"),
    DENSITY_ABOVE_CEILING(Kind.REFUSED_RANGE, "current density (target / electrode area) above the ceiling"),
    DOSE_ABOVE_CAP(Kind.REFUSED_RANGE, "prescribed dose above the hard dose cap"),
    RAMP_TOO_SHORT(Kind.REFUSED_RANGE, "ramp duration below the configured minimum"),
    DURATION_OUT_OF_RANGE(Kind.REFUSED_RANGE, "treatment duration outside the device profile's range"),
    DOSE_ALREADY_DELIVERED(Kind.REFUSED_RANGE, "the ledger shows this treatment's dose already delivered");

    /** What kind of reason this is; refusals are further split by what was wrong with the request. */
    public enum Kind {
        /** The cause of an ordinary transition. */
        CAUSE,
        /** A latched fault. */
        FAULT,
        /** A refused request: not allowed in the current state. */
        REFUSED_STATE,
        /** A refused request: a value outside the limits. */
        REFUSED_RANGE,
        /** A refused request: a malformed or inconsistent argument. */
        REFUSED_ARGUMENT,
        /** A refused request: the runtime is busy. */
        REFUSED_BUSY
    }

    private final Kind kind;
    private final String text;

    Reason(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /** What kind of reason this is. */
    public Kind kind() {
        return kind;
    }

    /** The fixed human-readable text. */
    public String text() {
        return text;
    }

    /** Whether this reason refuses a request. */
    public boolean isRefusal() {
        return kind != Kind.CAUSE && kind != Kind.FAULT;
    }
}
