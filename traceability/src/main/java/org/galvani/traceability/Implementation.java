package org.galvani.traceability;

import java.util.Objects;

/**
 * What implements a requirement: an element of compiled code ({@code a.b.Class} or {@code a.b.Class#member})
 * carrying {@code @Implements}, or a non-Java file named in {@code implementedIn}; its module and source.
 *
 * @param element what implements it
 * @param module  the module
 * @param source  the source file and line (null when the checkout does not hold the source)
 * @param file    true for an {@code implementedIn} file
 */
public record Implementation(String element, String module, SourceRef source, boolean file) {

    public Implementation {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(module, "module");
    }
}
