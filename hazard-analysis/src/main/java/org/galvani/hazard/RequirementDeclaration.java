package org.galvani.hazard;

import java.util.List;
import java.util.Objects;
import org.galvani.trace.Implements;

/**
 * A requirement as a {@code requirements.yaml} declares it: its {@link RequirementLink} (ID, version,
 * safety class, file, line, risk controls) with the title, text and rationale, and the non-Java files
 * named in {@code implementedIn} (relative to the requirements file's directory, each with where it is
 * written). {@link RequirementsReader} is the one reader of the format; the traceability module builds
 * its requirements model on these.
 */
@Implements("SRS-HAZ-006")
public record RequirementDeclaration(RequirementLink link, String title, String text, String rationale,
        List<Reference> implementedIn) {

    public RequirementDeclaration {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rationale, "rationale");
        implementedIn = List.copyOf(implementedIn);
    }
}
