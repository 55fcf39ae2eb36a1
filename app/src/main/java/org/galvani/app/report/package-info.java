/**
 * The session report: one treatment's {@link org.galvani.app.session.SessionRecord} as a single self-contained
 * HTML page (prescription, timeline of events, charts of current, impedance and dose with the detach and fault
 * intervals shaded) that a clinic can archive or print. Nothing here reads the ledger or the clock.
 */
package org.galvani.app.report;
