package org.galvani.app.demo;

import org.galvani.app.profile.DemoProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.galvani.app.cli.OptionValues;
import org.galvani.app.config.ConfigOption;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.ledger.DataDirOption;
import org.galvani.app.ledger.SqliteLedger;
import org.galvani.app.report.SessionReportFile;
import org.galvani.app.scenario.Scenario;
import org.galvani.app.scenario.ScenarioException;
import org.galvani.app.scenario.ScenarioParser;
import org.galvani.app.scenario.ScenarioSource;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.drivers.sim.FaultScript;
import org.galvani.kernel.IonCharge;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Units;
import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code galvani demo}: a complete simulated treatment through the safety kernel, in simulated time.
 * Every option has a default, so {@code galvani demo} alone runs a dexamethasone treatment with a
 * detach and an operator resume. {@code --scenario} runs a scenario file instead; options given
 * explicitly override the scenario's values (its profile and its faults excepted).
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a complete simulated treatment through the safety kernel in simulated time: arm, ramp up,"
                + " deliver, a detach and an operator resume, dose (or time) complete, ramp down.",
            "Prints a live progress line and a final summary; exit code 0 when the treatment completes,"
                + " 1 when it ends otherwise (for example in a fault), 2 for bad options or a refused prescription."},
        footer = {"", "Examples: galvani demo --current-ma 2.5 --dose-mamin 30 --detach-at-s 120",
            "          galvani demo --scenario runaway-stage",
            "          galvani demo --scenario my-scenario.yaml --speed 0",
            "          galvani demo --driver wire",
            "          galvani demo --data-dir /tmp/g && galvani sessions --data-dir /tmp/g"})
