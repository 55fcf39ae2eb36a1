package org.galvani.app.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.galvani.app.session.SessionArchive;
import org.galvani.app.session.SessionRecord;
import org.galvani.trace.Implements;

/** Where a treatment's report goes by default, and writing it from the ledger. */
@Implements("SRS-APP-046")
public final class SessionReportFile {

    /** The folder of the data directory that holds the reports written by default. */
    public static final String FOLDER = "reports";

    private SessionReportFile() {
    }

    /**
     * {@code DATA_DIR/reports/<treatment ID>.html}. Treatment IDs are opaque and may hold any character, so
     * every character outside {@code [A-Za-z0-9._-]} becomes {@code _} (and a leading dot too): the name can
     * never leave the folder.
     */
    public static Path defaultFor(Path dataDir, String treatmentId) {
        StringBuilder name = new StringBuilder(treatmentId.length() + 5);
        for (int i = 0; i < treatmentId.length(); i++) {
            char c = treatmentId.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || (c == '.' && i > 0));
            name.append(safe ? c : '_');
        }
        return dataDir.resolve(FOLDER).resolve(name.append(".html").toString());
    }

    /** Writes the report of {@code treatmentId} to {@code file}; empty if the archive has no such treatment. */
    public static Optional<Path> write(SessionArchive archive, String treatmentId, Path file, Instant generatedAt)
            throws IOException {
        Optional<SessionRecord> record = archive.session(treatmentId);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        SessionReport.write(record.get(), file, generatedAt);
        return Optional.of(file);
    }
}
