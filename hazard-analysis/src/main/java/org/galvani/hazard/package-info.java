/**
 * The ISO 14971 risk model of Galvani and its checks.
 *
 * <p>A {@link org.galvani.hazard.HazardRegister} holds the scales of severity and probability, the
 * acceptability matrix ({@link org.galvani.hazard.RiskMatrix}), the risk controls and the hazards, each
 * hazard with its sequence of events, hazardous situation, harm and the risk before and after control.
 * {@link org.galvani.hazard.RegisterReader} reads it from YAML, {@link org.galvani.hazard.RequirementsReader}
 * reads the requirement side of the links (which requirement implements which control), and
 * {@link org.galvani.hazard.HazardAnalysis} checks the two together and feeds the reports. Every model
 * element remembers where it was declared ({@link org.galvani.hazard.Location}), so that every finding
 * names a file and a line. All model types are immutable.
 */
package org.galvani.hazard;
