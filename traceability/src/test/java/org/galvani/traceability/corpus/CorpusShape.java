package org.galvani.traceability.corpus;

import java.util.Locale;
import org.galvani.trace.Implements;

/**
 * The size and link structure of a generated checkout for the traceability benchmark, shared by the writers of
 * both formats ({@link GalvaniCorpus}, {@link OftCorpus}) so that the two tools trace the same thing.
 *
 * <ul>
 *   <li>{@code requirements} requirements in {@code modules} modules (the same number in each); requirement
 *       {@code r} is at version 2 when {@code r % 50 == 0}, else 1, and is class B when {@code r % 3 == 0}, else C;
 *   <li>{@code hazards} hazards, hazard {@code h} reduced by risk control {@code h}; requirement {@code r} implements
 *       control {@code r % hazards};
 *   <li>one implementation per requirement, {@value #IMPLEMENTATIONS_PER_CLASS} methods to a class;
 *   <li>{@code tests} tests, {@value #TESTS_PER_CLASS} methods to a class; test {@code t} verifies requirement
 *       {@code t % requirements}, written against version 1 (so it is suspect where the requirement is at 2); it
 *       failed when {@code t % 100 == 7} and was skipped when {@code t % 100 == 13}.
 * </ul>
 */
@Implements("SRS-TRC-011")
public record CorpusShape(int modules, int requirements, int hazards, int tests) {

    public static final int IMPLEMENTATIONS_PER_CLASS = 5;
    public static final int TESTS_PER_CLASS = 10;
    /** The version of its requirement every test was written against. */
    public static final int TEST_VERSION = 1;

    /** The benchmark's size: 10,000 requirements in 10 modules, 2,000 hazards and 50,000 tests. */
    public static CorpusShape benchmark() {
        return new CorpusShape(10, 10_000, 2_000, 50_000);
    }

    public CorpusShape {
        if (modules < 1 || requirements < 1 || hazards < 1 || tests < 0) {
            throw new IllegalArgumentException("a corpus needs at least one module, requirement and hazard, not "
                    + modules + " modules, " + requirements + " requirements, " + hazards + " hazards");
        }
        if (requirements % (modules * IMPLEMENTATIONS_PER_CLASS) != 0) {
            throw new IllegalArgumentException("requirements (" + requirements + ") must be a multiple of "
                    + IMPLEMENTATIONS_PER_CLASS + " x modules (" + modules + ")");
        }
        if (tests % TESTS_PER_CLASS != 0) {
            throw new IllegalArgumentException("tests (" + tests + ") must be a multiple of " + TESTS_PER_CLASS);
        }
    }

    public int requirementsPerModule() {
        return requirements / modules;
    }

    public String module(int index) {
        return "mod" + index;
    }

    /** The ID of requirement {@code r}: {@code SRS-GA-000} ... (the area is letters only, as the format wants). */
    public String requirement(int r) {
        int area = r / 1000;
        return String.format(Locale.ROOT, "SRS-%c%c-%03d", (char) ('G' + area / 26), (char) ('A' + area % 26), r % 1000);
    }

    public int version(int r) {
        return r % 50 == 0 ? 2 : 1;
    }

    public String safetyClass(int r) {
        return r % 3 == 0 ? "B" : "C";
    }

    /** The risk control requirement {@code r} implements. */
    public int controlOf(int r) {
        return r % hazards;
    }

    public String control(int h) {
        return String.format(Locale.ROOT, "RC-%03d", h + 1);
    }

    public String hazard(int h) {
        return String.format(Locale.ROOT, "HAZ-%03d", h + 1);
    }

    /** The internal name of the class holding implementation {@code i} (of requirement {@code i}). */
    public String implementationClass(int i) {
        int module = i / requirementsPerModule();
        return "org/corpus/" + module(module) + "/Impl" + (i % requirementsPerModule()) / IMPLEMENTATIONS_PER_CLASS;
    }

    public String implementationMethod(int i) {
        return "run" + i % IMPLEMENTATIONS_PER_CLASS;
    }

    public int testClasses() {
        return tests / TESTS_PER_CLASS;
    }

    /** The module of test class {@code c}. */
    public int testModule(int c) {
        return c % modules;
    }

    /** The internal name of test class {@code c}. */
    public String testClass(int c) {
        return "org/corpus/" + module(testModule(c)) + "/Check" + c + "Test";
    }

    public String testMethod(int t) {
        return "check" + t % TESTS_PER_CLASS;
    }

    /** The requirement test {@code t} verifies. */
    public int verifiedBy(int t) {
        return t % requirements;
    }

    public boolean failed(int t) {
        return t % 100 == 7;
    }

    public boolean skipped(int t) {
        return t % 100 == 13;
    }
}
