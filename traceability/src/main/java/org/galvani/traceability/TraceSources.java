package org.galvani.traceability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.galvani.trace.Implements;

/**
 * What a trace reads, in a checkout: every module's {@code requirements.yaml}, the hazard register, the
 * module's compiled main and test classes, and its Surefire and Failsafe reports. {@link #discover} finds
 * them by the Maven layout: a module is a directory under the root with a {@code pom.xml}.
 */
@Implements("SRS-TRC-001")
public record TraceSources(Path root, List<ModuleFile> requirementFiles, Path hazardRegister,
        List<ClassScanner.ClassDirectory> classDirectories, List<Path> reportDirectories) {

    /** The register's place in a Galvani checkout. */
    public static final String HAZARD_REGISTER = "hazard-analysis/hazards.yaml";

    /** A module's requirements file. */
    public record ModuleFile(String module, Path file) {
    }

    public TraceSources {
        root = root.toAbsolutePath().normalize();
        requirementFiles = List.copyOf(requirementFiles);
        Objects.requireNonNull(hazardRegister, "hazardRegister");
        classDirectories = List.copyOf(classDirectories);
        reportDirectories = List.copyOf(reportDirectories);
    }

    /**
     * The sources of a checkout at {@code root}: for every module (a directory holding a {@code pom.xml}, in
     * name order) its {@code requirements.yaml} when it has one, {@code target/classes},
     * {@code target/test-classes}, {@code target/surefire-reports} and {@code target/failsafe-reports}; and
     * the register {@code hazard-analysis/hazards.yaml}. A root that is not a directory, has no module or no
     * requirements file, or lacks the register is an error saying which.
     */
    public static TraceSources discover(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new IOException(root + ": not a directory (the root of a checkout is expected)");
        }
        List<Path> modules;
        try (Stream<Path> list = Files.list(base)) {
            modules = list.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))).sorted().toList();
        }
        if (modules.isEmpty()) {
            throw new IOException(base + ": no module (no directory with a pom.xml) under this root");
        }
        List<ModuleFile> requirements = new ArrayList<>();
        List<ClassScanner.ClassDirectory> classes = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        for (Path module : modules) {
            String name = module.getFileName().toString();
            if (Files.isRegularFile(module.resolve("requirements.yaml"))) {
                requirements.add(new ModuleFile(name, module.resolve("requirements.yaml")));
            }
            Path target = module.resolve("target");
            classes.add(new ClassScanner.ClassDirectory(target.resolve("classes"), name, false));
            classes.add(new ClassScanner.ClassDirectory(target.resolve("test-classes"), name, true));
            reports.add(target.resolve("surefire-reports"));
            reports.add(target.resolve("failsafe-reports"));
        }
        if (requirements.isEmpty()) {
            throw new IOException(base + ": no module has a requirements.yaml");
        }
        Path register = base.resolve(HAZARD_REGISTER);
        if (!Files.isRegularFile(register)) {
            throw new IOException(base + ": the hazard register " + HAZARD_REGISTER + " is missing");
        }
        return new TraceSources(base, requirements, register, classes, reports);
    }

    /** A path as the reports name it: relative to the root, with {@code /}. */
    public String name(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
