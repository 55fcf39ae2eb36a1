package org.galvani.verification.proofs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.galvani.trace.Implements;

/**
 * Which kernel sources KeY proves, and the folder they are gathered in for it.
 *
 * <p>KeY parses every {@code .java} file under the folder it loads, and must resolve every type those files
 * use; the kernel's full source tree uses generics, records and libraries that KeY 2.12 cannot read. So
 * only the classes that carry contracts, written in the Java subset KeY reads, are staged: the policies
 * and the transition table with its state enum ({@link #SCOPE}), plus the {@code @Implements} annotation
 * they carry. Nothing else may carry a contract: {@link #unstagedJmlSources()} finds any kernel source with
 * JML outside the scope, so that a new contract cannot silently go unproved.
 *
 * @param kernelSources the safety kernel's source root ({@code safety-kernel/src/main/java})
 * @param traceSources  the trace annotations' source root ({@code trace-annotations/src/main/java})
 */
@Implements("SRS-VER-001")
public record ProofStage(Path kernelSources, Path traceSources) {

    /** The kernel's packages, relative to its source root; every JML annotation under it must be in scope. */
    public static final Path KERNEL_PACKAGES = Path.of("org/galvani/kernel");

    /**
     * The proved sources, relative to the kernel's source root: a folder stands for the {@code .java} files
     * directly in it (not in its subfolders).
     */
    public static final List<Path> SCOPE = List.of(
            Path.of("org/galvani/kernel/policy"),
            Path.of("org/galvani/kernel/TransitionTable.java"),
            Path.of("org/galvani/kernel/KernelState.java"));

    /** The annotation the staged classes carry, relative to the trace annotations' source root. */
    public static final Path IMPLEMENTS = Path.of("org/galvani/trace/Implements.java");

    /** The kernel sources in {@link #SCOPE}, relative to the kernel's source root, sorted. */
    public List<Path> stagedKernelSources() {
        List<Path> staged = new ArrayList<>();
        for (Path entry : SCOPE) {
            Path absolute = kernelSources.resolve(entry);
            if (Files.isDirectory(absolute)) {
                try (Stream<Path> files = Files.list(absolute)) {
                    files.filter(ProofStage::isJavaFile).map(kernelSources::relativize).forEach(staged::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(absolute)) {
                staged.add(entry);
            } else {
                throw new IllegalStateException("the proof scope names " + entry + ", which is not in " + kernelSources);
            }
        }
        staged.sort(Comparator.naturalOrder());
        return staged;
    }

    /**
     * Every kernel source (any package under {@link #KERNEL_PACKAGES}) that holds a JML annotation comment
     * ({@code /*@} or {@code //@}), relative to the kernel's source root, sorted.
     */
    public List<Path> jmlAnnotatedKernelSources() {
        try (Stream<Path> files = Files.walk(kernelSources.resolve(KERNEL_PACKAGES))) {
            return files.filter(ProofStage::isJavaFile).filter(ProofStage::holdsJml).map(kernelSources::relativize)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kernel sources with JML that are not staged, and so would not be proved; empty when all are. */
    public List<Path> unstagedJmlSources() {
        List<Path> staged = stagedKernelSources();
        return jmlAnnotatedKernelSources().stream().filter(source -> !staged.contains(source)).toList();
    }

    /**
     * The fully qualified names of the staged kernel classes (one top-level class per file, named after it).
     */
    public List<String> stagedKernelClasses() {
        return stagedKernelSources().stream().map(ProofStage::className).toList();
    }

    /**
     * Fills {@code folder} (emptied first) with the staged kernel sources, {@link #IMPLEMENTS}, and every
     * {@code .java} file under each of {@code fixtures} (package trees of further classes to prove), each at
     * its package path.
     */
    public void stageInto(Path folder, List<Path> fixtures) throws IOException {
        deleteRecursively(folder);
        for (Path source : stagedKernelSources()) {
            copy(kernelSources, source, folder);
        }
        copy(traceSources, IMPLEMENTS, folder);
        for (Path fixtureRoot : fixtures) {
            try (Stream<Path> files = Files.walk(fixtureRoot)) {
                for (Path file : files.filter(ProofStage::isJavaFile).toList()) {
                    copy(fixtureRoot, fixtureRoot.relativize(file), folder);
                }
            }
        }
    }

    private static void copy(Path root, Path relative, Path folder) throws IOException {
        Path target = folder.resolve(relative);
        if (Files.exists(target)) {
            throw new IllegalStateException(relative + " is staged twice (a fixture may not shadow a kernel class)");
        }
        Files.createDirectories(target.getParent());
        Files.copy(root.resolve(relative), target);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean isJavaFile(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".java");
    }

    private static boolean holdsJml(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.contains("/*@") || text.contains("//@");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(Path relativeSource) {
        String path = relativeSource.toString().replace(relativeSource.getFileSystem().getSeparator(), ".");
        return path.substring(0, path.length() - ".java".length());
    }
}
