package org.galvani.kernel.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.galvani.trace.Implements;

/**
 * The drivers on the class path, by name, found through {@link ServiceLoader}. A provider that cannot be
 * loaded, has a malformed name or shares its name with another is an error naming both: choosing a
 * driver must never depend on class-path order.
 */
@Implements("SRS-KRN-035")
public final class DriverRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final Map<String, DriverProvider> providers;

    private DriverRegistry(Map<String, DriverProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** The providers that {@code loader} can see. */
    public static DriverRegistry load(ClassLoader loader) {
        Map<String, DriverProvider> found = new LinkedHashMap<>();
        try {
            for (DriverProvider provider : ServiceLoader.load(DriverProvider.class, loader)) {
                add(found, provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("driver providers: " + e.getMessage(), e);
        }
        return new DriverRegistry(found);
    }

    /** A registry of exactly these providers (for tests and for applications that wire drivers by hand). */
    public static DriverRegistry of(DriverProvider... providers) {
        Map<String, DriverProvider> found = new LinkedHashMap<>();
        for (DriverProvider provider : providers) {
            add(found, provider);
        }
        return new DriverRegistry(found);
    }

    private static void add(Map<String, DriverProvider> found, DriverProvider provider) {
        String name = provider.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalStateException("driver provider " + provider.getClass().getName() + " has the malformed"
                    + " name '" + name + "' (lower-case letters, digits and '-', starting with a letter)");
        }
        DriverProvider other = found.putIfAbsent(name, provider);
        if (other != null) {
            throw new IllegalStateException("two driver providers are named '" + name + "': "
                    + other.getClass().getName() + " and " + provider.getClass().getName());
        }
    }

    /** The providers by name, in discovery order. */
    public Map<String, DriverProvider> providers() {
        return providers;
    }

    /** The provider called {@code name}; throws naming the available drivers when there is none. */
    public DriverProvider provider(String name) {
        DriverProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no driver named '" + name + "'; available: "
                    + (providers.isEmpty() ? "none (no driver jar on the class path)" : String.join(", ", providers.keySet())));
        }
        return provider;
    }

    /** A driver of kind {@code settings.driver()}, configured and validated by its provider; not yet opened. */
    public OutputStageDriver create(DriverSettings settings) {
        return provider(settings.driver()).create(settings);
    }
}
