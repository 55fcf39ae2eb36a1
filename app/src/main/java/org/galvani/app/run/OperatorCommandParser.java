package org.galvani.app.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Implements;

/**
 * Reads the operator console's language, one command a line:
 * <pre>
 * arm TREATMENT_ID drug=CODE current-ma=X area-cm2=Y (dose-mamin=Z | duration-min=M) [ramp-s=S] [electrode=anode|cathode]
 * start | pause | resume | stop | ack | status | quit | help
 * </pre>
 * A line that is not a command is refused with a message naming the word that is wrong; it never
 * becomes a request. Numbers must be finite and positive; everything else the kernel checks.
 */
@Implements("SRS-APP-051")
public final class OperatorCommandParser {

    /** The arm command's settings, in the order help lists them. */
    static final List<String> ARM_KEYS = List.of("drug", "current-ma", "area-cm2", "dose-mamin", "duration-min", "ramp-s",
            "electrode");
    /** Longest line read; a longer one is refused before it is split. */
    static final int MAX_LINE = 1_000;

    /** The command on {@code line}, or empty for a blank line. */
    public Optional<OperatorCommand> parse(String line) throws OperatorCommandException {
        if (line.length() > MAX_LINE) {
            throw new OperatorCommandException("line too long (" + line.length() + " characters, at most " + MAX_LINE + ")");
        }
        String[] words = line.trim().split("\\s+");
        if (words[0].isEmpty()) {
            return Optional.empty();
        }
        OperatorCommand.Kind kind = kind(words[0]);
        if (kind == OperatorCommand.Kind.ARM) {
            return Optional.of(new OperatorCommand(kind, order(words)));
        }
        if (words.length > 1) {
            throw new OperatorCommandException("'" + kind.word() + "' takes no arguments; unexpected '" + words[1] + "'");
        }
        return Optional.of(OperatorCommand.of(kind));
    }

    /** The console's help text. */
    public static String help() {
        return String.join(System.lineSeparator(),
                "Commands (one a line; each request is answered with the kernel's decision and reason):",
                "  arm TREATMENT_ID drug=CODE current-ma=X area-cm2=Y dose-mamin=Z|duration-min=M [ramp-s=S]"
                        + " [electrode=anode|cathode]",
                "  start | pause | resume | stop | ack   requests for the armed or running treatment",
                "  status                              the channel's state, current and dose",
                "  quit                                end any treatment with a ramp-down and shut down",
                "  help                                this text");
    }

    private static OperatorCommand.Kind kind(String word) throws OperatorCommandException {
        for (OperatorCommand.Kind kind : OperatorCommand.Kind.values()) {
            if (kind.word().equals(word.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new OperatorCommandException("unknown command '" + word + "'; known: "
                + String.join(", ", Arrays.stream(OperatorCommand.Kind.values()).map(OperatorCommand.Kind::word).toList()));
    }

    private static TreatmentOrder order(String[] words) throws OperatorCommandException {
        if (words.length < 2 || words[1].contains("=")) {
            throw new OperatorCommandException("'arm' needs the treatment ID first, then key=value settings"
                    + (words.length < 2 ? "" : "; got '" + words[1] + "'"));
        }
        String treatmentId = words[1];
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            String key = eq < 0 ? words[i] : words[i].substring(0, eq).toLowerCase(Locale.ROOT);
            if (eq <= 0 || !ARM_KEYS.contains(key)) {
                throw new OperatorCommandException("unknown setting '" + words[i] + "' for 'arm'; known: "
                        + String.join(", ", ARM_KEYS) + " (as key=value)");
            }
            if (values.put(key, words[i].substring(eq + 1)) != null) {
                throw new OperatorCommandException("setting '" + key + "' is given twice");
            }
        }
        for (String required : List.of("drug", "current-ma", "area-cm2")) {
            if (!values.containsKey(required)) {
                throw new OperatorCommandException("'arm' needs " + required + "=...");
            }
        }
        if (values.containsKey("dose-mamin") == values.containsKey("duration-min")) {
            throw new OperatorCommandException("'arm' needs exactly one of dose-mamin=... and duration-min=...");
        }
        String drug = values.get("drug");
        if (drug.isEmpty()) {
            throw new OperatorCommandException("setting 'drug' is empty");
        }
        return new TreatmentOrder(treatmentId, drug, positive(values, "current-ma"), positive(values, "area-cm2"),
                values.containsKey("dose-mamin") ? positive(values, "dose-mamin") : 0.0,
                values.containsKey("duration-min") ? positive(values, "duration-min") : 0.0,
                values.containsKey("ramp-s") ? positive(values, "ramp-s") : TreatmentOrder.DEFAULT_RAMP_SECONDS,
                values.containsKey("electrode") ? electrode(values.get("electrode")) : null);
    }

    private static double positive(Map<String, String> values, String key) throws OperatorCommandException {
        String text = values.get(key);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new OperatorCommandException("setting '" + key + "=" + text + "': '" + text + "' is not a number");
        }
        if (!Double.isFinite(value) || value <= 0) {
            throw new OperatorCommandException("setting '" + key + "=" + text + "' must be a positive number");
        }
        return value;
    }

    private static Polarity electrode(String text) throws OperatorCommandException {
        String value = text.toLowerCase(Locale.ROOT);
        if (value.equals("anode")) {
            return Polarity.ANODE;
        }
        if (value.equals("cathode")) {
            return Polarity.CATHODE;
        }
        throw new OperatorCommandException("setting 'electrode=" + text + "' must be anode or cathode");
    }
}
