package org.galvani.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.galvani.trace.Verifies;
import org.galvani.traceability.corpus.CorpusShape;
import org.galvani.traceability.corpus.GalvaniCorpus;
import org.galvani.traceability.corpus.OftCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's corpus in both formats holds the same thing: a small one is written as a Galvani checkout and in
 * OpenFastTrace's format; the first is traced by Galvani, the second read here with OpenFastTrace's syntax (OFT
 * itself stays out of the build), and every requirement must have the same version, controls, hazards,
 * implementations and tests (with the same outdated links) in both.
 */
class BenchmarkCorpusTest {

    private static final Pattern ITEM = Pattern.compile("^`(haz|rc|req)~([^~`]+)~(\\d+)`$");
    private static final Pattern COVERS = Pattern.compile("^\\* `(haz|rc)~([^~`]+)~(\\d+)`$");
    private static final Pattern TAG = Pattern.compile("// \\[(impl|utest)->req~([^~\\]]+)~(\\d+)]");
    private static final Pattern METHOD = Pattern.compile("public void (\\w+)\\(");

    @TempDir
    Path dir;

    /** What one requirement is linked to, in either format. */
    record Chain(int version, List<String> controls, List<String> hazards, int implementations, TreeSet<String> tests,
            int outdated) {
    }

    @Test
    @Verifies("SRS-TRC-011")
    void bothFormatsHoldTheSameRequirementsHazardsAndLinks() throws Exception {
        CorpusShape shape = new CorpusShape(3, 60, 7, 130);
        GalvaniCorpus.write(dir.resolve("galvani"), shape);
        OftCorpus.write(dir.resolve("oft"), shape);

        TraceResult trace = Tracer.trace(TraceSources.discover(dir.resolve("galvani")));
        Map<String, Chain> galvani = new TreeMap<>();
        for (RequirementTrace row : trace.requirements()) {
            TreeSet<String> tests = new TreeSet<>();
            row.tests().forEach(test -> tests.add(test.link().element()));
            galvani.put(row.requirement().id(), new Chain(row.requirement().version(), row.controls(), row.hazards(),
                    row.implementations().size(), tests, (int) row.tests().stream().filter(VerifyingTest::suspect).count()));
        }
        Map<String, Chain> oft = oftChains(dir.resolve("oft"));

        assertEquals(60, galvani.size());
        assertEquals(7, trace.analysis().register().hazards().size());
        assertEquals(7, trace.controls().size());
        assertEquals(60 + 130, trace.links().size(), "one @Implements per requirement and one @Verifies per test");
        assertEquals(galvani.keySet(), oft.keySet());
        for (String id : galvani.keySet()) {
            assertEquals(galvani.get(id), oft.get(id), id);
        }
        assertTrue(galvani.get("SRS-GA-000").outdated() > 0, "version-2 requirements have outdated tests in the corpus");
        assertEquals(130, oft.values().stream().mapToInt(chain -> chain.tests().size()).sum());
    }

    @Test
    @Verifies("SRS-TRC-011")
    void aShapeThatCannotBeSplitEvenlyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CorpusShape(3, 50, 7, 130));
        assertThrows(IllegalArgumentException.class, () -> new CorpusShape(2, 60, 7, 125));
        assertThrows(IllegalArgumentException.class, () -> new CorpusShape(2, 60, 0, 120));
        assertEquals(new CorpusShape(10, 10_000, 2_000, 50_000), CorpusShape.benchmark());
    }

    /** The chains of the OFT corpus, read with OFT's markdown item and coverage-tag syntax. */
    private static Map<String, Chain> oftChains(Path root) throws IOException {
        Map<String, Integer> versions = new TreeMap<>();
        Map<String, List<String>> covers = new TreeMap<>();
        for (Path md : files(root.resolve("spec"), ".md")) {
            String item = null;
            for (String line : Files.readAllLines(md)) {
                Matcher id = ITEM.matcher(line);
                Matcher covered = COVERS.matcher(line);
                if (id.matches()) {
                    item = id.group(1) + "~" + id.group(2);
                    versions.put(item, Integer.parseInt(id.group(3)));
                    covers.put(item, new ArrayList<>());
                } else if (covered.matches() && item != null) {
                    covers.get(item).add(covered.group(1) + "~" + covered.group(2));
                }
            }
        }
        Map<String, Integer> implementations = new TreeMap<>();
        Map<String, TreeSet<String>> tests = new TreeMap<>();
        Map<String, Integer> outdated = new TreeMap<>();
        for (Path java : files(root.resolve("src"), ".java")) {
            List<String> lines = Files.readAllLines(java);
            String type = lines.get(0).replace("package ", "").replace(";", "") + "."
                    + java.getFileName().toString().replace(".java", "");
            for (int i = 0; i < lines.size(); i++) {
                Matcher tag = TAG.matcher(lines.get(i));
                if (!tag.find()) {
                    continue;
                }
                String requirement = tag.group(2);
                Matcher method = METHOD.matcher(lines.get(i + 1));
                assertTrue(method.find(), java + ":" + (i + 2) + " a tag is followed by its method");
                if (tag.group(1).equals("impl")) {
                    implementations.merge(requirement, 1, Integer::sum);
                } else {
                    tests.computeIfAbsent(requirement, k -> new TreeSet<>()).add(type + "#" + method.group(1));
                }
                if (Integer.parseInt(tag.group(3)) != versions.get("req~" + requirement)) {
                    outdated.merge(requirement, 1, Integer::sum);
                }
            }
        }
        Map<String, Chain> chains = new TreeMap<>();
        for (Map.Entry<String, Integer> item : versions.entrySet()) {
            if (!item.getKey().startsWith("req~")) {
                continue;
            }
            String id = item.getKey().substring(4);
            List<String> controls = covers.get(item.getKey()).stream().map(c -> c.substring(3)).toList();
            List<String> hazards = covers.get(item.getKey()).stream().flatMap(c -> covers.get(c).stream())
                    .map(h -> h.substring(4)).toList();
            chains.put(id, new Chain(item.getValue(), controls, hazards, implementations.getOrDefault(id, 0),
                    tests.getOrDefault(id, new TreeSet<>()), outdated.getOrDefault(id, 0)));
        }
        return chains;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
