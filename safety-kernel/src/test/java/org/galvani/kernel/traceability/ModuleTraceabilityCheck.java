package org.galvani.kernel.traceability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A module's traceability self-check, for every module that has a {@code requirements.yaml}: every
 * requirement of the module is implemented (@Implements) and verified (@Verifies) in its compiled main
 * and test classes, every link names a requirement of this module or of one it builds on (at the current
 * version, when a @Verifies states one), and the file is well formed. Each failure lists every gap of
 * its kind. A module's test extends this class and names its own classes and the files it builds on.
 *
 * <p>This is the build's early warning; the traceability module's matrix joins all modules and results.
 */
public abstract class ModuleTraceabilityCheck {

    private RequirementsFile own;
    private List<RequirementsFile> visible;
    private List<TraceLink> links;
    private List<String> scriptProblems;

    /** A class of this module's main code (to find the main classes). */
    protected abstract Class<?> mainClass();

    /** A class of this module's tests (to find the test classes). */
    protected abstract Class<?> testClass();

    /** The requirements files of the modules this one builds on, relative to this module's directory. */
    protected abstract List<String> upstreamRequirementFiles();

    private void load() throws IOException {
        if (links != null) {
            return;
        }
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        own = read(module.resolve("requirements.yaml"));
        visible = new ArrayList<>(List.of(own));
        for (String upstream : upstreamRequirementFiles()) {
            visible.add(read(module.resolve(upstream).normalize()));
        }
        links = new ArrayList<>(TraceLinkScanner.scan(TraceLinkScanner.rootOf(mainClass()),
                TraceLinkScanner.rootOf(testClass())));
        scriptProblems = new ArrayList<>();
        for (RequirementsFile.Requirement requirement : own.requirements().values()) {
            for (String script : requirement.implementedIn()) {
                Path file = module.resolve(script).normalize();
                if (!Files.isRegularFile(file)) {
                    scriptProblems.add(requirement.id() + ": implementedIn names " + script + ", which does not exist");
                } else if (!Files.readString(file).contains(requirement.id())) {
                    scriptProblems.add(requirement.id() + ": " + script + " does not name " + requirement.id());
                } else {
                    links.add(new TraceLink(TraceLink.IMPLEMENTS, requirement.id(), 0, script));
                }
            }
        }
        assertTrue(links.stream().anyMatch(TraceLink::implementsIt), "the scan found no @Implements at all");
        assertTrue(links.stream().anyMatch(TraceLink::verifiesIt), "the scan found no @Verifies at all");
    }

    private static RequirementsFile read(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), "requirements file not found at " + file);
        RequirementsFile read = RequirementsFile.read(file);
        assertFalse(read.requirements().isEmpty(), file + " declares no requirement");
        return read;
    }

    /** The links found in this module's classes. */
    protected final List<TraceLink> links() throws IOException {
        load();
        return links;
    }

    @Test
    void theRequirementsFileIsWellFormed() throws IOException {
        load();
        assertNoGaps("requirements.yaml is malformed", own.problems());
    }

    @Test
    void everyRequirementIsImplemented() throws IOException {
        load();
        List<String> gaps = new ArrayList<>(scriptProblems);
        gaps.addAll(TraceabilityGaps.unimplemented(own, links));
        assertNoGaps("requirements without an implementation", gaps);
    }

    @Test
    void everyRequirementIsVerified() throws IOException {
        load();
        assertNoGaps("requirements without a verifying test", TraceabilityGaps.unverified(own, links));
    }

    @Test
    void everyLinkNamesADeclaredRequirementAtItsCurrentVersion() throws IOException {
        load();
        assertNoGaps("links to undeclared or changed requirements", TraceabilityGaps.dangling(visible, links));
    }

    private static void assertNoGaps(String what, List<String> gaps) {
        if (!gaps.isEmpty()) {
            fail(what + " (" + gaps.size() + "):\n  " + String.join("\n  ", gaps));
        }
    }
}
