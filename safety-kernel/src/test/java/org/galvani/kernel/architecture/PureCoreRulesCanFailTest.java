package org.galvani.kernel.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.galvani.kernel.architecture.fixture.ComputesInFloatingPoint;
import org.galvani.kernel.architecture.fixture.DependsOnConcurrentCollections;
import org.galvani.kernel.architecture.fixture.DependsOnTheDriverSpi;
import org.galvani.kernel.architecture.fixture.DependsOnTheKernel;
import org.galvani.kernel.architecture.fixture.LoadsAClassByName;
import org.galvani.kernel.architecture.fixture.LocksWithASynchronizedBlock;
import org.galvani.kernel.architecture.fixture.LocksWithASynchronizedMethod;
import org.galvani.kernel.architecture.fixture.Logs;
import org.galvani.kernel.architecture.fixture.ReadsAFile;
import org.galvani.kernel.architecture.fixture.ReadsTheClock;
import org.galvani.kernel.architecture.fixture.StartsAThread;
import org.galvani.kernel.architecture.fixture.cycle.downstream.Downstream;
import org.galvani.kernel.architecture.fixture.cycle.upstream.Upstream;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * Every pure-core rule fails on a class that breaks it: the same rule as in production, pointed at the
 * fixture's package, and the failure names the fixture and what it did.
 */
class PureCoreRulesCanFailTest {

    private static final String FIXTURES = "org.galvani.kernel.architecture.fixture";

    @Test
    @Verifies("SRS-KRN-026")
    void theDependencyRuleFailsOnJavaUtilConcurrent() {
        assertFails(PureCoreRules.dependOnlyOnJavaLangJavaUtilAndTrace(FIXTURES), DependsOnConcurrentCollections.class,
                "java.util.concurrent.ConcurrentHashMap");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theDependencyRuleFailsOnTheSpi() {
        assertFails(PureCoreRules.dependOnlyOnJavaLangJavaUtilAndTrace(FIXTURES), DependsOnTheDriverSpi.class,
                "org.galvani.kernel.spi.OutputStageDriver");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theSpiPortRuntimeRuleFails() {
        assertFails(PureCoreRules.notDependOnSpiPortsOrRuntime(FIXTURES), DependsOnTheDriverSpi.class,
                "org.galvani.kernel.spi.OutputStageDriver");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theThreadRuleFails() {
        assertFails(PureCoreRules.startNoThreads(FIXTURES), StartsAThread.class, "java.lang.Thread");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theClockRuleFails() {
        assertFails(PureCoreRules.readNoClock(FIXTURES), ReadsTheClock.class, "System.nanoTime()");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theIoRuleFails() {
        assertFails(PureCoreRules.doNoIo(FIXTURES), ReadsAFile.class, "java.io.FileInputStream");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theReflectionRuleFails() {
        assertFails(PureCoreRules.useNoReflection(FIXTURES), LoadsAClassByName.class, "Class.forName(java.lang.String)");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theLockRuleFailsOnASynchronizedBlock() {
        assertFails(PureCoreRules.useNoLocks(FIXTURES), LocksWithASynchronizedBlock.class, "has synchronized block");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theLockRuleFailsOnASynchronizedMethod() {
        assertFails(PureCoreRules.useNoLocks(FIXTURES), LocksWithASynchronizedMethod.class,
                "LocksWithASynchronizedMethod.increment() is synchronized");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theLoggingRuleFails() {
        assertFails(PureCoreRules.notLog(FIXTURES), Logs.class, "org.slf4j.Logger");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theIntegerUnitsRuleFails() {
        assertFails(PureCoreRules.useIntegerUnits(FIXTURES), ComputesInFloatingPoint.class,
                "ComputesInFloatingPoint.milliamps is floating-point");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void thePolicyIsolationRuleFails() {
        assertFails(PureCoreRules.dependOnNothingOfOursButTrace(FIXTURES), DependsOnTheKernel.class,
                "org.galvani.kernel.Measurement");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCycleRuleFails() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Upstream.class, Downstream.class);
        EvaluationResult result = PureCoreRules.beFreeOfPackageCycles(FIXTURES + ".cycle").evaluate(cycle);
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(result.hasViolation(), "the cycle rule passed a cycle");
        assertTrue(report.contains("Cycle detected") && report.contains("upstream") && report.contains("downstream"),
                report);
    }

    /** The rule fails on the fixture alone, and its report names the fixture and the offending target. */
    private static void assertFails(ArchRule rule, Class<?> fixture, String offence) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertAll(
                () -> assertTrue(result.hasViolation(), "rule passed on " + fixture.getSimpleName() + ": " + rule),
                () -> assertTrue(report.contains(fixture.getName()), "report names the fixture: " + report),
                () -> assertTrue(report.contains(offence), "report names '" + offence + "': " + report));
    }
}
