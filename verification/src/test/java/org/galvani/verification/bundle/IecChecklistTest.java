package org.galvani.verification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's IEC 62304 checklist against the standard's clause list, written here independently of it. */
class IecChecklistTest {

    /** The activities IEC 62304:2006+A1:2015 requires for class C in clauses 5.1–5.8, 7, 8 and 9. */
    static final List<String> REQUIRED = clauses(
            "5.1.", 12, "5.2.", 6, "5.3.", 6, "5.4.", 4, "5.5.", 5, "5.6.", 8, "5.7.", 5, "5.8.", 8,
            "7.1.", 4, "7.2.", 2, "7.3.", 3, "7.4.", 3, "8.1.", 3, "8.2.", 4, "9.", 8);

    @TempDir
    Path dir;

    private static List<String> clauses(Object... prefixAndCount) {
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < prefixAndCount.length; i += 2) {
            for (int n = 1; n <= (Integer) prefixAndCount[i + 1]; n++) {
                clauses.add(prefixAndCount[i] + Integer.toString(n));
            }
        }
        clauses.add("8.3");
        return clauses;
    }

    private static Path root() {
        return Path.of(System.getProperty("galvani.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    @Verifies("SRS-VER-012")
    void everyRequiredClauseAppearsOnceAndEveryArtefactExists() {
        Iec62304Checklist checklist = Iec62304Checklist.read(root().resolve(Iec62304Checklist.FILE));
        Map<String, Long> counts = checklist.activities().stream()
                .collect(Collectors.groupingBy(Iec62304Checklist.Activity::clause, TreeMap::new, Collectors.counting()));
        List<String> missing = REQUIRED.stream().filter(c -> !counts.containsKey(c)).toList();
        List<String> extra = counts.keySet().stream().filter(c -> !REQUIRED.contains(c)).toList();
        assertTrue(missing.isEmpty(), "clauses missing from the checklist: " + missing);
        assertTrue(extra.isEmpty(), "clauses that are not required activities of class C: " + extra);
        assertEquals(REQUIRED.size(), checklist.activities().size());
        assertEquals(List.of(), checklist.missingArtefacts(root(), EvidenceBundle.FILES));
        Map<String, Iec62304Checklist.Owner> owner = checklist.activities().stream()
                .collect(Collectors.toMap(Iec62304Checklist.Activity::clause, Iec62304Checklist.Activity::owner));
        for (String theirs : List.of("5.1.1", "5.8.4", "5.8.7", "9.1", "8.2.1")) {
            assertEquals(Iec62304Checklist.Owner.PRODUCT_TEAM, owner.get(theirs), theirs + " is only the product team's");
        }
        assertEquals(Iec62304Checklist.Owner.GALVANI, owner.get("8.1.2"), "the SOUP list is in the bundle");
    }

    @Test
    @Verifies("SRS-VER-012")
    void aBrokenChecklistIsRefusedNamingTheClause() throws Exception {
        Map<String, String> broken = Map.of(
                "twice", "  - {clause: 5.1.1, title: a, owner: product-team, artefacts: []}\n"
                        + "  - {clause: 5.1.1, title: b, owner: product-team, artefacts: []}\n",
                "owner", "  - {clause: 5.2.1, title: a, owner: someone, artefacts: []}\n",
                "path", "  - {clause: 5.2.1, title: a, owner: galvani, artefacts: [../etc/passwd]}\n",
                "empty", "  - {clause: 5.2.1, title: a, owner: galvani, artefacts: []}\n",
                "float", "  - {clause: 9.10, title: a, owner: product-team, artefacts: []}\n");
        Function<String, String> message = name -> {
            try {
                Path file = dir.resolve(name + ".yaml");
                Files.writeString(file, "standard: s\nactivities:\n" + broken.get(name));
                return assertThrows(BundleException.class, () -> Iec62304Checklist.read(file)).getMessage();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertTrue(message.apply("twice").contains("activity 2: clause 5.1.1 appears more than once"));
        assertTrue(message.apply("owner").contains("(5.2.1): owner must be galvani or product-team, not 'someone'"));
        assertTrue(message.apply("path").contains("artefact '../etc/passwd' must be repo:<path> or bundle:<path>"));
        assertTrue(message.apply("empty").contains("(5.2.1): an activity Galvani satisfies must name its artefacts"));
        assertTrue(message.apply("float").contains("activity 1: clause 9.1 is not text: quote clause numbers"),
                message.apply("float"));

        Path checklist = dir.resolve("ok.yaml");
        Files.writeString(checklist, "standard: s\nactivities:\n  - {clause: 5.2.1, title: a, owner: galvani,"
                + " artefacts: [repo:nothing/here.md, bundle:index.html, bundle:elsewhere.html]}\n");
        assertEquals(List.of("5.2.1: repo:nothing/here.md", "5.2.1: bundle:elsewhere.html"),
                Iec62304Checklist.read(checklist).missingArtefacts(dir, EvidenceBundle.FILES));
    }
}
