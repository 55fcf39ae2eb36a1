package org.galvani.app;

import picocli.CommandLine;

/** The version printed by {@code galvani --version}, from the jar's manifest when there is one. */
public final class GalvaniVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GalvaniVersion.class.getPackage().getImplementationVersion();
        return new String[] {"galvani " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version")};
    }
}
