package org.galvani.traceability;

import java.util.Objects;
import org.galvani.trace.Implements;

/**
 * One link from compiled code to a requirement, as an {@code @Implements} or {@code @Verifies} annotation
 * states it.
 *
 * @param kind        which annotation
 * @param requirement the requirement ID named
 * @param version     the version a {@code @Verifies} was written against (0: not stated; always 0 for
 *                    {@code @Implements})
 * @param className   the binary name of the annotated class ({@code a.b.Outer$Inner})
 * @param member      the annotated method or field, or null when the annotation is on the class
 * @param module      the module whose class files hold it
 * @param testCode    true when found in {@code target/test-classes}
 * @param source      the source file and line, or null when the source is not in the checkout
 */
@Implements("SRS-TRC-002")
public record CodeLink(LinkKind kind, String requirement, int version, String className, String member,
        String module, boolean testCode, SourceRef source) {

    public CodeLink {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(module, "module");
    }

    /** {@code a.b.Class} or {@code a.b.Class#member}. */
    public String element() {
        return member == null ? className : className + "#" + member;
    }

    /** Where to look: the source file and line when known, otherwise the element and the module. */
    public String where() {
        return source != null ? source + " (" + element() + ")" : module + ": " + element();
    }
}
