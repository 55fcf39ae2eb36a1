package org.galvani.verification.proofs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the proofs find their inputs and put their outputs. Maven's Surefire passes them as system
 * properties (see this module's pom.xml), so that the tests depend on no working directory.
 *
 * @param kernelSources the safety kernel's source root
 * @param traceSources  the trace annotations' source root
 * @param fixtures      the classes proved beside the kernel (canary, hint lemmas), as package trees
 * @param stubs         stubs of library types that KeY's model of the Java library lacks
 * @param work          KeY's working folder (the staged sources, open goals of failed proofs)
 * @param evidence      where the proof results are written as evidence
 */
public record VerificationPaths(Path kernelSources, Path traceSources, Path fixtures, Path stubs, Path work,
                                Path evidence) {

    /** The paths from Surefire's system properties; fails naming a missing one or a missing input folder. */
    public static VerificationPaths fromSystemProperties() {
        VerificationPaths paths = new VerificationPaths(
                property("galvani.kernel.sources"),
                property("galvani.trace.sources"),
                property("galvani.key.fixtures"),
                property("galvani.key.stubs"),
                property("galvani.key.work"),
                property("galvani.evidence"));
        for (Path input : new Path[] {paths.kernelSources, paths.traceSources, paths.fixtures, paths.stubs}) {
            if (!Files.isDirectory(input)) {
                throw new IllegalStateException(input + " is not a folder");
            }
        }
        return paths;
    }

    /** The folder KeY loads. */
    public Path stage() {
        return work.resolve("stage");
    }

    /** Where the open goals of failed proofs are written, one file per contract. */
    public Path openGoals() {
        return work.resolve("open-goals");
    }

    private static Path property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the proofs through Maven"
                    + " (mvn -B -pl verification -am verify), which sets it in the Surefire configuration");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }
}
