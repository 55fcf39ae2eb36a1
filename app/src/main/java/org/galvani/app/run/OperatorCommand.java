package org.galvani.app.run;

import java.util.Locale;
import org.galvani.trace.Implements;

/**
 * One line of the operator console, parsed: what the operator asks for. Requests (arm, start, pause,
 * resume, stop, ack) go to the kernel, which decides; the others are the console's own.
 *
 * @param kind  what is asked
 * @param order the treatment to arm (only for {@link Kind#ARM}), else null
 */
@Implements("SRS-APP-051")
public record OperatorCommand(Kind kind, TreatmentOrder order) {

    /** The console's words. */
    public enum Kind {
        ARM, START, PAUSE, RESUME, STOP, ACK, STATUS, QUIT, HELP;

        /** The word the operator types. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OperatorCommand {
        if (kind == null || (kind == Kind.ARM) != (order != null)) {
            throw new IllegalArgumentException("an arm command carries a treatment order, the others none");
        }
    }

    /** A command without arguments. */
    public static OperatorCommand of(Kind kind) {
        return new OperatorCommand(kind, null);
    }
}
