package org.galvani.app.run;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.galvani.app.cli.OptionValues;
import org.galvani.app.config.ConfigOption;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.config.OpcUaSettings;
import org.galvani.app.ledger.DataDirOption;
import org.galvani.app.profile.DemoProfile;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code galvani run}: the long-running device mode. The configured driver under the safety kernel's
 * runtime in real time, the dose ledger in the data directory, and an operator console on standard
 * input; optionally one treatment armed and started at start-up, for scripts.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the device: the configured driver under the safety kernel in real time (1 kHz), the dose ledger"
                + " in --data-dir, and an operator console on standard input (one command a line: arm, start, pause,"
                + " resume, stop, ack, status, quit, help; each answered with the kernel's decision and reason).",
            "Unless --no-opcua it serves the device over OPC UA at opc.tcp://HOST:4840/galvani (users from the"
                + " configuration and GALVANI_<ROLE>_PASSWORD; every call recorded in the ledger; docs/OPCUA.md).",
            "A progress bar shows while a treatment runs. Ctrl-C (SIGINT or SIGTERM) or 'quit' ends any treatment"
                + " with a ramp-down, waits for the output to reach zero, closes the driver and the ledger and exits.",
            "Exit codes: 0 a clean shutdown (quit, Ctrl-C, or --exit-when-done after the treatment completed);"
                + " 1 the device could not run (driver or ledger), the start-up treatment did not start in time, or"
                + " with --exit-when-done it ended otherwise than complete; 2 bad options, or the kernel refused the"
                + " start-up treatment (for example its dose is already delivered)."},
        footer = {"", "Examples: galvani run --config galvani.yaml",
            "          galvani run --config galvani.yaml --treatment-id T-17 --drug dexamethasone-sodium-phosphate"
                + " --current-ma 2 --area-cm2 10 --dose-mamin 40 --start --exit-when-done",
            "Console:  arm T-17 drug=dexamethasone-sodium-phosphate current-ma=2 area-cm2=10 dose-mamin=40 ramp-s=30"})
