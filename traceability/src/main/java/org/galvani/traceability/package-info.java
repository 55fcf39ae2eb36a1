/**
 * The requirements-to-test traceability matrix of Galvani: the chain hazard → risk control →
 * requirement → implementation → verifying tests → latest result, the gaps in it, the policy that decides
 * which gaps fail a build, and the reports for auditors (HTML, CSV, JSON, ReqIF 1.2).
 *
 * <p>Entry points: {@link org.galvani.traceability.Traceability#run} (trace a checkout, judge it, write the
 * evidence) and {@link org.galvani.traceability.TraceMain} (the same from a build).
 */
package org.galvani.traceability;
