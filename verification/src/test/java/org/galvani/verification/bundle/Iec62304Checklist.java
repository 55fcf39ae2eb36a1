package org.galvani.verification.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.galvani.trace.Implements;

/**
 * The IEC 62304 class C checklist ({@code verification/iec62304-checklist.yaml}): each required activity by
 * clause, who satisfies it (Galvani, or only the product team) and the artefacts that do, as
 * {@code repo:<path from the root>} or {@code bundle:<path in the bundle folder>}.
 */
@Implements("SRS-VER-012")
final class Iec62304Checklist {

    static final String FILE = "verification/iec62304-checklist.yaml";
    static final String REPO = "repo:";
    static final String BUNDLE = "bundle:";

    enum Owner {
        GALVANI("galvani"), PRODUCT_TEAM("product-team");

        final String key;

        Owner(String key) {
            this.key = key;
        }

        static Owner of(String key, String where) {
            for (Owner owner : values()) {
                if (owner.key.equals(key)) {
                    return owner;
                }
            }
            throw new BundleException(where + ": owner must be galvani or product-team, not '" + key + "'");
        }
    }

    record Activity(String clause, String title, Owner owner, String note, List<String> artefacts) {
    }

    private final String standard;
    private final List<Activity> activities;

    private Iec62304Checklist(String standard, List<Activity> activities) {
        this.standard = standard;
        this.activities = List.copyOf(activities);
    }

    /** Reads and checks the file: each entry has a clause, a title, an owner; no clause twice; artefacts well formed. */
    static Iec62304Checklist read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BundleException(file + ": the IEC 62304 checklist is missing");
        }
        Map<String, Object> top = JsonFiles.object(file);
        List<Activity> activities = new ArrayList<>();
        Set<String> clauses = new HashSet<>();
        int index = 0;
        for (Object raw : JsonFiles.list(top.get("activities"))) {
            index++;
            Map<String, Object> entry = JsonFiles.map(raw);
            String where = file + ": activity " + index;
            if (!(entry.get("clause") instanceof String)) {
                throw new BundleException(where + ": clause " + entry.get("clause") + " is not text: quote clause numbers"
                        + " (\"9.1\", \"8.3\"), or YAML reads 9.10 as the number 9.1");
            }
            String clause = JsonFiles.text(entry.get("clause")).trim();
            String title = JsonFiles.text(entry.get("title")).trim();
            if (!clause.matches("[5-9](\\.[0-9]+){1,2}")) {
                throw new BundleException(where + ": clause '" + clause + "' is not an IEC 62304 clause number");
            }
            if (title.isEmpty()) {
                throw new BundleException(where + " (" + clause + "): no title");
            }
            if (!clauses.add(clause)) {
                throw new BundleException(where + ": clause " + clause + " appears more than once");
            }
            List<String> artefacts = new ArrayList<>();
            for (Object artefact : JsonFiles.list(entry.get("artefacts"))) {
                String path = JsonFiles.text(artefact).trim();
                if (!(path.startsWith(REPO) || path.startsWith(BUNDLE)) || path.contains("..") || path.endsWith(":")) {
                    throw new BundleException(where + " (" + clause + "): artefact '" + path + "' must be repo:<path>"
                            + " or bundle:<path>, without '..'");
                }
                artefacts.add(path);
            }
            Owner owner = Owner.of(JsonFiles.text(entry.get("owner")).trim(), where + " (" + clause + ")");
            if (owner == Owner.GALVANI && artefacts.isEmpty()) {
                throw new BundleException(where + " (" + clause + "): an activity Galvani satisfies must name its artefacts");
            }
            activities.add(new Activity(clause, title, owner, JsonFiles.text(entry.get("note")).trim(), artefacts));
        }
        if (activities.isEmpty()) {
            throw new BundleException(file + ": no activities");
        }
        return new Iec62304Checklist(JsonFiles.text(top.get("standard")), activities);
    }

    /**
     * The artefacts that do not exist: {@code repo:} paths missing under the root, {@code bundle:} paths not
     * among the bundle's files.
     */
    List<String> missingArtefacts(Path root, Set<String> bundleFiles) {
        List<String> missing = new ArrayList<>();
        for (Activity activity : activities) {
            for (String artefact : activity.artefacts()) {
                boolean exists = artefact.startsWith(REPO)
                        ? Files.exists(root.resolve(artefact.substring(REPO.length())))
                        : bundleFiles.contains(artefact.substring(BUNDLE.length()));
                if (!exists) {
                    missing.add(activity.clause() + ": " + artefact);
                }
            }
        }
        return missing;
    }

    String standard() {
        return standard;
    }

    List<Activity> activities() {
        return activities;
    }

    List<Activity> productTeamItems() {
        return activities.stream().filter(a -> a.owner() == Owner.PRODUCT_TEAM).toList();
    }
}
