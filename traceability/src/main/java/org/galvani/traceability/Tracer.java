package org.galvani.traceability;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.galvani.hazard.Finding;
import org.galvani.hazard.FindingLevel;
import org.galvani.hazard.Hazard;
import org.galvani.hazard.HazardAnalysis;
import org.galvani.hazard.HazardRegister;
import org.galvani.hazard.InputFormatException;
import org.galvani.hazard.Reference;
import org.galvani.hazard.RegisterReader;
import org.galvani.hazard.RequirementDeclaration;
import org.galvani.hazard.RequirementLink;
import org.galvani.hazard.RequirementsReader;
import org.galvani.hazard.RiskControl;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the chain hazard → risk control → requirement → implementation → verifying tests → latest result
 * from a checkout's sources, and finds every gap in it.
 *
 * <p>A {@code @Verifies} link is matched with report cases by class and name: on a method or field, the
 * cases of that method or ArchUnit rule in the annotated class and its subclasses (a conformance kit's
 * checks run in the subclass that names the stage); on a class, every case of the class, of its nested
 * classes and of its subclasses. A case's name is matched up to its first {@code (} or {@code [}, so the
 * invocations of a parameterized, repeated, dynamic or fuzz test are all cases of their method.
 *
 * <p>Versions: a {@code @Verifies} without a version (0) counts as written against version 1, the first
 * version of every requirement; so it stays current while the requirement is at version 1 and becomes
 * suspect when the requirement moves on, like any link whose version differs from the requirement's. Stating
 * the current version in the annotation is the review that clears it.
 */
@Implements({"SRS-TRC-001", "SRS-TRC-004", "SRS-TRC-005"})
public final class Tracer {

    private static final Logger LOG = LoggerFactory.getLogger(Tracer.class);

    private Tracer() {
    }

