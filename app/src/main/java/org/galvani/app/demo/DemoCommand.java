package org.galvani.app.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.galvani.kernel.IonCharge;
import org.galvani.kernel.Polarity;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code galvani demo}: a complete simulated treatment through the safety kernel, in simulated time.
 * Every option has a default, so {@code galvani demo} alone runs a dexamethasone treatment with a
 * detach and an operator resume.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a complete simulated treatment through the safety kernel in simulated time: arm, ramp up,"
                + " deliver, a detach and an operator resume, dose (or time) complete, ramp down.",
            "Prints a live progress line and a final summary; exit code 0 when the treatment completes,"
                + " 1 when it ends otherwise (for example in a fault), 2 for bad options or a refused prescription."},
        footer = {"", "Example: galvani demo --current-ma 2.5 --dose-mamin 30 --detach-at-s 120"})
@Implements({"SRS-APP-001", "SRS-APP-002"})
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "drug-delivery-patch",
            description = "Device profile: drug-delivery-patch, tap-water-hyperhidrosis or wearable-patch"
                    + " (default: ${DEFAULT-VALUE}).")
    private String profileName;

    @Option(names = "--treatment-id", paramLabel = "ID", defaultValue = "DEMO-0001",
            description = "Opaque treatment ID (default: ${DEFAULT-VALUE}).")
    private String treatmentId;

    @Option(names = "--drug", paramLabel = "CODE",
            description = "Drug code from the profile's drug table (default: the profile's usual drug:"
                    + " dexamethasone-sodium-phosphate, tap-water, lidocaine-hcl).")
    private String drug;

    @Option(names = "--active-electrode", paramLabel = "POLARITY",
            description = "anode or cathode (default: the polarity that delivers the drug's ion).")
    private String activeElectrode;

    @Option(names = "--current-ma", paramLabel = "MA", description = "Target current in mA (default: 3.0; 12 for"
            + " tap water; 0.4 for the wearable patch).")
    private Double currentMilliamps;

    @Option(names = "--area-cm2", paramLabel = "CM2", description = "Active electrode area in cm² (default: 10;"
            + " 300 for tap water; 5 for the wearable patch).")
    private Double areaCm2;

    @Option(names = "--dose-mamin", paramLabel = "MAMIN", description = "Prescribed dose in mA·min, for dose-based"
            + " profiles (default: 40; 20 for the wearable patch).")
    private Double doseMilliampMinutes;

    @Option(names = "--duration-min", paramLabel = "MIN", description = "Prescribed output time in minutes, for the"
            + " time-based tap-water profile (default: 15).")
    private Double durationMinutes;

    @Option(names = "--ramp-s", paramLabel = "S", defaultValue = "30",
            description = "Ramp duration in seconds (default: ${DEFAULT-VALUE}).")
    private double rampSeconds;

    @Option(names = "--detach-at-s", paramLabel = "S", defaultValue = "300",
            description = "Simulated time in seconds at which the electrodes come off (default: ${DEFAULT-VALUE}).")
    private double detachAtSeconds;

    @Option(names = "--no-detach", description = "Run without a detach.")
    private boolean noDetach;

    @Option(names = "--detach-for-s", paramLabel = "S", defaultValue = "20",
            description = "How long the electrodes stay off, in seconds (default: ${DEFAULT-VALUE}).")
    private double detachForSeconds;

    @Option(names = "--resume-after-s", paramLabel = "S", defaultValue = "5",
            description = "How long after re-attachment the operator resumes, in seconds (default: ${DEFAULT-VALUE}).")
    private double resumeAfterSeconds;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "200",
            description = "Simulated seconds per wall-clock second; 0 runs as fast as possible"
                    + " (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--no-progress", description = "Do not print the live progress line.")
    private boolean noProgress;

    @Override
    public Integer call() {
        DemoSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        DemoConsole console = new DemoConsole(out, !noProgress, System.console() != null);
        DemoResult result = new DemoRun(settings, console).run();
        if (result.refusal() != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the safety kernel refused the prescription: " + result.refusal().text() + " ("
                            + result.refusal().name() + ")");
        }
        console.summary(settings, result);
        return result.completed() ? 0 : 1;
    }

    /** Validates the options and fills the profile's defaults; bad values are usage errors (exit 2). */
    private DemoSettings settings() {
        DemoProfile profile = DemoProfile.byId(profileName);
        if (profile == null) {
            throw usage("--profile must be one of drug-delivery-patch, tap-water-hyperhidrosis, wearable-patch;"
                    + " was '" + profileName + "'");
        }
        String drugCode = drug == null ? profile.defaultDrug() : drug;
        IonCharge charge = profile.profile().drugs().chargeOf(drugCode);
        if (charge == null) {
            throw usage("--drug '" + drugCode + "' is not in the drug table of profile " + profile.id() + ": "
                    + profile.profile().drugs().entries().keySet());
        }
        Polarity polarity = activeElectrode == null ? defaultPolarity(charge) : polarity(activeElectrode);
        boolean timeBased = !profile.profile().allows(org.galvani.kernel.EndCriterion.DOSE);
        if (timeBased && doseMilliampMinutes != null) {
            throw usage("--dose-mamin does not apply to the time-based profile " + profile.id()
                    + "; use --duration-min");
        }
        if (!timeBased && durationMinutes != null) {
            throw usage("--duration-min does not apply to the dose-based profile " + profile.id()
                    + "; use --dose-mamin");
        }
        if (treatmentId == null || treatmentId.isBlank()) {
            throw usage("--treatment-id must not be blank");
        }
        return new DemoSettings(profile, treatmentId, drugCode, polarity,
                positive("--current-ma", orDefault(currentMilliamps, profile.defaultCurrentMilliamps())),
                positive("--area-cm2", orDefault(areaCm2, profile.defaultAreaSquareCentimetres())),
                timeBased ? 0.0 : positive("--dose-mamin", orDefault(doseMilliampMinutes, profile.defaultDoseMilliampMinutes())),
                timeBased ? positive("--duration-min", orDefault(durationMinutes, profile.defaultDurationMinutes())) : 0.0,
                positive("--ramp-s", rampSeconds),
                noDetach ? -1.0 : atLeastZero("--detach-at-s", detachAtSeconds),
                positive("--detach-for-s", detachForSeconds),
                atLeastZero("--resume-after-s", resumeAfterSeconds),
                atLeastZero("--speed", speed),
                !noProgress);
    }

    private static Polarity defaultPolarity(IonCharge charge) {
        return charge == IonCharge.NEGATIVE ? Polarity.CATHODE : Polarity.ANODE;
    }

    private Polarity polarity(String value) {
        try {
            return Polarity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--active-electrode must be anode or cathode, was '" + value + "'");
        }
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private double positive(String option, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw usage(option + " must be a positive number, was " + value);
        }
        return value;
    }

    private double atLeastZero(String option, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw usage(option + " must be zero or a positive number, was " + value);
        }
        return value;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
