/**
 * What the ledger keeps about a treatment, as values: the read side shared by {@code galvani sessions},
 * the session report and tests. The ledger writes them; nothing here does I/O.
 */
package org.galvani.app.session;
