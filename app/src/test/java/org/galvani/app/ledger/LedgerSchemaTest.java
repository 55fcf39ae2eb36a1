package org.galvani.app.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.galvani.app.session.SessionSummary;
import org.galvani.opcua.CallRecord;
import org.galvani.opcua.DecidedBy;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's schema: ordered migrations, refusal of what it cannot read, and no personal data. */
class LedgerSchemaTest {

    @TempDir
    Path dir;

    private final TickingClock clock = new TickingClock();

    private Path file() {
        return dir.resolve(SqliteLedger.FILE_NAME);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    @Test
    @Verifies("SRS-APP-031")
    void aVersionOneDatabaseIsMigratedAndKeepsItsTreatments() throws SQLException {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            LedgerSchema.migrate(db, file(), 1, 0L);
            s.execute("INSERT INTO treatments VALUES ('T-OLD', 'ch0', 'drug-delivery-patch', 'sim',"
                    + " 'dexamethasone-sodium-phosphate', 'CATHODE', 3000, 1000, 'DOSE', 2400000000, 0, 30000, 25000, 1000,"
                    + " 1000, 1000, 2000, 'COMPLETE', 1, 0, 2400000000, 2400000000, 0)");
        }
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock)) {
            assertEquals(List.of(1, 2, 3, 4), versions(ledger.connection()));
            SessionSummary old = ledger.session("T-OLD").orElseThrow().summary();
            assertEquals(2_400_000_000L, old.countedDoseMicroampMillis());
            assertEquals(List.of(), ledger.session("T-OLD").orElseThrow().samples(), "the new samples table is there");
        }
    }

    @Test
    @Verifies({"SRS-APP-031", "SRS-APP-062"})
    void aVersionTwoDatabaseGainsTheGatewayCallsTableAndKeepsItsSamples() throws SQLException {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            LedgerSchema.migrate(db, file(), 2, 0L);
            s.execute("INSERT INTO samples VALUES ('T-V2', 1, 'ch0', 5, 'DELIVERING', 3000, 2990, 4000, 77, 1, 1)");
        }
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock); Statement s = ledger.connection().createStatement()) {
            assertEquals(List.of(1, 2, 3, 4), versions(ledger.connection()));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM samples WHERE treatment_id = 'T-V2'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the version-2 sample survives");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM gateway_calls")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the new table is there and empty");
            }
        }
    }

    @Test
    @Verifies({"SRS-APP-031", "SRS-APP-065"})
    void aVersionThreeDatabaseKeepsItsCallsWithoutTreatmentAndWithWhoDecidedUnknown() throws SQLException {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            LedgerSchema.migrate(db, file(), 3, 0L);
            s.execute("INSERT INTO gateway_calls (time_millis, user_name, device_id, method, arguments, accepted, status,"
                    + " reason) VALUES (1000, 'olga', 'ch0', 'Stop', '', 0, 'Bad_UserAccessDenied',"
                    + " 'user ''olga'' (observer) may not call Stop')");
            s.execute("INSERT INTO gateway_calls (time_millis, user_name, device_id, method, arguments, accepted, status,"
                    + " reason) VALUES (2000, 'dora', 'ch0', 'Start', '', 1, 'Good', 'accepted')");
        }
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock); Statement s = ledger.connection().createStatement()) {
            assertEquals(List.of(1, 2, 3, 4), versions(ledger.connection()));
            List<CallRecord> calls = ledger.gatewayCalls("ch0", Instant.EPOCH, Instant.ofEpochMilli(5_000));
            assertEquals(List.of("olga Stop Bad_UserAccessDenied null UNKNOWN", "dora Start Good null UNKNOWN"),
                    calls.stream().map(c -> c.user() + " " + c.method() + " " + c.status() + " " + c.treatmentId() + " "
                            + c.decidedBy()).toList(), "the version-3 rows survive; nobody knows who decided them");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                    + " AND name = 'gateway_calls_by_treatment'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the calls are indexed by treatment");
            }
            ledger.recordGatewayCall(new CallRecord(Instant.ofEpochMilli(3_000), "olga", "ch0", "Pause", List.of(),
                    false, "Bad_UserAccessDenied", "user 'olga' (observer) may not call Pause", "T-4", DecidedBy.GATEWAY));
            CallRecord written = ledger.gatewayCalls("ch0", Instant.ofEpochMilli(3_000), Instant.ofEpochMilli(3_000)).get(0);
            assertEquals("T-4", written.treatmentId());
            assertEquals(DecidedBy.GATEWAY, written.decidedBy());
        }
    }

    @Test
    @Verifies("SRS-APP-031")
    void aDatabaseFromANewerGalvaniIsRefusedAndLeftAlone() throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            LedgerSchema.migrate(db, file(), LedgerSchema.CURRENT, 0L);
            s.execute("INSERT INTO schema_version VALUES (99, 0)");
        }
        byte[] before = Files.readAllBytes(file());
        LedgerException e = assertThrows(LedgerException.class, () -> SqliteLedger.open(dir, clock));
        assertEquals(file() + ": schema version 99 is newer than this Galvani supports (4); open it with the"
                + " Galvani release that wrote it or a newer one; nothing was changed", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file()), "nothing was changed");
        // The lock was released: the next attempt fails for the same reason, not for a held lock.
        LedgerException second = assertThrows(LedgerException.class, () -> SqliteLedger.open(dir, clock));
        assertTrue(second.getMessage().contains("schema version 99"), second.getMessage());
    }

    @Test
    @Verifies("SRS-APP-031")
    void aCorruptFileGivesAClearErrorNamingTheFile() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(file(), "this is not a database, it is a text file ".repeat(200), StandardCharsets.UTF_8);
        LedgerException e = assertThrows(LedgerException.class, () -> SqliteLedger.open(dir, clock));
        assertTrue(e.getMessage().startsWith(file() + ": not a Galvani ledger, or damaged ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); nothing was changed"), e.getMessage());
    }

    @Test
    @Verifies("SRS-APP-031")
    void anotherSqliteDatabaseIsNotTakenForALedger() throws Exception {
        try (Connection db = connect(); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE patients (name TEXT)");
        }
        LedgerException e = assertThrows(LedgerException.class, () -> SqliteLedger.open(dir, clock));
        assertEquals(file() + ": an SQLite database, but not a Galvani ledger (no schema_version table); nothing was"
                + " changed", e.getMessage());
    }

    @Test
    @Verifies(value = "SRS-APP-032", version = 2)
    void aSecondWriterIsRefusedAndAReaderSeesTheLedgerWithoutRecoveringIt() {
        try (SqliteLedger writer = SqliteLedger.open(dir, clock)) {
            LedgerException e = assertThrows(LedgerException.class, () -> SqliteLedger.open(dir, clock));
            assertEquals(file() + ": the ledger is in use by another Galvani process (its lock galvani-ledger.lock"
                    + " is held)", e.getMessage());
            try (SqliteLedger reader = SqliteLedger.openForReading(dir, clock)) {
                assertTrue(reader.readOnly());
                assertEquals(List.of(), reader.sessions());
                LedgerException write = assertThrows(LedgerException.class,
                        () -> reader.checkpoint("ch0", "T-1", 0L, 1L));
                assertEquals(file() + ": opened read-only; cannot record a dose checkpoint of treatment T-1",
                        write.getMessage());
            }
        }
        try (SqliteLedger reader = SqliteLedger.openForReading(dir, clock)) {
            assertTrue(!reader.readOnly(), "with no writer, the reader takes the lock (and would recover)");
        }
    }

    @Test
    @Verifies("SRS-APP-034")
    void readingANonExistentLedgerSaysSo() {
        LedgerException e = assertThrows(LedgerException.class, () -> SqliteLedger.openForReading(dir, clock));
        assertEquals(file() + ": no ledger here (the file does not exist); treatments are recorded by commands that"
                + " deliver them, for example galvani demo --data-dir " + dir, e.getMessage());
    }

    /**
     * No column can hold personal data: treatments are keyed by an opaque ID, and the only person named is
     * the operator who made a request (the audit trail's "origin"). A new column must be added here on purpose.
     */
    @Test
    @Verifies("SRS-APP-030")
    void noColumnHoldsPersonalData() throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (SqliteLedger ledger = SqliteLedger.open(dir, clock); Statement s = ledger.connection().createStatement()) {
            for (String table : List.of("schema_version", "treatments", "runs", "events", "samples", "gateway_calls")) {
                try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) {
                        columns.add(table + "." + rs.getString("name"));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%'")) {
                rs.next();
                assertEquals(6, rs.getInt(1), "no other tables");
            }
        }
        assertEquals(new TreeSet<>(List.of("schema_version.version", "schema_version.applied_at_millis",
                "treatments.treatment_id", "treatments.channel_id", "treatments.profile_name", "treatments.driver_name",
                "treatments.drug", "treatments.active_electrode", "treatments.target_microamps",
                "treatments.electrode_area_mm2", "treatments.end_criterion", "treatments.dose_microamp_millis",
                "treatments.duration_millis", "treatments.ramp_millis", "treatments.max_current_microamps",
                "treatments.checkpoint_interval_millis", "treatments.stage_hold_millis", "treatments.started_at_millis",
                "treatments.ended_at_millis", "treatments.last_state", "treatments.runs", "treatments.run_open",
                "treatments.recorded_dose", "treatments.counted_dose", "treatments.recovered",
                "runs.treatment_id", "runs.run", "runs.channel_id", "runs.started_at_millis", "runs.ended_at_millis",
                "runs.end_state", "runs.recovered",
                "events.seq", "events.channel_id", "events.treatment_id", "events.run", "events.time_micros",
                "events.recorded_at_millis", "events.type", "events.previous_state", "events.current_state",
                "events.reason", "events.origin", "events.request", "events.request_id", "events.delivered_dose",
                "events.text",
                "samples.treatment_id", "samples.run", "samples.channel_id", "samples.time_micros", "samples.state",
                "samples.setpoint_microamps", "samples.measured_microamps", "samples.impedance_ohms",
                "samples.delivered_dose", "samples.contact_ok", "samples.output_enabled",
                // The OPC UA audit trail names the caller by the user name only (SRS-APP-062).
                "gateway_calls.seq", "gateway_calls.time_millis", "gateway_calls.user_name", "gateway_calls.device_id",
                "gateway_calls.method", "gateway_calls.arguments", "gateway_calls.accepted", "gateway_calls.status",
                "gateway_calls.reason",
                // Version 4: which treatment a call concerned (its opaque ID) and who answered it (SRS-APP-065).
                "gateway_calls.treatment_id", "gateway_calls.decided_by")), columns);
    }

    private static List<Integer> versions(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            List<Integer> versions = new java.util.ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            return versions;
        }
    }
}
