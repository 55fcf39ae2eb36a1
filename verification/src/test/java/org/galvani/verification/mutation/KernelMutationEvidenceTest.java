package org.galvani.verification.mutation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.galvani.trace.Implements;
import org.galvani.trace.Verifies;
import org.galvani.verification.proofs.ProofReport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The evidence of the kernel core's mutation testing and branch coverage, which safety-kernel's verify
 * phase produces (PIT and JaCoCo, both enforced there): this test reads the two reports, checks the same
 * bars again from the numbers, and writes {@code target/evidence/mutation.json} (score and every
 * surviving mutant) and {@code coverage.json}. A missing report fails: the evidence must come from this
 * build's run (safety-kernel builds before this module).
 */
@Implements("SRS-VER-008")
class KernelMutationEvidenceTest {

    private static final Logger LOG = LoggerFactory.getLogger(KernelMutationEvidenceTest.class);
    static final double MIN_MUTATION_SCORE = 0.90;
    static final double MIN_BRANCH_COVERAGE = 0.95;
    private static final List<String> CORE = List.of("org/galvani/kernel", "org/galvani/kernel/policy");

    /** A surviving or uncovered mutant. */
    record Survivor(String status, String mutatedClass, String method, int line, String mutator, String description) {
    }

    @Test
    @Verifies(value = "SRS-VER-008", version = 1)
    void theKernelCoreMeetsTheMutationAndCoverageBars() throws Exception {
        Path pit = report("galvani.pit.report");
        Path jacoco = report("galvani.jacoco.report");
        Document mutations = parse(pit);
        NodeList all = mutations.getElementsByTagName("mutation");
        int killed = 0;
        List<Survivor> survivors = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element m = (Element) all.item(i);
            boolean detected = Boolean.parseBoolean(m.getAttribute("detected"));
            if (detected) {
                killed++;
            } else {
                survivors.add(new Survivor(m.getAttribute("status"), text(m, "mutatedClass"), text(m, "mutatedMethod"),
                        Integer.parseInt(text(m, "lineNumber")), text(m, "mutator"), text(m, "description")));
            }
        }
        double score = all.getLength() == 0 ? 0 : killed / (double) all.getLength();

        Document coverage = parse(jacoco);
        long covered = 0;
        long missed = 0;
        NodeList packages = coverage.getElementsByTagName("package");
        for (int i = 0; i < packages.getLength(); i++) {
            Element p = (Element) packages.item(i);
            if (!CORE.contains(p.getAttribute("name"))) {
                continue;
            }
            NodeList counters = p.getChildNodes();
            for (int j = 0; j < counters.getLength(); j++) {
                if (counters.item(j) instanceof Element c && c.getTagName().equals("counter")
                        && c.getAttribute("type").equals("BRANCH")) {
                    covered += Long.parseLong(c.getAttribute("covered"));
                    missed += Long.parseLong(c.getAttribute("missed"));
                }
            }
        }
        double branches = covered + missed == 0 ? 0 : covered / (double) (covered + missed);

        Path evidence = Path.of(System.getProperty("galvani.evidence", "target/evidence"));
        Files.createDirectories(evidence);
        Files.writeString(evidence.resolve("mutation.json"), mutationJson(all.getLength(), killed, score, survivors),
                StandardCharsets.UTF_8);
        Files.writeString(evidence.resolve("coverage.json"), String.format(Locale.ROOT, "{\"scope\": %s,"
                + " \"branchesCovered\": %d, \"branchesMissed\": %d, \"branchCoverage\": %.4f, \"minimum\": %.2f}%n",
                ProofReport.quote(String.join(", ", CORE)), covered, missed, branches, MIN_BRANCH_COVERAGE),
                StandardCharsets.UTF_8);
        LOG.info("kernel core: mutation score {}/{} = {} % ({} survivors), branch coverage {}/{} = {} %", killed,
                all.getLength(), String.format(Locale.ROOT, "%.1f", 100 * score), survivors.size(), covered,
                covered + missed, String.format(Locale.ROOT, "%.1f", 100 * branches));
        assertTrue(all.getLength() > 0 && score >= MIN_MUTATION_SCORE, "mutation score " + score + " below "
                + MIN_MUTATION_SCORE + " in " + pit);
        assertTrue(covered + missed > 0 && branches >= MIN_BRANCH_COVERAGE, "branch coverage " + branches + " below "
                + MIN_BRANCH_COVERAGE + " in " + jacoco);
    }

    private static Path report(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null, "system property " + property + " is not set: run through Maven");
        Path path = Path.of(value);
        assertTrue(Files.isRegularFile(path), path + " is missing: safety-kernel's verify phase writes it (mvn -B"
                + " -pl verification -am verify; not with -Dgalvani.pit.skip=true)");
        return path;
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static String mutationJson(int total, int killed, double score, List<Survivor> survivors) throws IOException {
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"scope\": \"org.galvani.kernel,"
                + " org.galvani.kernel.policy\", \"mutants\": %d, \"killed\": %d, \"score\": %.4f, \"minimum\": %.2f,"
                + " \"notKilled\": [", total, killed, score, MIN_MUTATION_SCORE));
        for (int i = 0; i < survivors.size(); i++) {
            Survivor s = survivors.get(i);
            json.append(i == 0 ? "\n  " : ",\n  ").append(String.format(Locale.ROOT, "{\"status\": %s, \"class\": %s,"
                    + " \"method\": %s, \"line\": %d, \"mutator\": %s, \"description\": %s}", ProofReport.quote(s.status()),
                    ProofReport.quote(s.mutatedClass()), ProofReport.quote(s.method()), s.line(),
                    ProofReport.quote(s.mutator()), ProofReport.quote(s.description())));
        }
        return json.append(survivors.isEmpty() ? "]}\n" : "\n]}\n").toString();
    }
}
