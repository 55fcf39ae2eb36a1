/**
 * Requirement links: {@link org.galvani.trace.Implements} on code, {@link org.galvani.trace.Verifies}
 * on tests. This package has no dependencies and no behaviour.
 */
package org.galvani.trace;
