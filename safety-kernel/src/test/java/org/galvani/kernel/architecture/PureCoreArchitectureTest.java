package org.galvani.kernel.architecture;

import static org.galvani.kernel.architecture.PureCoreRules.CORE;
import static org.galvani.kernel.architecture.PureCoreRules.POLICY;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.architecture.fixture.StartsAThread;
import org.galvani.kernel.policy.DoseBudget;
import org.galvani.kernel.testing.TestStage;
import org.galvani.trace.Implements;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production code obeys the pure-core rules (see {@link PureCoreRules} for what each allows). */
class PureCoreArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.galvani");
        // The rules must see the core and nothing of the tests (the fixtures break every rule on purpose).
        assertTrue(production.contain(SafetyKernel.class) && production.contain(DoseBudget.class)
                && production.contain(Implements.class), "the production classes were imported");
        assertFalse(production.contain(TestStage.class) || production.contain(StartsAThread.class),
                "no test classes were imported");
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreDependsOnlyOnJavaLangJavaUtilAndTheTraceAnnotations() {
        PureCoreRules.dependOnlyOnJavaLangJavaUtilAndTrace(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreDoesNotDependOnTheSpiThePortsOrTheRuntime() {
        PureCoreRules.notDependOnSpiPortsOrRuntime(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreStartsNoThreads() {
        PureCoreRules.startNoThreads(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreReadsNoClock() {
        PureCoreRules.readNoClock(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreDoesNoIo() {
        PureCoreRules.doNoIo(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreUsesNoReflection() {
        PureCoreRules.useNoReflection(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreUsesNoLocks() {
        PureCoreRules.useNoLocks(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreDoesNotLog() {
        PureCoreRules.notLog(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theCoreUsesIntegerUnits() {
        PureCoreRules.useIntegerUnits(CORE).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void thePoliciesDependOnNothingOfOursButTheTraceAnnotations() {
        PureCoreRules.dependOnNothingOfOursButTrace(POLICY).check(production);
    }

    @Test
    @Verifies("SRS-KRN-026")
    void theModuleHasNoPackageCycles() {
        PureCoreRules.beFreeOfPackageCycles("org.galvani").check(production);
    }
}
