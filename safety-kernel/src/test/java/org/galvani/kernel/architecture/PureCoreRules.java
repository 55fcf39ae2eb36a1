package org.galvani.kernel.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Calendar;
import java.util.Date;
import java.util.Timer;
import java.util.TimerTask;
import java.util.stream.Stream;

/**
 * The architecture rules of SRS-KRN-026 (a pure kernel core). Each rule takes the packages it checks, so
 * that the very rule the production check uses can be shown to fail on a violating fixture.
 *
 * <p>What "only java.lang, java.util and our annotations" allows, precisely: the package {@code java.lang}
 * itself (not {@code java.lang.reflect} or {@code java.lang.invoke}), {@code java.util} and its
 * subpackages except {@code java.util.concurrent..} and {@code java.util.logging..} (the core uses
 * {@code java.util.regex} in DrugTable and collections in DeviceProfile and DrugTable, which are
 * configuration-time code), the checked packages themselves, and {@code org.galvani.trace}. Within those,
 * the narrower rules below forbid what would still break purity: threads, clocks, I/O, reflection,
 * monitors, logging and floating-point quantities.
 *
 * <p>Public, so that the verification module evaluates the same rules over the classes of every module.
 */
public final class PureCoreRules {

    /** The kernel core: the state machine, its value types, and the policies. */
    public static final String[] CORE = {"org.galvani.kernel", "org.galvani.kernel.policy"};
    public static final String POLICY = "org.galvani.kernel.policy";
    /** The one class of the core that converts from clinical (floating-point) units, at the edges only. */
    static final String UNIT_CONVERSIONS = "org.galvani.kernel.Units";

    private PureCoreRules() {
    }

    public static ArchRule dependOnlyOnJavaLangJavaUtilAndTrace(String... checked) {
        String[] allowed = Stream.concat(Stream.of("java.lang", "java.util..", "org.galvani.trace.."), Stream.of(checked))
                .toArray(String[]::new);
        return classes().that().resideInAnyPackage(checked)
                .should().onlyDependOnClassesThat(resideInAnyPackage(allowed)
                        .and(not(resideInAnyPackage("java.util.concurrent..", "java.util.logging.."))))
                .because("SRS-KRN-026: what the kernel decides must depend only on its inputs, so the core uses"
                        + " nothing but java.lang, java.util and the trace annotations");
    }

    public static ArchRule notDependOnSpiPortsOrRuntime(String... checked) {
        return noClasses().that().resideInAnyPackage(checked)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.galvani.kernel.spi..", "org.galvani.kernel.port..", "org.galvani.kernel.runtime..")
                .because("SRS-KRN-026: the core is used by the runtime and the drivers, never the other way round");
    }

    public static ArchRule startNoThreads(String... checked) {
        return noClasses().that().resideInAnyPackage(checked)
                .should().dependOnClassesThat(assignableTo(Thread.class)
                        .or(belongToAnyOf(ThreadGroup.class, ThreadLocal.class, Runtime.class, ProcessBuilder.class))
                        .or(resideInAPackage("java.util.concurrent..")))
                .because("SRS-KRN-026: the kernel is single-threaded; its caller owns the only thread that ticks it");
    }

    public static ArchRule readNoClock(String... checked) {
        return noClasses().that().resideInAnyPackage(checked)
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().dependOnClassesThat(resideInAPackage("java.time..")
                        .or(belongToAnyOf(Date.class, Calendar.class, Timer.class, TimerTask.class)))
                .because("SRS-KRN-026: time is passed into the kernel by its caller, so that every tick can be"
                        + " replayed and tested");
    }

    public static ArchRule doNoIo(String... checked) {
        return noClasses().that().resideInAnyPackage(checked)
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
                .because("SRS-KRN-026: I/O can block and fail; the runtime does it outside the kernel");
    }

