package org.galvani.app.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.galvani.trace.Implements;

/**
 * The ledger's schema, as an ordered list of migrations. A database records every migration applied to
 * it in {@code schema_version}; opening one applies the missing ones in order, each in its own
 * transaction, and refuses a database written by a newer Galvani (it would not know its tables).
 * Migrations are only ever appended: a released one never changes.
 */
@Implements({"SRS-APP-031", "SRS-APP-065"})
final class LedgerSchema {

    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    static final List<List<String>> MIGRATIONS = List.of(
            // 1: treatments, their runs, and every kernel event.
            List.of("CREATE TABLE treatments ("
                            + " treatment_id TEXT PRIMARY KEY,"
                            + " channel_id TEXT NOT NULL,"
                            + " profile_name TEXT NOT NULL,"
                            + " driver_name TEXT NOT NULL,"
                            + " drug TEXT,"
                            + " active_electrode TEXT,"
                            + " target_microamps INTEGER NOT NULL,"
                            + " electrode_area_mm2 INTEGER NOT NULL,"
                            + " end_criterion TEXT,"
                            + " dose_microamp_millis INTEGER NOT NULL,"
                            + " duration_millis INTEGER NOT NULL,"
                            + " ramp_millis INTEGER NOT NULL,"
                            + " max_current_microamps INTEGER NOT NULL,"
                            + " checkpoint_interval_millis INTEGER NOT NULL,"
                            + " stage_hold_millis INTEGER NOT NULL,"
                            + " started_at_millis INTEGER NOT NULL,"
                            + " ended_at_millis INTEGER,"
                            + " last_state TEXT NOT NULL,"
                            + " runs INTEGER NOT NULL,"
                            + " run_open INTEGER NOT NULL,"
                            + " recorded_dose INTEGER NOT NULL,"
                            + " counted_dose INTEGER NOT NULL,"
                            + " recovered INTEGER NOT NULL)",
                    "CREATE TABLE runs ("
                            + " treatment_id TEXT NOT NULL,"
                            + " run INTEGER NOT NULL,"
                            + " channel_id TEXT NOT NULL,"
                            + " started_at_millis INTEGER NOT NULL,"
                            + " ended_at_millis INTEGER,"
                            + " end_state TEXT,"
                            + " recovered INTEGER NOT NULL,"
                            + " PRIMARY KEY (treatment_id, run))",
                    "CREATE TABLE events ("
                            + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " channel_id TEXT NOT NULL,"
                            + " treatment_id TEXT,"
                            + " run INTEGER NOT NULL,"
                            + " time_micros INTEGER NOT NULL,"
                            + " recorded_at_millis INTEGER NOT NULL,"
                            + " type TEXT NOT NULL,"
                            + " previous_state TEXT NOT NULL,"
                            + " current_state TEXT NOT NULL,"
                            + " reason TEXT NOT NULL,"
                            + " origin TEXT NOT NULL,"
                            + " request TEXT,"
                            + " request_id INTEGER NOT NULL,"
                            + " delivered_dose INTEGER NOT NULL,"
                            + " text TEXT NOT NULL)"),
            // 2: samples for the session report's plots, and an index for reading one treatment's events.
            List.of("CREATE TABLE samples ("
                            + " treatment_id TEXT NOT NULL,"
                            + " run INTEGER NOT NULL,"
                            + " channel_id TEXT NOT NULL,"
                            + " time_micros INTEGER NOT NULL,"
                            + " state TEXT NOT NULL,"
                            + " setpoint_microamps INTEGER NOT NULL,"
                            + " measured_microamps INTEGER NOT NULL,"
                            + " impedance_ohms INTEGER NOT NULL,"
                            + " delivered_dose INTEGER NOT NULL,"
                            + " contact_ok INTEGER NOT NULL,"
                            + " output_enabled INTEGER NOT NULL)",
                    "CREATE INDEX samples_by_treatment ON samples (treatment_id, run, time_micros)",
                    "CREATE INDEX events_by_treatment ON events (treatment_id, seq)"),
            // 3: every method call on the OPC UA gateway, accepted or refused (the audit trail of RC-016).
            // The caller is named by the user name only.
            List.of("CREATE TABLE gateway_calls ("
                            + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " time_millis INTEGER NOT NULL,"
                            + " user_name TEXT NOT NULL,"
                            + " device_id TEXT NOT NULL,"
                            + " method TEXT NOT NULL,"
                            + " arguments TEXT NOT NULL,"
                            + " accepted INTEGER NOT NULL,"
                            + " status TEXT NOT NULL,"
                            + " reason TEXT NOT NULL)",
                    "CREATE INDEX gateway_calls_by_device ON gateway_calls (device_id, time_millis)"),
            // 4: the treatment each gateway call concerns and who answered it (GATEWAY or KERNEL), so that a
            // session report shows the calls the gateway refused. Rows from version 3 keep no treatment (NULL)
            // and decided_by 'UNKNOWN': neither can be told reliably after the fact.
            List.of("ALTER TABLE gateway_calls ADD COLUMN treatment_id TEXT",
                    "ALTER TABLE gateway_calls ADD COLUMN decided_by TEXT NOT NULL DEFAULT 'UNKNOWN'",
                    "CREATE INDEX gateway_calls_by_treatment ON gateway_calls (treatment_id, time_millis)"));

    /** The version this Galvani writes. */
    static final int CURRENT = MIGRATIONS.size();

    private LedgerSchema() {
    }

    /** The database's schema version: 0 for an empty database. Throws for a file that is not a ledger. */
    static int version(Connection db, Path file) throws SQLException {
        try (Statement s = db.createStatement()) {
            boolean versioned;
            int tables;
            try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(name = 'schema_version'), 0)"
                    + " FROM sqlite_master WHERE type = 'table'")) {
                rs.next();
                tables = rs.getInt(1);
                versioned = rs.getInt(2) == 1;
            }
            if (!versioned && tables > 0) {
                throw new LedgerException(file + ": an SQLite database, but not a Galvani ledger (no schema_version"
                        + " table); nothing was changed");
            }
            if (!versioned) {
                return 0;
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Refuses a database written by a newer Galvani (or not a ledger); returns its version otherwise. */
    static int refuseNewer(Connection db, Path file) throws SQLException {
        int version = version(db, file);
        if (version > CURRENT) {
            throw new LedgerException(file + ": schema version " + version + " is newer than this Galvani supports ("
                    + CURRENT + "); open it with the Galvani release that wrote it or a newer one; nothing was changed");
        }
        return version;
    }

    /** Brings the database to {@code target} (at most {@link #CURRENT}); refuses a newer database. */
    static void migrate(Connection db, Path file, int target, long nowMillis) throws SQLException {
        int version = refuseNewer(db, file);
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            if (version == 0) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " applied_at_millis INTEGER NOT NULL)");
            }
            for (int next = version; next < target; next++) {
                for (String statement : MIGRATIONS.get(next)) {
                    s.execute(statement);
                }
                s.execute("INSERT INTO schema_version (version, applied_at_millis) VALUES (" + (next + 1) + ", "
                        + nowMillis + ")");
                db.commit();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }
}
