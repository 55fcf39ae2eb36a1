package org.galvani.traceability;

import java.util.List;
import java.util.Objects;
import org.galvani.trace.Implements;

/**
 * A software requirement as its module's {@code requirements.yaml} declares it: a stable ID, a version, a
 * title, a text, the IEC 62304 safety class (A, B or C), the risk controls it implements, the non-Java files
 * that implement it ({@code implementedIn}, relative to the module), the module and where it is declared.
 */
@Implements("SRS-TRC-001")
public record Requirement(String id, int version, String title, String text, String safetyClass,
        List<String> controls, List<String> implementedIn, String module, SourceRef source) {

    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(safetyClass, "safetyClass");
        controls = List.copyOf(controls);
        implementedIn = List.copyOf(implementedIn);
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(source, "source");
        if (version < 1) {
            throw new IllegalArgumentException(id + ": version must be >= 1, not " + version);
        }
    }
}