    /**
     * Reads every source and traces it. Unreadable input is an error naming the file (and line); when several
     * inputs are unreadable, the requirements and the register are reported first.
     */
    public static TraceResult trace(TraceSources sources) throws IOException, InputFormatException {
        long start = System.nanoTime();
        // The YAML side (requirements, register, hazard analysis) and the build's side (class files, test
        // reports) are independent: the first is read on its own thread while this one reads the second.
        FutureTask<Declared> declared = new FutureTask<>(() -> declared(sources));
        Thread reader = new Thread(declared, "galvani-trace-yaml");
        reader.setDaemon(true);
        reader.start();
        ClassScanner.Result scan = null;
        List<TestCase> cases = null;
        Exception buildSide = null;
        long scanned = 0;
        try {
            scan = new ClassScanner(new SourceLocator(sources.root())).scan(sources.classDirectories());
            scanned = System.nanoTime();
            cases = new TestReports(sources.root()).read(sources.reportDirectories());
        } catch (IOException | RuntimeException e) {
            buildSide = e;
        }
        long reported = System.nanoTime();
        Declared yaml = join(declared);
        if (buildSide instanceof IOException io) {
            throw io;
        } else if (buildSide instanceof RuntimeException runtime) {
            throw runtime;
        }
        long read = System.nanoTime();
        TraceResult result = new Tracer.Run(sources, yaml.requirements, yaml.analysis, scan, cases).build();
        LOG.debug("trace: classes {} ms and reports {} ms while reading requirements and hazards ({} ms in all),"
                        + " matrix {} ms", (scanned - start) / 1_000_000, (reported - scanned) / 1_000_000,
                (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return result;
    }

    /** The requirements and the hazard analysis of their register. */
    private record Declared(List<Requirement> requirements, HazardAnalysis analysis) {
    }

    private static Declared declared(TraceSources sources) throws IOException, InputFormatException {
        List<Requirement> requirements = readRequirements(sources);
        HazardRegister register = RegisterReader.read(sources.hazardRegister(), sources.name(sources.hazardRegister()));
        List<RequirementLink> requirementLinks = requirements.stream()
                .map(r -> new RequirementLink(r.id(), r.version(), r.safetyClass(), r.source().file(), r.source().line(),
                        r.controls()))
                .toList();
        return new Declared(requirements, HazardAnalysis.of(register, requirementLinks));
    }

    private static Declared join(FutureTask<Declared> declared) throws IOException, InputFormatException {
        try {
            return declared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the requirements and the hazard register");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof InputFormatException format) {
                throw format;
            } else if (cause instanceof RuntimeException runtime) {
                throw runtime;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** The requirements of every module's file, in module and file order. */
    static List<Requirement> readRequirements(TraceSources sources) throws IOException, InputFormatException {
        List<Requirement> requirements = new ArrayList<>();
        for (TraceSources.ModuleFile file : sources.requirementFiles()) {
            String name = sources.name(file.file());
            for (RequirementDeclaration declaration : RequirementsReader.readDeclarations(file.file(), name)) {
                RequirementLink link = declaration.link();
                requirements.add(new Requirement(link.id(), link.version(), declaration.title(), declaration.text(),
                        link.safetyClass(), link.controls(),
                        declaration.implementedIn().stream().map(Reference::id).toList(), file.module(),
                        new SourceRef(name, link.line())));
            }
        }
        return requirements;
    }

    /** One trace's working state. */
    private static final class Run {
        private final TraceSources sources;
        private final List<Requirement> requirements;
        private final HazardAnalysis analysis;
        private final ClassScanner.Result scan;
        private final List<TestCase> cases;
        private final Map<String, Requirement> byId = new HashMap<>();
        private final Map<String, List<TestCase>> casesByClass = new HashMap<>();
        private final Map<String, Set<String>> nestedByOuter = new HashMap<>();
        private final Map<String, List<String>> subclasses = new HashMap<>();
        private final Map<String, Set<String>> hazardsByControl = new HashMap<>();
        private final List<Gap> gaps = new ArrayList<>();

        Run(TraceSources sources, List<Requirement> requirements, HazardAnalysis analysis, ClassScanner.Result scan,
                List<TestCase> cases) {
            this.sources = sources;
            this.requirements = requirements;
            this.analysis = analysis;
            this.scan = scan;
            this.cases = cases;
        }

        TraceResult build() throws IOException {
            for (Requirement requirement : requirements) {
                byId.putIfAbsent(requirement.id(), requirement);
            }
            for (TestCase test : cases) {
                casesByClass.computeIfAbsent(test.className(), k -> new ArrayList<>()).add(test);
            }
            for (String className : casesByClass.keySet()) {
                for (int dollar = className.indexOf('$'); dollar > 0; dollar = className.indexOf('$', dollar + 1)) {
                    nestedByOuter.computeIfAbsent(className.substring(0, dollar), k -> new HashSet<>()).add(className);
                }
            }
            for (ClassInfo info : scan.classes().values()) {
                if (info.superName() != null) {
                    subclasses.computeIfAbsent(info.superName(), k -> new ArrayList<>()).add(info.name());
                }
            }
            for (Hazard hazard : analysis.register().hazards()) {
                for (Reference control : hazard.controls()) {
                    hazardsByControl.computeIfAbsent(control.id(), k -> new LinkedHashSet<>()).add(hazard.id());
                }
            }

            Map<String, List<CodeLink>> implementing = new HashMap<>();
            Map<String, List<CodeLink>> verifying = new HashMap<>();
            for (CodeLink link : scan.links()) {
                Requirement requirement = byId.get(link.requirement());
                if (requirement == null) {
                    gaps.add(new Gap(GapKind.UNKNOWN_REQUIREMENT, null, null, link.where(), link.kind().annotation()
                            + " names " + link.requirement() + ", which no requirements file declares"));
                    continue;
                }
                (link.kind() == LinkKind.IMPLEMENTS ? implementing : verifying)
                        .computeIfAbsent(requirement.id(), k -> new ArrayList<>()).add(link);
            }

            List<RequirementTrace> rows = new ArrayList<>();
            Set<String> done = new HashSet<>();
            for (Requirement requirement : requirements) {
                if (done.add(requirement.id())) {
                    rows.add(row(requirement, implementing.getOrDefault(requirement.id(), List.of()),
                            verifying.getOrDefault(requirement.id(), List.of())));
                }
            }
            List<ControlTrace> controls = controls(rows);
            for (Finding finding : analysis.findings()) {
                if (finding.level() == FindingLevel.ERROR) {
                    gaps.add(new Gap(GapKind.HAZARD_ANALYSIS, null, null, finding.location().toString(),
                            "[" + finding.check() + "] " + finding.message()));
                }
            }
            List<Gap> all = new ArrayList<>();
            rows.forEach(row -> all.addAll(row.gaps()));
            all.addAll(gaps);
            Collections.sort(all);
            return new TraceResult(sources, rows, controls, all, analysis, scan.links(), cases.size(), Instant.now());
        }

        private RequirementTrace row(Requirement requirement, List<CodeLink> implementedBy, List<CodeLink> verifiedBy)
                throws IOException {
            List<Gap> rowGaps = new ArrayList<>();
            String where = requirement.source().toString();
            List<Implementation> implementations = new ArrayList<>();
            for (CodeLink link : implementedBy) {
                implementations.add(new Implementation(link.element(), link.module(), link.source(), false));
            }
            for (String entry : requirement.implementedIn()) {
                Path file = sources.root().resolve(requirement.module()).resolve(entry).normalize();
                String name = sources.name(file);
                if (!Files.isRegularFile(file)) {
                    rowGaps.add(gap(GapKind.BROKEN_IMPLEMENTED_IN, requirement, where,
                            "implementedIn names " + entry + " (" + name + "), which does not exist"));
                } else if (!Files.readString(file, StandardCharsets.UTF_8).contains(requirement.id())) {
                    rowGaps.add(gap(GapKind.BROKEN_IMPLEMENTED_IN, requirement, where,
                            "implementedIn names " + name + ", which does not name " + requirement.id()));
                } else {
                    implementations.add(new Implementation(name, requirement.module(), new SourceRef(name, 0), true));
                }
            }
            if (implementations.isEmpty()) {
                rowGaps.add(gap(GapKind.NOT_IMPLEMENTED, requirement, where,
                        "no @Implements in any module's classes and no implementedIn file"));
            }
            List<VerifyingTest> tests = new ArrayList<>();
            for (CodeLink link : verifiedBy) {
                List<TestCase> matched = casesOf(link);
                TestOutcome outcome = VerifyingTest.outcomeOf(matched);
                int stated = link.version() == 0 ? 1 : link.version();
                boolean suspect = stated != requirement.version();
                tests.add(new VerifyingTest(link, matched, outcome, suspect));
                switch (outcome) {
                    case FAILED -> {
                        TestCase failed = matched.stream()
                                .filter(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR)
                                .findFirst().orElseThrow();
                        long count = matched.stream()
                                .filter(t -> t.status() == TestStatus.FAILED || t.status() == TestStatus.ERROR).count();
                        rowGaps.add(gap(GapKind.TEST_FAILED, requirement, link.where(), count + " of " + matched.size()
                                + " case(s) failed, first " + failed.className() + "#" + failed.name()
                                + (failed.message().isEmpty() ? "" : ": " + failed.message()) + " (" + failed.reportFile()
                                + ")"));
                    }
                    case SKIPPED -> rowGaps.add(gap(GapKind.TEST_SKIPPED, requirement, link.where(),
                            "all " + matched.size() + " case(s) skipped"
                                    + (matched.get(0).message().isEmpty() ? "" : ": " + matched.get(0).message())
                                    + " (" + matched.get(0).reportFile() + ")"));
                    case NOT_RUN -> rowGaps.add(gap(GapKind.TEST_NOT_RUN, requirement, link.where(),
                            "no case of " + link.element() + " in any Surefire or Failsafe report"
                                    + (link.testCode() ? "" : " (the link is in main code, not in a test)")));
                    case PASSED -> {
                    }
                }
                if (suspect) {
                    rowGaps.add(gap(GapKind.SUSPECT_LINK, requirement, link.where(), link.version() == 0
                            ? "@Verifies states no version (read as version 1); " + requirement.id() + " is at version "
                                    + requirement.version() + ": review the test and state version = "
                                    + requirement.version()
                            : stated > requirement.version()
                                    ? "@Verifies names version " + stated + ", but " + requirement.id()
                                            + " is only at version " + requirement.version()
                                    : "@Verifies was written against version " + stated + "; " + requirement.id()
                                            + " is at version " + requirement.version()
                                            + ": review the test and state version = " + requirement.version()));
                }
            }
            if (tests.isEmpty()) {
                rowGaps.add(gap(GapKind.NOT_VERIFIED, requirement, where, "no @Verifies in any module's classes"));
            }
            Set<String> hazards = new LinkedHashSet<>();
            for (String control : requirement.controls()) {
                hazards.addAll(hazardsByControl.getOrDefault(control, Set.of()));
            }
            return new RequirementTrace(requirement, List.copyOf(hazards), requirement.controls(), implementations,
                    tests, rowGaps);
        }

        private static Gap gap(GapKind kind, Requirement requirement, String where, String message) {
            return new Gap(kind, requirement.id(), requirement.safetyClass(), where, message);
        }

        /** The report cases of a @Verifies link (see the class comment). */
        private List<TestCase> casesOf(CodeLink link) {
            List<TestCase> matched = new ArrayList<>();
            for (String className : withSubclasses(link.className())) {
                if (link.member() == null) {
                    matched.addAll(casesByClass.getOrDefault(className, List.of()));
                    for (String nested : nestedByOuter.getOrDefault(className, Set.of())) {
                        matched.addAll(casesByClass.getOrDefault(nested, List.of()));
                    }
                } else {
                    for (TestCase test : casesByClass.getOrDefault(className, List.of())) {
                        if (test.ranMethod(link.member())) {
                            matched.add(test);
                        }
                    }
                }
            }
            return matched;
        }

        private Set<String> withSubclasses(String className) {
            Set<String> all = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(className));
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (all.add(next)) {
                    todo.addAll(subclasses.getOrDefault(next, List.of()));
                }
            }
            return all;
        }

        private List<ControlTrace> controls(List<RequirementTrace> rows) {
            Map<String, List<RequirementTrace>> byControl = new LinkedHashMap<>();
            for (RequirementTrace row : rows) {
                for (String control : row.requirement().controls()) {
                    byControl.computeIfAbsent(control, k -> new ArrayList<>()).add(row);
                }
            }
            List<ControlTrace> controls = new ArrayList<>();
            for (RiskControl control : analysis.register().controls()) {
                List<RequirementTrace> implementers = byControl.getOrDefault(control.id(), List.of());
                List<String> verified = implementers.stream().filter(row -> row.status() != RequirementStatus.GAP)
                        .map(row -> row.requirement().id()).toList();
                controls.add(new ControlTrace(control, List.copyOf(hazardsByControl.getOrDefault(control.id(), Set.of())),
                        implementers.stream().map(row -> row.requirement().id()).toList(), verified));
                // A control no requirement names is hazard-analysis's finding (CONTROL_WITHOUT_REQUIREMENT, or an
                // open item of the product team); here: named, but by no verified requirement.
                if (!implementers.isEmpty() && verified.isEmpty()) {
                    String highest = implementers.stream().map(row -> row.requirement().safetyClass())
                            .max(String::compareTo).orElse(null);
                    gaps.add(new Gap(GapKind.CONTROL_NOT_VERIFIED, null, highest, control.location().toString(),
                            "risk control " + control.id() + " (" + control.title() + "): none of its requirements "
                                    + implementers.stream().map(row -> row.requirement().id()).toList()
                                    + " is implemented and verified by passing tests"));
                }
            }
            return controls;
        }
    }
}