@Implements({"SRS-APP-050", "SRS-APP-052", "SRS-APP-002", "SRS-APP-071"})
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The device configuration (galvani.yaml: the driver and its settings, see"
                    + " docs/CONFIGURATION.md); default: the embedded defaults (driver sim).")
    private Path configFile;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "drug-delivery-patch",
            description = "Device profile: drug-delivery-patch, tap-water-hyperhidrosis, wearable-patch or bench-test"
                    + " (the bench only, never a patient) (default: ${DEFAULT-VALUE}).")
    private String profileName;

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--stage-hold-ms", paramLabel = "MS", defaultValue = "" + KernelRuntime.DEFAULT_STAGE_HOLD_MILLIS,
            description = "How long the output stage may keep driving after the host goes silent, until its own"
                    + " watchdog disables it (ms, 0 to " + KernelRuntime.MAX_STAGE_HOLD_MILLIS + "): after a crash the"
                    + " ledger counts the most current that can flow in this time (default: ${DEFAULT-VALUE}).")
    private int stageHoldMillis;

    @Option(names = "--realtime-priority", paramLabel = "N", defaultValue = "0",
            description = "Runs the control loop's thread under Linux real-time FIFO scheduling at priority N (1 to 99),"
                    + " so that the gateway, the ledger and other processes cannot delay its ticks; needs CAP_SYS_NICE."
                    + " The device does not run if it cannot be set. 0: normal priority (default: ${DEFAULT-VALUE}).")
    private int realtimePriority;

    @Option(names = "--no-progress", description = "Do not print the progress bar.")
    private boolean noProgress;

    @Option(names = "--no-console", description = "Do not read commands from standard input (a service without an"
            + " operator at the terminal; requests come from the start-up options and other sources).")
    private boolean noConsole;

    @Option(names = "--progress-every-s", paramLabel = "S", defaultValue = "5",
            description = "Seconds between progress lines when standard output is not a terminal (default: ${DEFAULT-VALUE}).")
    private double progressEverySeconds;

    @Option(names = "--treatment-id", paramLabel = "ID",
            description = "Arms this treatment at start-up (needs --drug, --current-ma, --area-cm2 and --dose-mamin"
                    + " or --duration-min); the ledger's dose for it counts towards its prescription and cap.")
    private String treatmentId;

    @Option(names = "--drug", paramLabel = "CODE", description = "The start-up treatment's drug code.")
    private String drug;

    @Option(names = "--current-ma", paramLabel = "MA", description = "The start-up treatment's target current in mA.")
    private Double currentMilliamps;

    @Option(names = "--area-cm2", paramLabel = "CM2", description = "The start-up treatment's electrode area in cm².")
    private Double areaCm2;

    @Option(names = "--dose-mamin", paramLabel = "MAMIN", description = "The start-up treatment's dose in mA·min.")
    private Double doseMilliampMinutes;

    @Option(names = "--duration-min", paramLabel = "MIN",
            description = "The start-up treatment's output time in minutes (time-based profiles).")
    private Double durationMinutes;

    @Option(names = "--ramp-s", paramLabel = "S", description = "The start-up treatment's ramp in seconds (default: 30).")
    private Double rampSeconds;

    @Option(names = "--active-electrode", paramLabel = "POLARITY",
            description = "anode or cathode (default: the polarity that delivers the drug's ion).")
    private String activeElectrode;

    @Option(names = "--start", description = "Starts the start-up treatment once electrode contact is confirmed,"
            + " retrying refusals until --start-timeout-s.")
    private boolean start;

    @Option(names = "--start-timeout-s", paramLabel = "S", defaultValue = "30",
            description = "How long --start retries (default: ${DEFAULT-VALUE}).")
    private double startTimeoutSeconds;

    @Option(names = "--exit-when-done", description = "Shuts down once the started treatment has ended (exit code 0"
            + " when it completed).")
    private boolean exitWhenDone;

    @Option(names = "--opcua-port", paramLabel = "PORT",
            description = "The OPC UA gateway's TCP port (default: the configuration's opcua.port, else 4840).")
    private Integer opcuaPort;

    @Option(names = "--opcua-host", paramLabel = "HOST",
            description = "The address the OPC UA gateway binds to and names in its endpoint opc.tcp://HOST:PORT/galvani"
                    + " (default: the configuration's opcua.host, else 0.0.0.0: every interface).")
    private String opcuaHost;

    @Option(names = "--insecure", description = "Also offer the OPC UA None security policy (no signing, no"
            + " encryption; passwords stay encrypted): for a lab bench, never on a clinic network.")
    private boolean insecure;

    @Option(names = "--no-opcua", description = "Do not start the OPC UA gateway (docs/OPCUA.md).")
    private boolean noOpcua;

    @Override
    public Integer call() {
        RunSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader console = noConsole ? null : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new DeviceMode(settings, out).run(console);
    }

    /** The options, checked; a bad one is a usage error naming it. */
    RunSettings settings() {
        DemoProfile profile = DemoProfile.byId(profileName);
        if (profile == null) {
            throw usage("--profile must be drug-delivery-patch, tap-water-hyperhidrosis, wearable-patch or bench-test,"
                    + " was '" + profileName + "'");
        }
        OptionValues.positive(spec.commandLine(), "--progress-every-s", progressEverySeconds);
        OptionValues.positive(spec.commandLine(), "--start-timeout-s", startTimeoutSeconds);
        TreatmentOrder order = startupOrder();
        if (start && order == null) {
            throw usage("--start needs a start-up treatment: --treatment-id and its prescription");
        }
        if (exitWhenDone && !start) {
            throw usage("--exit-when-done needs --start");
        }
        if (stageHoldMillis < 0 || stageHoldMillis > KernelRuntime.MAX_STAGE_HOLD_MILLIS) {
            throw usage("--stage-hold-ms must be from 0 to " + KernelRuntime.MAX_STAGE_HOLD_MILLIS + ", was "
                    + stageHoldMillis);
        }
        if (realtimePriority != 0 && (realtimePriority < RealtimeScheduling.MIN_PRIORITY
                || realtimePriority > RealtimeScheduling.MAX_PRIORITY)) {
            throw usage("--realtime-priority must be from " + RealtimeScheduling.MIN_PRIORITY + " to "
                    + RealtimeScheduling.MAX_PRIORITY + " (0: normal priority), was " + realtimePriority);
        }
        GalvaniConfig config = ConfigOption.load(configFile, spec.commandLine());
        OpcUaSettings opcua = opcua(config);
        return new RunSettings(config, profile, dataDir.resolve(config), !noProgress, System.console() != null,
                Math.round(progressEverySeconds * 1_000), order, start, Math.round(startTimeoutSeconds * 1_000),
                exitWhenDone, stageHoldMillis, opcua, realtimePriority);
    }

    /** The gateway's settings: the configuration's, with the options' overrides; null with --no-opcua. */
    @Implements("SRS-APP-064")
    private OpcUaSettings opcua(GalvaniConfig config) {
        if (noOpcua) {
            if (opcuaPort != null || opcuaHost != null || insecure) {
                throw usage("--no-opcua cannot be combined with --opcua-port, --opcua-host or --insecure");
            }
            return null;
        }
        if (opcuaPort != null && (opcuaPort < 1 || opcuaPort > 65_535)) {
            throw usage("--opcua-port must be from 1 to 65535, was " + opcuaPort);
        }
        if (opcuaHost != null && opcuaHost.isBlank()) {
            throw usage("--opcua-host must not be blank");
        }
        return config.opcua().overriddenBy(opcuaHost == null ? null : opcuaHost.trim(), opcuaPort, insecure);
    }

    private TreatmentOrder startupOrder() {
        if (treatmentId == null) {
            for (String option : new String[] {"--drug", "--current-ma", "--area-cm2", "--dose-mamin", "--duration-min",
                "--ramp-s", "--active-electrode"}) {
                if (given(option)) {
                    throw usage(option + " needs --treatment-id");
                }
            }
            return null;
        }
        if (treatmentId.isBlank() || treatmentId.chars().anyMatch(Character::isWhitespace)) {
            throw usage("--treatment-id must not be blank or contain spaces, was '" + treatmentId + "'");
        }
        if (drug == null || drug.isBlank()) {
            throw usage("--treatment-id needs --drug");
        }
        if ((doseMilliampMinutes == null) == (durationMinutes == null)) {
            throw usage("--treatment-id needs exactly one of --dose-mamin and --duration-min");
        }
        return new TreatmentOrder(treatmentId, drug.trim(), positive("--current-ma", currentMilliamps),
                positive("--area-cm2", areaCm2),
                doseMilliampMinutes == null ? 0.0 : positive("--dose-mamin", doseMilliampMinutes),
                durationMinutes == null ? 0.0 : positive("--duration-min", durationMinutes),
                rampSeconds == null ? TreatmentOrder.DEFAULT_RAMP_SECONDS : positive("--ramp-s", rampSeconds),
                activeElectrode == null ? null
                        : OptionValues.polarity(spec.commandLine(), "--active-electrode", activeElectrode));
    }

    private double positive(String option, Double value) {
        if (value == null) {
            throw usage("--treatment-id needs " + option);
        }
        return OptionValues.positive(spec.commandLine(), option, value);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
