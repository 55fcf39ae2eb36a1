package org.galvani.verification.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.galvani.app.GalvaniCli;
import org.galvani.drivers.sim.SimulatedOutputStage;
import org.galvani.hazard.HazardRegister;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.architecture.PureCoreRules;
import org.galvani.opcua.OpcUaGateway;
import org.galvani.trace.Implements;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules over the main classes of every module (trace-annotations, safety-kernel,
 * drivers, hazard-analysis, opcua, app; traceability once it exists), imported from each module's
 * own class folder or jar, so that no test class is among them. {@link ArchitectureRulesCanFailTest}
 * shows that each rule fails on a fixture that breaks it.
 */
class ArchitectureRulesTest {

    private static final ModuleRules RULES = new ModuleRules("org.galvani");
    private static JavaClasses production;

    @BeforeAll
    static void importMainClassesOfEveryModule() throws URISyntaxException {
        Set<Location> modules = new LinkedHashSet<>();
        for (Class<?> member : new Class<?>[] {Implements.class, SafetyKernel.class, SimulatedOutputStage.class,
                HazardRegister.class, GalvaniCli.class, OpcUaGateway.class}) {
            modules.add(Location.of(member.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        production = new ClassFileImporter().importLocations(modules);
        for (String pkg : new String[] {"org.galvani.trace", "org.galvani.kernel", "org.galvani.kernel.policy",
                "org.galvani.kernel.runtime", "org.galvani.drivers.sim", "org.galvani.drivers.wire", "org.galvani.hazard",
                "org.galvani.app", "org.galvani.app.scenario", "org.galvani.opcua"}) {
            assertTrue(production.containPackage(pkg), "the import misses the package " + pkg + ": " + modules);
        }
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")
                || c.getPackageName().startsWith("org.galvani.kernel.testing")), "test classes were imported");
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void modulesDependOnlyDownTheTable() {
        RULES.moduleDependencies().forEach(ArchitectureRulesTest::check);
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void theKernelCoreIsPure() {
        String[] core = PureCoreRules.CORE;
        check(PureCoreRules.dependOnlyOnJavaLangJavaUtilAndTrace(core));
        check(PureCoreRules.notDependOnSpiPortsOrRuntime(core));
        check(PureCoreRules.startNoThreads(core));
        check(PureCoreRules.readNoClock(core));
        check(PureCoreRules.doNoIo(core));
        check(PureCoreRules.useNoReflection(core));
        check(PureCoreRules.useNoLocks(core));
        check(PureCoreRules.notLog(core));
        check(PureCoreRules.useIntegerUnits(core));
        check(PureCoreRules.dependOnNothingOfOursButTrace(PureCoreRules.POLICY));
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void uiCodeReachesTheKernelOnlyThroughItsRequestApi() {
        check(RULES.uiOnlyThroughTheRequestApi());
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void noPackageCycles() {
        check(RULES.noPackageCycles());
    }

    @Test
    @Verifies(value = "SRS-VER-007", version = 1)
    void standardRules() {
        check(RULES.noStandardStreamsOutsideTheCli());
        check(RULES.noGenericExceptions());
        check(RULES.noJavaUtilLogging());
    }
}