@Implements({"SRS-APP-001", "SRS-APP-002", "SRS-APP-005", "SRS-APP-011", "SRS-APP-012", "SRS-APP-035", "SRS-APP-046",
    "SRS-APP-037", "SRS-APP-038"})
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The device configuration (galvani.yaml: the driver and its settings, see"
                    + " docs/CONFIGURATION.md); default: the embedded defaults (driver sim).")
    private Path configFile;

    @Option(names = "--driver", paramLabel = "NAME",
            description = "The output stage's driver, overriding the configuration's: sim (the in-process"
                    + " simulated stage) or wire (the wire-protocol driver and a device emulator of the same plant,"
                    + " started in this process unless the configuration names the device's port).")
    private String driverName;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Runs a scenario file: a path, or the name of a shipped scenario (normal-dexamethasone,"
                    + " hyperhidrosis-tap-water, detach-and-resume, runaway-stage, partial-detach, stuck-sensor,"
                    + " late-measurement, over-temperature). Options given explicitly override its values; --profile"
                    + " and the detach options cannot be combined with it (see docs/SCENARIOS.md).")
    private String scenarioName;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "drug-delivery-patch",
            description = "Device profile: drug-delivery-patch, tap-water-hyperhidrosis, wearable-patch or bench-test (not for patients)"
                    + " (default: ${DEFAULT-VALUE}).")
    private String profileName;

    @Option(names = "--treatment-id", paramLabel = "ID",
            description = "Opaque treatment ID (default: a new one for every run, DEMO-xxxxxxxx, or the scenario's"
                    + " ID with a new suffix). The treatment is recorded in the dose ledger under it: a treatment ID"
                    + " whose dose is already delivered is refused.")
    private String treatmentId;

    @Mixin
    private DataDirOption dataDir;

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
        DemoResult result;
        try {
            result = new DemoRun(settings, console).run();
        } catch (IllegalArgumentException e) {
            // A driver's settings or a fault the chosen driver cannot take: the command line's to fix.
            throw usage(e.getMessage());
        }
        if (result.refusal() != null) {
            String prior = result.ledgerDoseMicroampMillis() == 0 ? "" : String.format(Locale.ROOT,
                    "; the dose ledger in %s counts %.4f mA·min already delivered for treatment %s (galvani sessions"
                            + " lists it)", settings.dataDir(), Units.milliampMinutes(result.ledgerDoseMicroampMillis()),
                    settings.treatmentId());
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the safety kernel refused the prescription: " + result.refusal().text() + " ("
                            + result.refusal().name() + ")" + prior);
        }
        console.summary(settings, result);
        Path report = SessionReportFile.defaultFor(settings.dataDir(), settings.treatmentId());
        try (SqliteLedger ledger = SqliteLedger.openForReading(settings.dataDir(), Clock.systemUTC())) {
            if (SessionReportFile.write(ledger, settings.treatmentId(), report, Instant.now()).isEmpty()) {
                throw new IllegalStateException("the ledger has no record of treatment " + settings.treatmentId());
            }
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("The session report could not be written to " + report + ": "
                    + e.getMessage());
            return 1;
        }
        out.println("Session report: " + report.toAbsolutePath() + " (galvani report " + settings.treatmentId()
                + " writes it again)");
        return result.completed() ? 0 : 1;
    }

    /**
     * Validates the options and fills the defaults; bad values are usage errors (exit 2). Precedence, from
     * weakest: the profile's defaults, the scenario's values, the options given explicitly.
     */
    private DemoSettings settings() {
        Scenario scenario = scenarioName == null ? null : scenario();
        DemoProfile profile = DemoProfile.byId(scenario != null ? scenario.profile() : profileName);
        if (profile == null) {
            throw usage("--profile must be one of drug-delivery-patch, tap-water-hyperhidrosis, wearable-patch;"
                    + " was '" + profileName + "'");
        }
        String drugCode = pick(drug, scenario == null ? null : scenario.drug(), profile.defaultDrug());
        IonCharge charge = profile.profile().drugs().chargeOf(drugCode);
        if (charge == null) {
            throw usage("--drug '" + drugCode + "' is not in the drug table of profile " + profile.id() + ": "
                    + profile.profile().drugs().entries().keySet());
        }
        Polarity polarity = activeElectrode != null ? polarity(activeElectrode)
                : pick(null, scenario == null ? null : scenario.activeElectrode(), defaultPolarity(charge));
        boolean timeBased = !profile.profile().allows(org.galvani.kernel.EndCriterion.DOSE);
        if (timeBased && doseMilliampMinutes != null) {
            throw usage("--dose-mamin does not apply to the time-based profile " + profile.id()
                    + "; use --duration-min");
        }
        if (!timeBased && durationMinutes != null) {
            throw usage("--duration-min does not apply to the dose-based profile " + profile.id()
                    + "; use --dose-mamin");
        }
        boolean generated = treatmentId == null;
        String id = generated ? freshTreatmentId(scenario == null ? null : scenario.treatmentId()) : treatmentId;
        if (id.isBlank()) {
            throw usage("--treatment-id must not be blank");
        }
        GalvaniConfig config = config();
        Map<String, String> simulator = new HashMap<>(profile.simulatorSettings());
        if (scenario != null) {
            simulator.putAll(scenario.simulator());
        }
        return new DemoSettings(profile, id, drugCode, polarity,
                positive("--current-ma", pick(currentMilliamps, scenario == null ? null : scenario.currentMilliamps(),
                        profile.defaultCurrentMilliamps())),
                positive("--area-cm2", pick(areaCm2, scenario == null ? null : scenario.areaCm2(),
                        profile.defaultAreaSquareCentimetres())),
                timeBased ? 0.0 : positive("--dose-mamin", pick(doseMilliampMinutes,
                        scenario == null ? null : scenario.doseMilliampMinutes(), profile.defaultDoseMilliampMinutes())),
                timeBased ? positive("--duration-min", pick(durationMinutes,
                        scenario == null ? null : scenario.durationMinutes(), profile.defaultDurationMinutes())) : 0.0,
                positive("--ramp-s", pick(given("--ramp-s") ? rampSeconds : null,
                        scenario == null ? null : scenario.rampSeconds(), rampSeconds)),
                simulator, scenario != null ? scenario.source() : "profile " + profile.id(),
                scenario != null ? scenario.faults() : detach(),
                atLeastZero("--resume-after-s", pick(given("--resume-after-s") ? resumeAfterSeconds : null,
                        scenario == null ? null : scenario.resumeAfterSeconds(), resumeAfterSeconds)),
                scenario != null && Boolean.TRUE.equals(scenario.acknowledgeFaults()),
                atLeastZero("--speed", speed),
                !noProgress,
                scenario == null ? null : scenario.source(),
                config, dataDir.resolve(config), generated);
    }

    /** The configuration file, or the embedded defaults, with --driver applied; a bad file is a usage error. */
    private GalvaniConfig config() {
        GalvaniConfig config = ConfigOption.load(configFile, spec.commandLine());
        if (driverName == null) {
            return config;
        }
        DriverRegistry drivers = DriverRegistry.load(DemoCommand.class.getClassLoader());
        if (!drivers.providers().containsKey(driverName)) {
            throw usage("--driver '" + driverName + "' is not on the class path; available: "
                    + String.join(", ", drivers.providers().keySet()));
        }
        return config.withDriver(driverName);
    }

    /** The scenario named by --scenario; a bad file is a usage error naming its file, line and column. */
    private Scenario scenario() {
        for (String option : new String[] {"--profile", "--no-detach", "--detach-at-s", "--detach-for-s"}) {
            if (given(option)) {
                throw usage(option + " cannot be combined with --scenario: the scenario sets the profile and its faults");
            }
        }
        try {
            return ScenarioSource.load(scenarioName, new ScenarioParser(DemoStage.provider()));
        } catch (ScenarioException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * A new treatment ID for a demo run without --treatment-id, so that the demo can be run again (a
     * treatment ID whose dose was delivered is refused): the scenario's ID, or DEMO, with a random suffix.
     */
    @Implements("SRS-APP-038")
    static String freshTreatmentId(String base) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return (base == null || base.isBlank() ? "DEMO" : base.trim()) + "-" + suffix;
    }

    /** The detach of the options: at --detach-at-s, for --detach-for-s, unless --no-detach. */
    private FaultScript detach() {
        if (noDetach) {
            return FaultScript.none();
        }
        long at = Math.round(atLeastZero("--detach-at-s", detachAtSeconds) * 1e6);
        long length = Math.round(positive("--detach-for-s", detachForSeconds) * 1e6);
        return FaultScript.builder().add(FaultKind.DETACH, at, at + length).build();
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The option's value if given, else the scenario's, else the fallback. */
    private static <T> T pick(T option, T scenario, T fallback) {
        return option != null ? option : scenario != null ? scenario : fallback;
    }

    private static Polarity defaultPolarity(IonCharge charge) {
        return charge == IonCharge.NEGATIVE ? Polarity.CATHODE : Polarity.ANODE;
    }

    private Polarity polarity(String value) {
        return OptionValues.polarity(spec.commandLine(), "--active-electrode", value);
    }

    private double positive(String option, double value) {
        return OptionValues.positive(spec.commandLine(), option, value);
    }

    private double atLeastZero(String option, double value) {
        return OptionValues.atLeastZero(spec.commandLine(), option, value);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
