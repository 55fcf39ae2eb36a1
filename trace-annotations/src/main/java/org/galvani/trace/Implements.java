package org.galvani.trace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that implements one or more requirements, by their stable IDs (for example
 * {@code @Implements("SRS-KRN-004")}). The traceability matrix joins these links with the requirement
 * files; an ID that no requirement file declares is reported as a gap.
 *
 * <p>Kept at runtime so that a scanner can read it from compiled classes without the sources.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Implements {
    /** The requirement IDs, for example {@code "SRS-KRN-004"}. */
    String[] value();
}
