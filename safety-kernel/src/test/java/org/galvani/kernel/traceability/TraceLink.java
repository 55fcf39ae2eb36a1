package org.galvani.kernel.traceability;

/**
 * One link from code to a requirement, as an annotation states it.
 *
 * @param kind    "@Implements" or "@Verifies"
 * @param id      the requirement ID named
 * @param version the requirement version a @Verifies names (0: not stated, and always 0 for @Implements)
 * @param where   the annotated class, or class#member
 */
public record TraceLink(String kind, String id, int version, String where) {

    public static final String IMPLEMENTS = "@Implements";
    public static final String VERIFIES = "@Verifies";

    public boolean implementsIt() {
        return kind.equals(IMPLEMENTS);
    }

    public boolean verifiesIt() {
        return kind.equals(VERIFIES);
    }
}
