package org.galvani.hazard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository this module is built in: its root, its register and its requirements files. */
final class Repository {

    private Repository() {
    }

    /** The module's directory (Maven's basedir, or the working directory). */
    static Path module() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    }

    /** The directory of the parent pom (the one that lists this module), found by walking up from the module. */
    static Path root() throws IOException {
        for (Path dir = module(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>hazard-analysis</module>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no galvani-parent pom.xml above " + module());
    }

    /** Galvani's hazard register, named relative to the repository root. */
    static HazardRegister register() throws IOException, InputFormatException {
        Path root = root();
        return RegisterReader.read(root.resolve("hazard-analysis/hazards.yaml"), "hazard-analysis/hazards.yaml");
    }

    /** The links of every {@code MODULE/requirements.yaml} of the repository, in module order. */
    static List<RequirementLink> links() throws IOException, InputFormatException {
        Path root = root();
        List<Path> files;
        try (Stream<Path> modules = Files.list(root)) {
            files = modules.map(dir -> dir.resolve("requirements.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
        List<RequirementLink> links = new ArrayList<>();
        for (Path file : files) {
            links.addAll(RequirementsReader.read(file, root.relativize(file).toString().replace('\\', '/')));
        }
        return links;
    }
}
