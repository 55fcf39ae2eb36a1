package org.galvani.traceability;

/**
 * A compiled class as the scan saw it: its binary name, its superclass (null for none or
 * {@code java.lang.Object}), the module and whether it is test code, and its source file when the checkout
 * holds it.
 */
public record ClassInfo(String name, String superName, String module, boolean testCode, String sourceFile) {
}
