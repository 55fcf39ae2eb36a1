package org.galvani.trace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test, a property or an architecture rule that verifies one or more requirements. The
 * traceability matrix joins it with the test's latest result.
 *
 * <p>{@link #version()} names the requirement version the test was written against; when the
 * requirement moves on to a newer version, the link is reported as suspect until it is reviewed.
 * Zero means "not stated".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface Verifies {
    /** The requirement IDs, for example {@code "SRS-KRN-004"}. */
    String[] value();

    /** The requirement version this test was written against; 0 when not stated. */
    int version() default 0;
}
