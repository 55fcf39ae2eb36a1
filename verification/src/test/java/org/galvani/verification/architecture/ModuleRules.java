package org.galvani.verification.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.ArrayList;
import java.util.List;
import org.galvani.kernel.SafetyKernel;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Implements;

/**
 * The module and package rules of the design brief, across the classes of every module. Each rule is made
 * for a root package ({@code org.galvani} in production), so that the same rule can be evaluated against
 * a fixture tree with deliberate violations ({@code ...architecture.fixture}) and shown to fail.
 *
 * <p>Modules by package: {@code kernel} (safety-kernel: core, spi, port, runtime), {@code drivers},
 * {@code hazard} (hazard-analysis), {@code traceability}, {@code opcua}, {@code app}; the trace annotations
 * ({@code org.galvani.trace}) may be used by every module. Rules for modules that do not exist yet
 * (traceability, opcua) allow an empty set of classes and apply as soon as the package does.
 */
@Implements("SRS-VER-007")
public final class ModuleRules {

    private final String root;

    public ModuleRules(String root) {
        this.root = root;
    }

    private String pkg(String module) {
        return root + "." + module + "..";
    }

    private String trace() {
        // In production the annotations' own package; fixtures have none, so a package nothing resides in.
        return "org.galvani.trace";
    }

    /** {@code module}'s classes depend on no class of ours outside the modules in {@code allowed}. */
    ArchRule mayDependOnlyOn(String module, String because, String... allowed) {
        List<String> permitted = new ArrayList<>(List.of(pkg(module), trace()));
        for (String other : allowed) {
            permitted.add(pkg(other));
        }
        return noClasses().that().resideInAPackage(pkg(module))
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(not(resideInAnyPackage(permitted.toArray(String[]::new)))))
                .allowEmptyShould(true)
                .because(because);
    }

    /** The dependency table of the design brief: the arrows only point down. */
    List<ArchRule> moduleDependencies() {
        return List.of(
                mayDependOnlyOn("kernel", "the safety kernel depends on nothing of ours but the trace annotations:"
                        + " drivers, gateways and UIs are built on it, never the other way round"),
                mayDependOnlyOn("drivers", "drivers sit behind the kernel's driver SPI and depend only on"
                        + " safety-kernel", "kernel"),
                mayDependOnlyOn("hazard", "the hazard analysis is an ISO 14971 model that stands alone"),
                mayDependOnlyOn("traceability", "the traceability module reads requirements and hazards only",
                        "hazard"),
                mayDependOnlyOn("opcua", "the OPC UA gateway is a UI: it reaches devices only through the kernel",
                        "kernel"),
                mayDependOnlyOn("app", "the app is the top of the build; nothing of ours but its parts",
                        "kernel", "drivers", "hazard", "traceability", "opcua"),
                noClasses().that().resideOutsideOfPackage(pkg("app")).should().dependOnClassesThat()
                        .resideInAPackage(pkg("app")).allowEmptyShould(true)
                        .because("the app assembles the modules; no module may depend on it"));
    }

    /**
     * UI-side code (the app, the OPC UA gateway) reaches the kernel only through its request API (a
     * Channel's requests and snapshots, the KernelRuntime): it never calls a driver's sample, apply or
     * safe disable, nor ticks a kernel or submits to it directly. Building a driver and handing it to
     * the runtime is allowed.
     */
    ArchRule uiOnlyThroughTheRequestApi() {
        return noClasses().that().resideInAnyPackage(pkg("app"), pkg("opcua"))
                .should().callMethodWhere(target(owner(assignableTo(OutputStageDriver.class)))
                        .and(target(nameMatching("sample|apply|safeDisable"))))
                .orShould().callMethodWhere(target(owner(assignableTo(SafetyKernel.class)))
                        .and(target(nameMatching("tick|submit"))))
                .allowEmptyShould(true)
                .because("only the kernel writes the output command and only the control loop applies it;"
                        + " a UI's wish is a request the kernel may refuse");
    }

    /** No cycles between the packages of all modules. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("a package cycle lets a module reach, through another package, what it may not depend on");
    }

    /** No standard streams outside the command-line classes of the app (the *Cli classes). */
    ArchRule noStandardStreamsOutsideTheCli() {
        return noClasses().that().resideInAPackage(root + "..")
                .and(not(resideInAPackage(pkg("app")).and(simpleNameEndingWith("Cli"))))
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("output goes through SLF4J or a writer the caller passes; only the CLI's entry point"
                        + " owns the console");
    }

    /** No Exception, RuntimeException or Throwable thrown as such. */
    ArchRule noGenericExceptions() {
        return noClasses().that().resideInAPackage(root + "..")
                .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
                .because("an error names what is wrong in its type and message, so that callers can tell failures"
                        + " apart");
    }

    /** No java.util.logging: SLF4J only. */
    ArchRule noJavaUtilLogging() {
        return noClasses().that().resideInAPackage(root + "..")
                .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
                .because("logging goes through the SLF4J API; the binding (Logback) is the app's choice");
    }
}
