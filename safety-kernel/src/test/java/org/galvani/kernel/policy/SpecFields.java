package org.galvani.kernel.policy;

import java.lang.reflect.Field;

/**
 * Reads the {@code spec_public} fields that a policy's JML contract talks about, so that a property can
 * check the contract's postconditions and invariants as written. Test code only: the kernel core itself
 * uses no reflection.
 */
final class SpecFields {

    private SpecFields() {
    }

    static long longOf(Object target, String name) {
        return ((Number) valueOf(target, name)).longValue();
    }

    static int intOf(Object target, String name) {
        return ((Number) valueOf(target, name)).intValue();
    }

    private static Object valueOf(Object target, String name) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the contract names field '" + name + "' of " + target.getClass().getSimpleName()
                    + " but it cannot be read", e);
        }
    }
}
