package org.galvani.app.session;

import java.util.List;
import java.util.Optional;

/** The read side of the ledger: the treatments it holds and each one's record. */
public interface SessionArchive {

    /** Every treatment, most recently started first. */
    List<SessionSummary> sessions();

    /** One treatment's record, or empty if the ledger has none by that ID. */
    Optional<SessionRecord> session(String treatmentId);
}
