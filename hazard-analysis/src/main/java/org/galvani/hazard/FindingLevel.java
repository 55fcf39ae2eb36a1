package org.galvani.hazard;

/**
 * How much a finding weighs: an error fails the build; a warning is an open item someone must close
 * (it is listed in every report, never hidden); a note asks a reviewer to look.
 */
public enum FindingLevel {
    ERROR,
    WARNING,
    NOTE
}
