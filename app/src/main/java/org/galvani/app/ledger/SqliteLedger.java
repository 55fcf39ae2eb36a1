package org.galvani.app.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.galvani.app.session.GatewayRefusal;
import org.galvani.app.session.SessionArchive;
import org.galvani.app.session.SessionEvent;
import org.galvani.app.session.SessionRecord;
import org.galvani.app.session.SessionSample;
import org.galvani.app.session.SessionSummary;
import org.galvani.kernel.EndCriterion;
import org.galvani.kernel.KernelEvent;
import org.galvani.kernel.KernelEventType;
import org.galvani.kernel.KernelState;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.port.ChannelEvent;
import org.galvani.kernel.port.DoseLedger;
import org.galvani.kernel.port.RecoveryBound;
import org.galvani.kernel.port.TreatmentArming;
import org.galvani.kernel.runtime.KernelSnapshot;
import org.galvani.opcua.CallRecord;
import org.galvani.opcua.DecidedBy;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The durable dose ledger: an embedded SQLite database ({@code galvani-ledger.db} in the data
 * directory) in WAL mode with {@code synchronous=FULL}, so that every checkpoint is on the disk when its
 * write returns. It records each treatment by its opaque ID with its prescription and crash bound, every
 * kernel event, and samples for the session report; it is also the {@link SessionArchive} they are read
 * from. Schema and recovery rule: {@code docs/LEDGER.md}.
 *
 * <p>Opening it for writing takes the data directory's lock and recovers: a treatment that never reached
 * an end state (COMPLETE or IDLE; FAULT only on a clean close, see {@link #close()}) was interrupted by a crash; it is marked recovered and counted
 * with its last checkpoint plus the most that could have flowed since ({@link RecoveryBound}).
 *
 * <p>Thread-safe (every method holds the ledger's monitor): the runtime calls it from the requesting
 * thread (read, arming) and the dispatcher (events); samples come from whoever watches the snapshots.
 * Never from the control loop.
 */
@Implements({"SRS-APP-030", "SRS-APP-031", "SRS-APP-032", "SRS-APP-033"})
public final class SqliteLedger implements DoseLedger, SessionArchive, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLedger.class);

    /** The database's file name in the data directory. */
    public static final String FILE_NAME = "galvani-ledger.db";

    /** The data directory when neither the configuration nor an option names one. */
    public static final Path DEFAULT_DATA_DIR = Path.of("galvani-data");

    /** Samples are kept at most this often per channel (runtime time, µs): 10 Hz. */
    public static final long SAMPLE_INTERVAL_MICROS = 100_000L;

    /** Samples are written in batches of this many (they are for plots, not for the dose). */
    static final int SAMPLE_BATCH = 50;

    private final Path file;
    private final Connection db;
    private final Clock clock;
    private final LedgerLock lock;
    private final List<String> recovered;
    /** ARM requests recorded but not yet decided, by channel and request ID. */
    private final Map<String, PendingArm> pendingArms = new HashMap<>();
    private final Map<String, Long> lastSampleMicros = new HashMap<>();
    private final List<PendingSample> samples = new ArrayList<>();
    private final Map<String, Integer> currentRuns = new HashMap<>();
    private long droppedSamples;
    private boolean closed;

    private SqliteLedger(Path file, Connection db, Clock clock, LedgerLock lock, List<String> recovered) {
        this.file = file;
        this.db = db;
        this.clock = clock;
        this.lock = lock;
        this.recovered = List.copyOf(recovered);
    }

    /**
     * Opens (creating if needed) the ledger in {@code dataDir} for writing: takes the directory's lock,
     * applies missing schema migrations and recovers treatments interrupted by a crash. Throws
     * {@link LedgerException} naming the file when it cannot.
     */
    public static SqliteLedger open(Path dataDir, Clock clock) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new LedgerException(dataDir + ": the ledger's data directory cannot be created: " + e.getMessage(), e);
        }
        LedgerLock lock = LedgerLock.tryAcquire(dataDir);
        if (lock == null) {
            throw new LedgerException(dataDir.resolve(FILE_NAME) + ": the ledger is in use by another Galvani process"
                    + " (its lock " + LedgerLock.FILE_NAME + " is held)");
        }
        try {
            return openLocked(dataDir.resolve(FILE_NAME), clock, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens an existing ledger to read it: like {@link #open} when no other process writes it, read-only
     * (no migration, no recovery: its treatments may still be running) when one does.
     */
    public static SqliteLedger openForReading(Path dataDir, Clock clock) {
        Path dbFile = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(dbFile)) {
            throw new LedgerException(dbFile + ": no ledger here (the file does not exist); treatments are recorded"
                    + " by commands that deliver them, for example galvani demo --data-dir " + dataDir);
        }
        LedgerLock lock = LedgerLock.tryAcquire(dataDir);
        if (lock != null) {
            try {
                return openLocked(dbFile, clock, lock);
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }
        Connection db = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(5_000);
            db = config.createConnection("jdbc:sqlite:" + dbFile);
            int version = LedgerSchema.version(db, dbFile);
            if (version != LedgerSchema.CURRENT) {
                throw new LedgerException(dbFile + ": schema version " + version + ", this Galvani reads version "
                        + LedgerSchema.CURRENT + "; it is in use by another process, so it is not migrated now");
            }
            return new SqliteLedger(dbFile, db, clock, null, List.of());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(db);
            throw failure(dbFile, e);
        }
    }

    private static SqliteLedger openLocked(Path dbFile, Clock clock, LedgerLock lock) {
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
            // Before anything writes (WAL mode changes the file's header): refuse what is not ours to change.
            LedgerSchema.refuseNewer(db, dbFile);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new LedgerException(dbFile + ": the database refused WAL mode");
                    }
                }
                // Every commit reaches the disk before it returns: a checkpoint written is a checkpoint kept.
                s.execute("PRAGMA synchronous = FULL");
            }
            LedgerSchema.migrate(db, dbFile, LedgerSchema.CURRENT, clock.millis());
            List<String> recovered = recover(db, clock.millis());
            return new SqliteLedger(dbFile, db, clock, lock, recovered);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(db);
            throw failure(dbFile, e);
        }
    }

    private static LedgerException failure(Path dbFile, Exception e) {
        if (e instanceof LedgerException) {
            return (LedgerException) e;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_NOTADB") || message.contains("not a database") || message.contains("SQLITE_CORRUPT")) {
            return new LedgerException(dbFile + ": not a Galvani ledger, or damaged (" + message + "); nothing was changed", e);
        }
        return new LedgerException(dbFile + ": the ledger cannot be opened: " + message, e);
    }

    /**
     * Marks every treatment whose run never reached an end state as recovered, and counts it with the
     * recovery bound. Returns the treatment IDs, for the log and the caller.
     */
    @Implements("SRS-APP-032")
    private static List<String> recover(Connection db, long nowMillis) throws SQLException {
        List<String> ids = new ArrayList<>();
        db.setAutoCommit(false);
        try (PreparedStatement open = db.prepareStatement("SELECT treatment_id, runs, recorded_dose, counted_dose,"
                + " max_current_microamps, checkpoint_interval_millis, stage_hold_millis FROM treatments WHERE run_open = 1");
             PreparedStatement mark = db.prepareStatement("UPDATE treatments SET run_open = 0, recovered = 1,"
                     + " counted_dose = ? WHERE treatment_id = ?");
             PreparedStatement markRun = db.prepareStatement("UPDATE runs SET recovered = 1 WHERE treatment_id = ?"
                     + " AND run = ?")) {
            try (ResultSet rs = open.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    long lastCheckpoint = Math.max(rs.getLong(3), rs.getLong(4));
                    long counted = RecoveryBound.recoveredMicroampMillis(lastCheckpoint,
                            RecoveryBound.marginMicroampMillis(rs.getInt(5), rs.getInt(6), rs.getInt(7)));
                    mark.setLong(1, counted);
                    mark.setString(2, id);
                    mark.executeUpdate();
                    markRun.setString(1, id);
                    markRun.setInt(2, rs.getInt(2));
                    markRun.executeUpdate();
                    ids.add(id);
                    LOG.warn("ledger: treatment {} (run {}) was interrupted by a crash; recovered with its dose counted"
                            + " as {} uA*ms (last checkpoint {} + the most that could have flowed since)", id,
                            rs.getInt(2), counted, lastCheckpoint);
                }
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        return ids;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The treatments this opening recovered after a crash. */
    public List<String> recoveredOnOpen() {
        return recovered;
    }

    /** Whether this ledger only reads (another process writes the data directory). */
    public boolean readOnly() {
        return lock == null;
    }

    // ---------------------------------------------------------------------------------------------
    // DoseLedger

    /** The dose the ledger counts for the treatment: its highest checkpoint, or its recovered count. */
    @Override
    @Implements("SRS-APP-035")
    public synchronized long deliveredMicroampMillis(String treatmentId) {
        if (treatmentId == null) {
            return 0L;
        }
        try (PreparedStatement s = db.prepareStatement("SELECT counted_dose FROM treatments WHERE treatment_id = ?")) {
            s.setString(1, treatmentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new LedgerException(file + ": cannot read the dose of treatment " + treatmentId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a run of the treatment ended in COMPLETE (its output ramped down to zero at its end: the
     * prescription's dose or time, or an operator's stop). A run interrupted by a crash (recovered) or ended
     * in a fault does not count: that treatment may resume.
     */
    @Override
    @Implements("SRS-APP-067")
    public synchronized boolean completed(String treatmentId) {
        if (treatmentId == null) {
            return false;
        }
        try (PreparedStatement s = db.prepareStatement("SELECT 1 FROM runs WHERE treatment_id = ?"
                + " AND end_state = 'COMPLETE' LIMIT 1")) {
            s.setString(1, treatmentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new LedgerException(file + ": cannot read whether treatment " + treatmentId + " completed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void checkpoint(String channelId, String treatmentId, long timeMicros, long deliveredMicroampMillis) {
        write("a dose checkpoint of treatment " + treatmentId, () -> raiseDose(treatmentId, deliveredMicroampMillis));
    }

    /**
     * Records the prescription and its crash bound before the kernel sees the ARM, and marks the treatment
     * as possibly delivering (a crash from here on is recovered). A treatment still running on another
     * channel is refused: its dose would be counted twice over by two kernels. A treatment that already ran
     * keeps the prescription it ran with until the kernel accepts the new one (a refused ARM, of a completed
     * treatment among others, changes nothing of its record).
     */
    @Override
    @Implements({"SRS-APP-030", "SRS-APP-067"})
    public synchronized void arming(TreatmentArming arming) {
        String id = arming.treatmentId();
        boolean[] wasOpen = {false};
        Bound[] before = {null};
        if (id != null && !id.isBlank()) {
            write("the prescription of treatment " + id, () -> {
                Row row = row(id);
                wasOpen[0] = row != null && row.runOpen();
                if (row != null && row.runOpen() && !row.channelId().equals(arming.channelId())) {
                    throw new LedgerException("treatment " + id + " is still running on channel " + row.channelId()
                            + "; it cannot be armed on channel " + arming.channelId());
                }
                if (row == null) {
                    insertTreatment(arming);
                } else if (!row.runOpen() && row.runs() == 0) {
                    updatePrescription(arming); // never ran: the latest prescription asked for is its record
                } else if (!row.runOpen()) {
                    before[0] = bound(id);
                    setBound(id, new Bound(arming.channelId(), arming.maxCurrentMicroamps(),
                            arming.checkpointIntervalMillis(), arming.stageHoldMillis()), true);
                }
            });
        }
        pendingArms.put(key(arming.channelId(), arming.requestId()), new PendingArm(arming, wasOpen[0], before[0]));
    }

    /** Records one event and, for a treatment, its run, state and dose, in one transaction. */
    @Override
    @Implements({"SRS-APP-030", "SRS-APP-032"})
    public synchronized void record(ChannelEvent event) {
        KernelEvent e = event.event();
        boolean decision = e.type() == KernelEventType.REQUEST_ACCEPTED || e.type() == KernelEventType.REQUEST_REFUSED;
        PendingArm arm = decision && event.request() == RequestKind.ARM
                ? pendingArms.remove(key(event.channelId(), e.requestId())) : null;
        // An ARM's decision belongs to the treatment it names (the kernel's event names the one before).
        String named = arm == null ? null : arm.arming().treatmentId();
        String treatmentId = named != null && !named.isBlank() ? named : e.treatmentId();
        write(event.describe(), () -> {
            Row row = treatmentId == null ? null : row(treatmentId);
            int run = row == null ? 0 : row.runs();
            if (row != null && arm != null && e.type() == KernelEventType.REQUEST_ACCEPTED) {
                run = startRun(arm.arming(), row.runs() + 1);
            } else if (row != null && arm != null && arm.before() != null) {
                // Refused: the treatment is as it was before the ARM was recorded.
                setBound(treatmentId, arm.before(), arm.wasOpen());
            } else if (row != null && arm != null) {
                // Refused: the treatment is as open as it was before the ARM was recorded.
                reopen(treatmentId, arm.wasOpen());
            }
            if (row != null && event.carriesDose()) {
                raiseDose(treatmentId, e.deliveredMicroampMillis());
            }
            if (row != null && e.type() == KernelEventType.STATE_CHANGED) {
                changeState(treatmentId, run, e.current());
            }
            insertEvent(event, treatmentId, run);
        });
        if (e.type() == KernelEventType.STATE_CHANGED && (isEnd(e.current()) || e.current() == KernelState.FAULT)) {
            flushSamples();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Samples

    /**
     * Keeps a sample of a channel for the session report, at most every {@link #SAMPLE_INTERVAL_MICROS} of
     * runtime time per channel; written in batches, from the caller's thread (never call it from the
     * control loop). Snapshots without a treatment are skipped. A failed batch is logged and dropped: the
     * dose and the events are recorded by {@link #record}, which ends the treatment if it fails.
     */
    @Implements("SRS-APP-033")
    public synchronized void sample(KernelSnapshot s) {
        if (s.treatmentId() == null || readOnly() || closed) {
            return;
        }
        Long last = lastSampleMicros.get(s.channelId());
        if (last != null && s.timeMicros() - last < SAMPLE_INTERVAL_MICROS && s.timeMicros() >= last) {
            return;
        }
        lastSampleMicros.put(s.channelId(), s.timeMicros());
        Integer run = currentRuns.get(s.treatmentId());
        if (run == null) {
            Row row;
            try {
                row = row(s.treatmentId());
            } catch (SQLException e) {
                droppedSamples++;
                return;
            }
            run = row == null ? 0 : row.runs();
            currentRuns.put(s.treatmentId(), run);
        }
        samples.add(new PendingSample(s.treatmentId(), s.channelId(), new SessionSample(s.timeMicros(), run, s.state(),
                s.setpointMicroamps(), s.measuredMicroamps(), s.impedanceOhms(), s.deliveredDoseMicroampMillis(),
                s.contactOk(), s.outputEnabled())));
        if (samples.size() >= SAMPLE_BATCH) {
            flushSamples();
        }
    }

    /** Samples that could not be written (a disk failure while sampling). */
    public synchronized long droppedSamples() {
        return droppedSamples;
    }

    private void flushSamples() {
        if (samples.isEmpty()) {
            return;
        }
        try {
            transaction(() -> {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO samples (treatment_id, run, channel_id,"
                        + " time_micros, state, setpoint_microamps, measured_microamps, impedance_ohms, delivered_dose,"
                        + " contact_ok, output_enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (PendingSample p : samples) {
                        SessionSample s = p.sample();
                        insert.setString(1, p.treatmentId());
                        insert.setInt(2, s.run());
                        insert.setString(3, p.channelId());
                        insert.setLong(4, s.timeMicros());
                        insert.setString(5, s.state().name());
                        insert.setInt(6, s.setpointMicroamps());
                        insert.setInt(7, s.measuredMicroamps());
                        insert.setInt(8, s.impedanceOhms());
                        insert.setLong(9, s.deliveredMicroampMillis());
                        insert.setInt(10, s.contactOk() ? 1 : 0);
                        insert.setInt(11, s.outputEnabled() ? 1 : 0);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        } catch (SQLException e) {
            droppedSamples += samples.size();
            LOG.warn("ledger {}: {} sample(s) could not be written and are dropped: {}", file, samples.size(),
                    e.getMessage());
        }
        samples.clear();
    }

    // ---------------------------------------------------------------------------------------------
    // OPC UA gateway calls

    /**
     * Records one method call on the OPC UA gateway, accepted or refused, durably (the gateway's service
     * thread calls it, never the control loop). The caller is named only by the user name. Throws
     * {@link LedgerException} naming the file when it cannot be written.
     */
    @Implements({"SRS-APP-062", "SRS-APP-065"})
    public synchronized void recordGatewayCall(CallRecord call) {
        write("the gateway call " + call.describe(), () -> {
            try (PreparedStatement s = db.prepareStatement("INSERT INTO gateway_calls (time_millis, user_name,"
                    + " device_id, method, arguments, accepted, status, reason, treatment_id, decided_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, call.time().toEpochMilli());
                s.setString(2, call.user());
                s.setString(3, call.deviceId());
                s.setString(4, call.method());
                // One argument a line: the gateway escapes control characters in client text, so none holds a newline.
                s.setString(5, String.join("\n", call.arguments()));
                s.setInt(6, call.accepted() ? 1 : 0);
                s.setString(7, call.status());
                s.setString(8, call.reason());
                s.setString(9, call.treatmentId());
                s.setString(10, call.decidedBy().name());
                s.executeUpdate();
            }
        });
    }

    /** The gateway calls on {@code deviceId} answered from {@code from} to {@code to} (inclusive), oldest first. */
    @Implements({"SRS-APP-062", "SRS-APP-065"})
    public synchronized List<CallRecord> gatewayCalls(String deviceId, Instant from, Instant to) {
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM gateway_calls WHERE device_id = ?"
                + " AND time_millis BETWEEN ? AND ? ORDER BY time_millis, seq")) {
            s.setString(1, deviceId);
            s.setLong(2, from.toEpochMilli());
            s.setLong(3, to.toEpochMilli());
            List<CallRecord> calls = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    calls.add(new CallRecord(Instant.ofEpochMilli(rs.getLong("time_millis")), rs.getString("user_name"),
                            rs.getString("device_id"), rs.getString("method"), arguments(rs),
                            rs.getInt("accepted") == 1, rs.getString("status"), rs.getString("reason"),
                            rs.getString("treatment_id"), DecidedBy.valueOf(rs.getString("decided_by"))));
                }
            }
            return calls;
        } catch (SQLException | IllegalArgumentException e) {
            throw new LedgerException(file + ": cannot read the gateway calls of " + deviceId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The calls about {@code treatmentId} that the gateway refused before the kernel saw them, oldest first.
     * Calls the kernel decided are not here: the kernel's own event records them, with the user as origin.
     */
    @Implements("SRS-APP-065")
    private List<GatewayRefusal> gatewayRefusals(String treatmentId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM gateway_calls WHERE treatment_id = ?"
                + " AND decided_by = 'GATEWAY' AND accepted = 0 ORDER BY time_millis, seq")) {
            s.setString(1, treatmentId);
            List<GatewayRefusal> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new GatewayRefusal(Instant.ofEpochMilli(rs.getLong("time_millis")), rs.getString("user_name"),
                            rs.getString("device_id"), rs.getString("method"), arguments(rs), rs.getString("status"),
                            rs.getString("reason")));
                }
            }
            return list;
        }
    }

    private static List<String> arguments(ResultSet rs) throws SQLException {
        String arguments = rs.getString("arguments");
        return arguments.isEmpty() ? List.of() : List.of(arguments.split("\n", -1));
    }

    // ---------------------------------------------------------------------------------------------
    // SessionArchive

    @Override
    @Implements("SRS-APP-034")
    public synchronized List<SessionSummary> sessions() {
        flushSamplesIfWriting();
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM treatments"
                + " ORDER BY started_at_millis DESC, treatment_id");
             ResultSet rs = s.executeQuery()) {
            List<SessionSummary> list = new ArrayList<>();
            while (rs.next()) {
                list.add(summary(rs));
            }
            return list;
        } catch (SQLException e) {
            throw new LedgerException(file + ": cannot list the treatments: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<SessionRecord> session(String treatmentId) {
        flushSamplesIfWriting();
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM treatments WHERE treatment_id = ?")) {
            s.setString(1, treatmentId);
            SessionSummary summary;
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                summary = summary(rs);
            }
            return Optional.of(new SessionRecord(summary, events(treatmentId), samples(treatmentId),
                    gatewayRefusals(treatmentId)));
        } catch (SQLException e) {
            throw new LedgerException(file + ": cannot read treatment " + treatmentId + ": " + e.getMessage(), e);
        }
    }

    private void flushSamplesIfWriting() {
        if (!readOnly() && !closed) {
            flushSamples();
        }
    }

    private List<SessionEvent> events(String treatmentId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM events WHERE treatment_id = ? ORDER BY seq")) {
            s.setString(1, treatmentId);
            List<SessionEvent> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String request = rs.getString("request");
                    list.add(new SessionEvent(rs.getLong("time_micros"), rs.getInt("run"),
                            Instant.ofEpochMilli(rs.getLong("recorded_at_millis")),
                            KernelEventType.valueOf(rs.getString("type")), KernelState.valueOf(rs.getString("previous_state")),
                            KernelState.valueOf(rs.getString("current_state")), Reason.valueOf(rs.getString("reason")),
                            rs.getString("origin"), request == null ? null : RequestKind.valueOf(request),
                            rs.getLong("delivered_dose"), rs.getString("text")));
                }
            }
            return list;
        }
    }

    private List<SessionSample> samples(String treatmentId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT * FROM samples WHERE treatment_id = ?"
                + " ORDER BY run, time_micros")) {
            s.setString(1, treatmentId);
            List<SessionSample> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new SessionSample(rs.getLong("time_micros"), rs.getInt("run"),
                            KernelState.valueOf(rs.getString("state")), rs.getInt("setpoint_microamps"),
                            rs.getInt("measured_microamps"), rs.getInt("impedance_ohms"), rs.getLong("delivered_dose"),
                            rs.getInt("contact_ok") == 1, rs.getInt("output_enabled") == 1));
                }
            }
            return list;
        }
    }

    private static SessionSummary summary(ResultSet rs) throws SQLException {
        String id = rs.getString("treatment_id");
        Prescription.Builder rx = Prescription.builder(id)
                .drug(rs.getString("drug"))
                .activeElectrode(enumOrNull(Polarity.class, rs.getString("active_electrode")))
                .targetMicroamps(rs.getInt("target_microamps"))
                .electrodeAreaMm2(rs.getInt("electrode_area_mm2"))
                .rampMillis(rs.getInt("ramp_millis"));
        if (EndCriterion.TIME.name().equals(rs.getString("end_criterion"))) {
            rx.durationMillis(rs.getLong("duration_millis"));
        } else {
            rx.doseMicroampMillis(rs.getLong("dose_microamp_millis"));
        }
        long ended = rs.getLong("ended_at_millis");
        boolean running = rs.wasNull();
        return new SessionSummary(id, rs.getString("channel_id"), rs.getString("profile_name"),
                rs.getString("driver_name"), rx.build(), Instant.ofEpochMilli(rs.getLong("started_at_millis")),
                running ? null : Instant.ofEpochMilli(ended), KernelState.valueOf(rs.getString("last_state")),
                rs.getLong("recorded_dose"), rs.getLong("counted_dose"), rs.getInt("recovered") == 1);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    /** A treatment's row as the writes need it. */
    private record Row(String channelId, int runs, boolean runOpen) {
    }

    /**
     * An ARM recorded but not decided yet, whether its treatment had an unfinished run before, and the
     * channel and crash bound it had before (null for a treatment that never ran), to restore on a refusal.
     */
    private record PendingArm(TreatmentArming arming, boolean wasOpen, Bound before) {
    }

    /** Where a treatment runs and the data that bounds its dose after a crash. */
    private record Bound(String channelId, int maxCurrentMicroamps, int checkpointIntervalMillis, int stageHoldMillis) {
    }

    /** A sample waiting for its batch. */
    private record PendingSample(String treatmentId, String channelId, SessionSample sample) {
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    /** One durable write: all or nothing; a failure is a {@link LedgerException} naming the file and what. */
    @Implements("SRS-APP-036")
    private void write(String what, Work work) {
        if (readOnly() || closed) {
            throw new LedgerException(file + ": " + (closed ? "closed" : "opened read-only") + "; cannot record " + what);
        }
        try {
            transaction(work);
        } catch (SQLException e) {
            throw new LedgerException(file + ": cannot record " + what + ": " + e.getMessage(), e);
        }
    }

    private void transaction(Work work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.debug("ledger {}: could not return to autocommit", file, e);
            }
        }
    }

    private Row row(String treatmentId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT channel_id, runs, run_open FROM treatments"
                + " WHERE treatment_id = ?")) {
            s.setString(1, treatmentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), rs.getInt(2), rs.getInt(3) == 1) : null;
            }
        }
    }

    private Bound bound(String treatmentId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT channel_id, max_current_microamps,"
                + " checkpoint_interval_millis, stage_hold_millis FROM treatments WHERE treatment_id = ?")) {
            s.setString(1, treatmentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Bound(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
            }
        }
    }

    /** Sets where the treatment runs, its crash bound and whether a run may be delivering ({@code open}). */
    private void setBound(String treatmentId, Bound b, boolean open) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE treatments SET channel_id = ?, max_current_microamps = ?,"
                + " checkpoint_interval_millis = ?, stage_hold_millis = ?, run_open = ? WHERE treatment_id = ?")) {
            s.setString(1, b.channelId());
            s.setInt(2, b.maxCurrentMicroamps());
            s.setInt(3, b.checkpointIntervalMillis());
            s.setInt(4, b.stageHoldMillis());
            s.setInt(5, open ? 1 : 0);
            s.setString(6, treatmentId);
            s.executeUpdate();
        }
    }

    private void insertTreatment(TreatmentArming a) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO treatments (treatment_id, channel_id, profile_name,"
                + " driver_name, drug, active_electrode, target_microamps, electrode_area_mm2, end_criterion,"
                + " dose_microamp_millis, duration_millis, ramp_millis, max_current_microamps,"
                + " checkpoint_interval_millis, stage_hold_millis, started_at_millis, ended_at_millis, last_state, runs,"
                + " run_open, recorded_dose, counted_dose, recovered)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'IDLE', 0, 1, 0, 0, 0)")) {
            s.setString(1, a.treatmentId());
            s.setString(2, a.channelId());
            bindPrescription(s, 3, a);
            s.setLong(16, clock.millis());
            s.executeUpdate();
        }
    }

    private void updatePrescription(TreatmentArming a) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE treatments SET channel_id = ?, profile_name = ?,"
                + " driver_name = ?, drug = ?, active_electrode = ?, target_microamps = ?, electrode_area_mm2 = ?,"
                + " end_criterion = ?, dose_microamp_millis = ?, duration_millis = ?, ramp_millis = ?,"
                + " max_current_microamps = ?, checkpoint_interval_millis = ?, stage_hold_millis = ?, run_open = 1"
                + " WHERE treatment_id = ?")) {
            s.setString(1, a.channelId());
            bindPrescription(s, 2, a);
            s.setString(15, a.treatmentId());
            s.executeUpdate();
        }
    }

    /** Binds profile, driver, the prescription's fields and the crash bound: 13 parameters from {@code at}. */
    private static void bindPrescription(PreparedStatement s, int at, TreatmentArming a) throws SQLException {
        Prescription rx = a.prescription();
        s.setString(at, a.profileName());
        s.setString(at + 1, a.driverName());
        s.setString(at + 2, rx.drug());
        s.setString(at + 3, rx.activeElectrode() == null ? null : rx.activeElectrode().name());
        s.setInt(at + 4, rx.targetMicroamps());
        s.setInt(at + 5, rx.electrodeAreaMm2());
        s.setString(at + 6, rx.endCriterion() == null ? null : rx.endCriterion().name());
        s.setLong(at + 7, rx.doseMicroampMillis());
        s.setLong(at + 8, rx.durationMillis());
        s.setInt(at + 9, rx.rampMillis());
        s.setInt(at + 10, a.maxCurrentMicroamps());
        s.setInt(at + 11, a.checkpointIntervalMillis());
        s.setInt(at + 12, a.stageHoldMillis());
    }

    /** The kernel accepted the ARM: a new run begins, with the prescription it accepted. */
    private int startRun(TreatmentArming arm, int run) throws SQLException {
        updatePrescription(arm);
        try (PreparedStatement s = db.prepareStatement("UPDATE treatments SET runs = ?, ended_at_millis = NULL"
                + " WHERE treatment_id = ?");
             PreparedStatement r = db.prepareStatement("INSERT INTO runs (treatment_id, run, channel_id,"
                     + " started_at_millis, ended_at_millis, end_state, recovered) VALUES (?, ?, ?, ?, NULL, NULL, 0)")) {
            s.setInt(1, run);
            s.setString(2, arm.treatmentId());
            s.executeUpdate();
            r.setString(1, arm.treatmentId());
            r.setInt(2, run);
            r.setString(3, arm.channelId());
            r.setLong(4, clock.millis());
            r.executeUpdate();
        }
        currentRuns.put(arm.treatmentId(), run);
        return run;
    }

    private void reopen(String treatmentId, boolean open) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE treatments SET run_open = ? WHERE treatment_id = ?")) {
            s.setInt(1, open ? 1 : 0);
            s.setString(2, treatmentId);
            s.executeUpdate();
        }
    }

    private void raiseDose(String treatmentId, long dose) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE treatments SET recorded_dose = max(recorded_dose, ?),"
                + " counted_dose = max(counted_dose, ?) WHERE treatment_id = ?")) {
            s.setLong(1, dose);
            s.setLong(2, dose);
            s.setString(3, treatmentId);
            s.executeUpdate();
        }
    }

    /** A state change; an end state closes the run (a crash after it needs no recovery). */
    private void changeState(String treatmentId, int run, KernelState state) throws SQLException {
        changeState(treatmentId, run, state, isEnd(state));
    }

    private void changeState(String treatmentId, int run, KernelState state, boolean end) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE treatments SET last_state = ?"
                + (end ? ", run_open = 0, ended_at_millis = coalesce(ended_at_millis, ?)" : "")
                + " WHERE treatment_id = ?")) {
            s.setString(1, state.name());
            if (end) {
                s.setLong(2, clock.millis());
                s.setString(3, treatmentId);
            } else {
                s.setString(2, treatmentId);
            }
            s.executeUpdate();
        }
        if (end) {
            try (PreparedStatement r = db.prepareStatement("UPDATE runs SET end_state = ?,"
                    + " ended_at_millis = coalesce(ended_at_millis, ?) WHERE treatment_id = ? AND run = ?")) {
                r.setString(1, state.name());
                r.setLong(2, clock.millis());
                r.setString(3, treatmentId);
                r.setInt(4, run);
                r.executeUpdate();
            }
        }
    }

    /**
     * States that close a run: the output ramped down to zero (COMPLETE) or was never on (IDLE). FAULT is
     * not one: the output was cut by command, and a stage that does not obey (a runaway, a lost link) may
     * drive until its own watchdog stops it; the run closes on a clean close of the ledger, once the stage
     * hold time has passed since the fault ({@link #close()}), else a crash recovers it with the bound.
     */
    static boolean isEnd(KernelState state) {
        return state == KernelState.COMPLETE || state == KernelState.IDLE;
    }

    private void insertEvent(ChannelEvent event, String treatmentId, int run) throws SQLException {
        KernelEvent e = event.event();
        try (PreparedStatement s = db.prepareStatement("INSERT INTO events (channel_id, treatment_id, run, time_micros,"
                + " recorded_at_millis, type, previous_state, current_state, reason, origin, request, request_id,"
                + " delivered_dose, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, event.channelId());
            s.setString(2, treatmentId);
            s.setInt(3, run);
            s.setLong(4, e.timeMicros());
            s.setLong(5, clock.millis());
            s.setString(6, e.type().name());
            s.setString(7, e.previous().name());
            s.setString(8, e.current().name());
            s.setString(9, e.reason().name());
            s.setString(10, event.origin());
            s.setString(11, event.request() == null ? null : event.request().name());
            s.setLong(12, e.requestId());
            s.setLong(13, e.deliveredMicroampMillis());
            s.setString(14, event.describe());
            s.executeUpdate();
        }
    }

    private static String key(String channelId, long requestId) {
        return channelId + "#" + requestId;
    }

    /** For fault-injection tests in this package: the connection, to break the disk under a running ledger. */
    Connection connection() {
        return db;
    }

    /** Writes the pending samples, closes the database and releases the data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        flushSamplesIfWriting();
        closeSettledFaults();
        closed = true;
        closeQuietly(db);
        if (lock != null) {
            lock.close();
        }
    }

    /**
     * On a clean close (the runtime closed first: its outputs disabled, its closing checkpoint written),
     * closes the runs that ended in FAULT at least the stage hold time ago: the process counted what the
     * stage measured until then, and nothing flows after. A more recent fault stays open, so that the next
     * opening counts it with the recovery bound (over-counting is the safe side).
     */
    @Implements("SRS-APP-032")
    private void closeSettledFaults() {
        if (readOnly() || closed) {
            return;
        }
        long now = clock.millis();
        try (PreparedStatement open = db.prepareStatement("SELECT t.treatment_id, t.runs, t.stage_hold_millis,"
                + " (SELECT max(e.recorded_at_millis) FROM events e WHERE e.treatment_id = t.treatment_id"
                + " AND e.run = t.runs AND e.type = 'STATE_CHANGED' AND e.current_state = 'FAULT')"
                + " FROM treatments t WHERE t.run_open = 1 AND t.last_state = 'FAULT'")) {
            record Run(String treatmentId, int run) {
            }
            List<Run> settled = new ArrayList<>();
            try (ResultSet rs = open.executeQuery()) {
                while (rs.next()) {
                    long faultAt = rs.getLong(4);
                    boolean known = !rs.wasNull();
                    if (known && now - faultAt >= rs.getLong(3)) {
                        settled.add(new Run(rs.getString(1), rs.getInt(2)));
                    } else {
                        LOG.warn("ledger: treatment {} faulted less than its stage hold time ({} ms) before the ledger"
                                + " closed; its next opening counts it with the recovery bound", rs.getString(1),
                                rs.getLong(3));
                    }
                }
            }
            for (Run settledRun : settled) {
                changeState(settledRun.treatmentId(), settledRun.run(), KernelState.FAULT, true);
            }
        } catch (SQLException e) {
            LOG.error("ledger: closing the runs that ended in a fault failed; the next opening recovers them", e);
        }
    }

    private static void closeQuietly(Connection db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException e) {
            LOG.debug("ledger: closing the database failed", e);
        }
    }
}
