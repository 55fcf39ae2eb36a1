package org.galvani.app.run;

import java.nio.file.Path;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.config.OpcUaSettings;
import org.galvani.app.profile.DemoProfile;

/**
 * What {@code galvani run} was asked to do, checked by the command.
 *
 * @param config             the device configuration (driver and settings)
 * @param profile            the device profile the kernel enforces
 * @param dataDir            where the ledger is kept
 * @param progress           whether to print progress lines
 * @param interactive        whether standard output is a terminal (one updating line) or not (a line every
 *                           {@code progressEveryMillis})
 * @param progressEveryMillis the interval of progress lines when not interactive
 * @param startup            a treatment to arm at start-up, or null
 * @param start              whether to start the start-up treatment once contact is confirmed
 * @param startTimeoutMillis how long refusals of that start are retried
 * @param exitWhenDone       whether to shut down once the start-up treatment has ended
 * @param stageHoldMillis    how long the stage may keep driving after the host goes silent (ms), for the
 *                           ledger's count of a treatment a crash interrupted
 * @param opcua              the OPC UA gateway's settings (the configuration's with the options' overrides),
 *                           or null for none ({@code --no-opcua})
 * @param realtimePriority   the control loop's SCHED_FIFO priority (1 to 99), or 0 to leave it at normal priority
 */
record RunSettings(GalvaniConfig config, DemoProfile profile, Path dataDir, boolean progress, boolean interactive,
                   long progressEveryMillis, TreatmentOrder startup, boolean start, long startTimeoutMillis,
                   boolean exitWhenDone, int stageHoldMillis, OpcUaSettings opcua, int realtimePriority) {

    /** Settings with the control loop at normal priority. */
    RunSettings(GalvaniConfig config, DemoProfile profile, Path dataDir, boolean progress, boolean interactive,
                long progressEveryMillis, TreatmentOrder startup, boolean start, long startTimeoutMillis,
                boolean exitWhenDone, int stageHoldMillis, OpcUaSettings opcua) {
        this(config, profile, dataDir, progress, interactive, progressEveryMillis, startup, start, startTimeoutMillis,
                exitWhenDone, stageHoldMillis, opcua, 0);
    }
}
