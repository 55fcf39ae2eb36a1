package org.galvani.trace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test, a property or an architecture rule that verifies one or more requirements. The
 * traceability matrix joins it with the test's latest result.
 *
 * <p>{@link #version()} names the requirement version the test was written against; when the
 * requirement moves on to a newer version, the link is reported as suspect until it is reviewed.
 * Zero means "not stated" and counts as version 1.
 *
 * <p>One {@code @Verifies} states one version for all the IDs it names. It is repeatable, so that a
 * test verifying several requirements can state the version of each: after reviewing a test against
 * version 2 of {@code SRS-APP-032} only that ID moves on,
 *
 * <pre>{@code
 * @Test
 * @Verifies(value = "SRS-APP-032", version = 2)
 * @Verifies({"SRS-APP-030", "SRS-APP-031"})
 * void aCrashedTreatmentIsRecovered() { ... }
 * }</pre>
 *
 * <p>javac stores repeated annotations in {@link List}; the traceability scanner reads the single
 * annotation and the container alike. Naming one ID in several {@code @Verifies} of one element with
 * different versions is a contradiction the trace refuses, naming the element; with the same version
 * it is one link.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@Repeatable(Verifies.List.class)
public @interface Verifies {
    /** The requirement IDs, for example {@code "SRS-KRN-004"}. */
    String[] value();

    /** The requirement version this test was written against; 0 when not stated. */
    int version() default 0;

    /**
     * The container javac writes when an element carries more than one {@code @Verifies}; written by
     * hand it means the same as the repeated annotations.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
    @interface List {
        /** The repeated annotations, in source order. */
        Verifies[] value();
    }
}
