package org.galvani.traceability;

/** What an annotation in the code says about a requirement. */
public enum LinkKind {
    /** {@code @Implements}: this code implements the requirement. */
    IMPLEMENTS("@Implements"),
    /** {@code @Verifies}: this test, property, fuzz test or architecture rule verifies the requirement. */
    VERIFIES("@Verifies");

    private final String annotation;

    LinkKind(String annotation) {
        this.annotation = annotation;
    }

    public String annotation() {
        return annotation;
    }
}