    public static ArchRule useNoReflection(String... checked) {
        return noClasses().that().resideInAnyPackage(checked)
                .should().dependOnClassesThat().resideInAnyPackage("java.lang.reflect..", "java.lang.invoke..")
                .orShould().callMethodWhere(target(owner(assignableTo(Class.class))).and(target(nameMatching(
                        "forName|newInstance|getDeclared.*|getMethods?|getFields?|getConstructors?|getClassLoader"))))
                .because("SRS-KRN-026: reflection hides dependencies from the reader, the compiler and the provers");
    }

    public static ArchRule useNoLocks(String... checked) {
        return noClasses().that().resideInAnyPackage(checked)
                .should(useMonitors())
                .orShould().callMethodWhere(target(nameMatching("wait|notify|notifyAll"))
                        .and(target(owner(assignableTo(Object.class)))))
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent.locks..")
                .because("SRS-KRN-026: a lock can make the tick wait for another thread");
    }

    public static ArchRule notLog(String... checked) {
        return noClasses().that().resideInAnyPackage(checked)
                .should().dependOnClassesThat(resideInAnyPackage("org.slf4j..", "java.util.logging..",
                        "ch.qos.logback..", "org.apache.logging..", "org.apache.commons.logging..")
                        .or(belongToAnyOf(System.Logger.class)))
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("SRS-KRN-026: logging does I/O and allocates; the kernel reports through its event sink");
    }

    public static ArchRule useIntegerUnits(String... checked) {
        return classes().that().resideInAnyPackage(checked).and().doNotHaveFullyQualifiedName(UNIT_CONVERSIONS)
                .should(haveNoFloatingPointFieldsOrSignatures())
                .because("SRS-KRN-026: the kernel computes in integer units (µA, mV, Ω, µs, µA·ms) so that its"
                        + " arithmetic is exact; only Units converts from clinical units, at the edges");
    }

    public static ArchRule dependOnNothingOfOursButTrace(String policyPackage) {
        return noClasses().that().resideInAPackage(policyPackage)
                .should().dependOnClassesThat(resideInAPackage("org.galvani..")
                        .and(not(resideInAnyPackage("org.galvani.trace..", policyPackage))))
                .because("SRS-KRN-026: each policy is a self-contained rule that can be proved on its own");
    }

    public static ArchRule beFreeOfPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles()
                .because("SRS-KRN-026: a cycle would let the core reach, through another package, what it may"
                        + " not depend on");
    }

    private static ArchCondition<JavaClass> useMonitors() {
        return new ArchCondition<>("use synchronized methods or blocks") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaMethod method : javaClass.getMethods()) {
                    boolean synchronizedMethod = method.getModifiers().contains(JavaModifier.SYNCHRONIZED);
                    events.add(new SimpleConditionEvent(method, synchronizedMethod,
                            method.getFullName() + (synchronizedMethod ? " is" : " is not") + " synchronized"));
                }
                boolean block = Javap.disassemble(javaClass).contains("monitorenter");
                events.add(new SimpleConditionEvent(javaClass, block, javaClass.getName()
                        + (block ? " has" : " has no") + " synchronized block (monitorenter)"));
            }
        };
    }

    private static ArchCondition<JavaClass> haveNoFloatingPointFieldsOrSignatures() {
        return new ArchCondition<>("have no float or double fields, parameters or results") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaField field : javaClass.getFields()) {
                    if (floatingPoint(field.getRawType())) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is floating-point"));
                    }
                }
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    boolean result = floatingPoint(unit.getRawReturnType());
                    boolean parameter = unit.getRawParameterTypes().stream().anyMatch(PureCoreRules::floatingPoint);
                    if (result || parameter) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName()
                                + " takes or returns a floating-point value"));
                    }
                }
            }
        };
    }

    private static boolean floatingPoint(JavaClass type) {
        JavaClass base = type.getBaseComponentType();
        return base.isEquivalentTo(double.class) || base.isEquivalentTo(float.class)
                || base.isEquivalentTo(Double.class) || base.isEquivalentTo(Float.class);
    }
}
