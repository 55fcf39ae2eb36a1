package org.galvani.verification.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.galvani.trace.Verifies;
import org.galvani.verification.architecture.fixture.app.LogsWithJavaUtilLogging;
import org.galvani.verification.architecture.fixture.app.PrintsToStandardOut;
import org.galvani.verification.architecture.fixture.app.ThrowsAGenericException;
import org.galvani.verification.architecture.fixture.app.UiBuildsARuntime;
import org.galvani.verification.architecture.fixture.app.UiTicksTheKernel;
import org.galvani.verification.architecture.fixture.cycle.one.One;
import org.galvani.verification.architecture.fixture.drivers.DriverReadsTheHazardRegister;
import org.galvani.verification.architecture.fixture.hazard.RegisterUsesTheApp;
import org.galvani.verification.architecture.fixture.kernel.KernelCallsADriver;
import org.galvani.verification.architecture.fixture.opcua.GatewayAppliesADriverCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ModuleRules}, made for the fixture root instead of {@code org.galvani}, fails on the
 * fixture class that breaks it, and its report names that class. (The kernel core's purity rules are shown
 * to fail in safety-kernel's PureCoreRulesCanFailTest, on fixtures of their own.)
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURE = "org.galvani.verification.architecture.fixture";
    private static final ModuleRules RULES = new ModuleRules(FIXTURE);
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(FIXTURE);
        assertTrue(fixtures.contain(UiBuildsARuntime.class), "the fixtures were imported");
    }

    private static String failureOf(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertTrue(result.hasViolation(), "the rule passed on the fixtures: " + rule.getDescription());
        return result.getFailureReport().toString();
    }

    private static void assertFailsNaming(ArchRule rule, Class<?>... violators) {
        String report = failureOf(rule);
        for (Class<?> violator : violators) {
            assertTrue(report.contains(violator.getName()), "the report does not name " + violator.getName() + ":\n"
                    + report);
        }
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void eachModuleDependencyRuleFails() {
        List<ArchRule> rules = RULES.moduleDependencies();
        assertFailsNaming(rules.get(0), KernelCallsADriver.class);
        assertFailsNaming(rules.get(1), DriverReadsTheHazardRegister.class);
        assertFailsNaming(rules.get(2), RegisterUsesTheApp.class);
        assertFailsNaming(rules.get(4), GatewayAppliesADriverCommand.class);
        assertFailsNaming(rules.get(6), RegisterUsesTheApp.class);
        // The fixture tree has no traceability package: the rule for it applies to nothing, and passes.
        assertFalse(rules.get(3).evaluate(fixtures).hasViolation());
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void theRequestApiRuleFailsOnDirectDriverAndKernelCallsButNotOnBuildingARuntime() {
        String report = failureOf(RULES.uiOnlyThroughTheRequestApi());
        assertTrue(report.contains(GatewayAppliesADriverCommand.class.getName() + ".write"), report);
        assertTrue(report.contains("OutputStageDriver.apply"), report);
        assertTrue(report.contains(UiTicksTheKernel.class.getName() + ".tick"), report);
        assertTrue(report.contains("SafetyKernel.tick"), report);
        assertFalse(report.contains(UiBuildsARuntime.class.getName()), report);
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void theCycleRuleFails() {
        assertFailsNaming(RULES.noPackageCycles(), One.class);
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void theStandardRulesFail() {
        assertFailsNaming(RULES.noStandardStreamsOutsideTheCli(), PrintsToStandardOut.class);
        assertFailsNaming(RULES.noGenericExceptions(), ThrowsAGenericException.class);
        assertFailsNaming(RULES.noJavaUtilLogging(), LogsWithJavaUtilLogging.class);
    }
}
