/*
 * A stub for KeY, whose model of the Java library lacks java.lang.annotation: @Implements, staged with the
 * kernel classes, uses it. KeY only resolves the names; it proves nothing about them.
 */
package java.lang.annotation;

public @interface Target {
    ElementType[] value();
}
